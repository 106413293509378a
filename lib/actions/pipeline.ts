import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { invalidate, type CacheTag } from "@/lib/cache";
import { isAppError } from "@/lib/errors";
import en from "@/messages/en.json";
import { getTranslations } from "next-intl/server";
import type { FormState, MessageKey, MessageParams, Refusal } from "./form-state";

/**
 * The one action pipeline. Every server action is `client(definition)`, where a client
 * (lib/auth/action-clients.ts) resolves the context from the request: the store and customer of a
 * storefront, the membership gate of the merchant area, the platform admin. The pipeline then:
 *
 * 1. resolves the context (a gate may answer notFound / forbidden / a sign-in redirect: passed on);
 * 2. parses the input with the definition's zod schema: field errors as message keys, nothing written;
 * 3. runs the handler, which calls one mutation (the mutation writes its audit event in its own
 *    transaction) and returns an `Outcome`;
 * 4. after the commit, invalidates the cache tags the outcome names, then redirects or returns data;
 * 5. maps an `AppError` to `Errors.<code>`; every other error is rethrown (Next's error page);
 * 6. translates refusals in the request's locale (forms show the text, they translate nothing).
 *
 * The result is always one `FormState`.
 */

/** What a handler returns: `ok(...)` or `fail(...)`. */
export type Outcome<D> =
  | { ok: true; data: D; invalidate: readonly CacheTag[]; redirectTo?: string }
  | { ok: false; error?: MessageKey; params?: MessageParams; fieldErrors?: Partial<Record<string, MessageKey>> };

/** Success: `data` for the form, the cache tags the mutation touched, where to go next (if anywhere). */
export function ok<D = undefined>(data?: D, options: { invalidate?: readonly CacheTag[]; redirectTo?: string } = {}): Outcome<D> {
  return { ok: true, data: data as D, invalidate: options.invalidate ?? [], redirectTo: options.redirectTo };
}

/** An expected refusal: one message key for the form, with its placeholders. */
export function fail(error: MessageKey, params?: MessageParams): Outcome<never> {
  return { ok: false, error, params };
}

/** Refusals of single fields (message keys), with an optional form-level key. */
export function failFields(fieldErrors: Partial<Record<string, MessageKey>>, error?: MessageKey, params?: MessageParams): Outcome<never> {
  return { ok: false, fieldErrors, error, params };
}

export interface ActionDefinition<Ctx, S extends z.ZodType, D> {
  /** The input's schema, or a function of the context for rules that depend on it (a store's currency). */
  schema: S | ((ctx: Ctx) => S);
  /**
   * The messages namespace the schema's issue messages are keys of: an issue with message
   * "tooLong" on field "name" becomes `fieldErrors.name = "<namespace>.tooLong"`.
   */
  messages: string;
  /**
   * Placeholders of the schema's issue messages, when their texts have some (the date format of
   * the request's locale in "Enter a real date in the format {format}"). Optional.
   */
  messageParams?: (ctx: Ctx) => MessageParams | Promise<MessageParams>;
  /**
   * The refusal of the whole form that goes with the schema's field errors, for forms that say
   * so above the fields ("Please check the highlighted fields"). Without it: field errors only.
   */
  invalid?: MessageKey;
  /** Form fields never sent back to the form after an error. Passwords and codes are never sent back. */
  secret?: readonly string[];
  /** Fields named like secrets that are none here (a coupon's code): sent back after an error like any other. */
  echo?: readonly string[];
  handler: (input: z.output<S>, ctx: Ctx, raw: { formData: FormData | null }) => Promise<Outcome<D>>;
}

/**
 * A server action as forms call it: the ids the page bound (merchant, store, ...), the previous
 * state (useActionState) and the input, a FormData or a plain object.
 */
export type ServerAction<Ids extends unknown[], Input, D> = (...args: [...Ids, FormState<unknown>, FormData | Input]) => Promise<FormState<D>>;

const ALWAYS_SECRET = new Set(["password", "newPassword", "code", "phrase", "token"]);
/** Long enough for the longest text a form takes (a product description of 5000 characters). */
const MAX_ECHOED_LENGTH = 10_000;

/**
 * A client: `resolve` turns the bound ids into the context (or throws notFound / forbidden /
 * redirect, or an AppError). `idCount` is how many bound ids precede the state and the input.
 */
export function actionClient<Ids extends unknown[], Ctx>(idCount: Ids["length"], resolve: (...ids: Ids) => Promise<Ctx>) {
  return function define<S extends z.ZodType, D = undefined>(definition: ActionDefinition<Ctx, S, D>): ServerAction<Ids, z.input<S>, D> {
    return async (...args) => {
      const ids = args.slice(0, idCount as number) as Ids;
      const input = args[args.length - 1] as FormData | z.input<S>;
      const formData = input instanceof FormData ? input : null;
      let outcome: Outcome<D>;
      try {
        const ctx = await resolve(...ids);
        const schema = typeof definition.schema === "function" ? definition.schema(ctx) : definition.schema;
        const parsed = schema.safeParse(formData ? formEntries(formData) : input);
        outcome = parsed.success
          ? await definition.handler(parsed.data, ctx, { formData })
          : { ok: false, error: definition.invalid, fieldErrors: zodFieldErrors(parsed.error, definition.messages), params: await definition.messageParams?.(ctx) };
      } catch (error) {
        unstable_rethrow(error);
        if (!isAppError(error)) throw error;
        outcome = { ok: false, error: `Errors.${error.code}` };
      }
      if (!outcome.ok) return refused(outcome, echo(formData, definition.secret, definition.echo));
      await invalidate(outcome.invalidate);
      if (outcome.redirectTo) redirect(outcome.redirectTo);
      return { status: "ok", data: outcome.data };
    };
  };
}

async function refused(outcome: Extract<Outcome<unknown>, { ok: false }>, values: Record<string, string> | undefined): Promise<FormState<never>> {
  const t = await getTranslations();
  const refusal = (key: string, params?: MessageParams): Refusal => {
    const known = knownKey(key);
    return { key: known, message: t(known, params) };
  };
  const fieldErrors = outcome.fieldErrors
    ? Object.fromEntries(Object.entries(outcome.fieldErrors).map(([field, key]) => [field, refusal(key!, outcome.params)]))
    : undefined;
  return {
    status: "error",
    ...(outcome.error ? { error: refusal(outcome.error, outcome.params) } : {}),
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(values ? { values } : {}),
  };
}

/**
 * A FormData as the schema sees it: one value per name (the first), files kept; a name given
 * several times (checkbox groups) becomes an array.
 */
export function formEntries(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const name of new Set(formData.keys())) {
    if (name.startsWith("$ACTION")) continue;
    const values = formData.getAll(name);
    out[name] = values.length > 1 ? values : values[0]!;
  }
  return out;
}

/** zod issues as field errors: the first issue of each field, its message a key under `namespace`. */
export function zodFieldErrors(error: z.ZodError, namespace: string): Partial<Record<string, MessageKey>> {
  const fields: Partial<Record<string, MessageKey>> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    fields[field] ??= `${namespace}.${issue.message}` as MessageKey;
  }
  return fields;
}

function echo(formData: FormData | null, secret: readonly string[] = [], open: readonly string[] = []): Record<string, string> | undefined {
  if (!formData) return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION") || (ALWAYS_SECRET.has(name) && !open.includes(name)) || secret.includes(name)) continue;
    out[name] ??= value.slice(0, MAX_ECHOED_LENGTH);
  }
  return out;
}

/**
 * A key the messages have. Keys written in code are checked by the type `MessageKey`; keys built
 * from zod messages are checked here: an unknown one is a defect, thrown outside production and
 * answered with the generic bad-input text in production.
 */
export function knownKey(key: string): MessageKey {
  if (hasMessage(key)) return key as MessageKey;
  if (process.env.NODE_ENV !== "production" || process.env.PATRON_TEST_MODE === "1") throw new Error(`No message "${key}" in messages/en.json`);
  console.error(`[actions] no message "${key}"`);
  return "Errors.BAD_INPUT";
}

export function hasMessage(key: string): boolean {
  let node: unknown = en;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}
