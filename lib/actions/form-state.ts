import type en from "@/messages/en.json";

/**
 * What every server action returns, and what its form reads (useActionState). Safe for client
 * components: no zod, no server code.
 *
 * - `idle`: nothing submitted yet;
 * - `ok`: done, with what the action hands back in `data`;
 * - `error`: `error` is the refusal of the form as a whole, `fieldErrors` those of single fields,
 *   `values` is what was typed (never secrets), so the form can show it again.
 *
 * A refusal carries its message key (one of messages/*.json) and its text, translated on the
 * server in the request's locale: forms show `message` and ship no translation runtime.
 */
export type FormState<D = unknown> =
  | { status: "idle"; data?: undefined; error?: undefined; fieldErrors?: undefined; values?: undefined }
  | { status: "ok"; data: D; error?: undefined; fieldErrors?: undefined; values?: undefined }
  | {
      status: "error";
      data?: undefined;
      error?: Refusal;
      fieldErrors?: Partial<Record<string, Refusal>>;
      values?: Record<string, string>;
    };

export interface Refusal {
  key: MessageKey;
  /** The text of `key` in the request's locale, placeholders filled. */
  message: string;
}

export type MessageParams = Record<string, string | number>;

export const IDLE: FormState<never> = { status: "idle" };

/** Every dotted path to a text of messages/en.json ("Errors.NOT_FOUND", "Coupons.errors.notFound"). */
export type MessageKey = LeafPaths<typeof en>;

type LeafPaths<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
