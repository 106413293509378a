import { z } from "zod";
import { cleanMultilineString, cleanString } from "@/lib/input";
import { currencyDigits, parseMoney } from "@/lib/money";

/**
 * The merchant's refund form. Field problems are keys under `Orders.merchant.errors`. What depends
 * on the order (a line that is not its own, more units or money than are left) is checked by the
 * refund itself (lib/orders/refunds.ts), which answers with keys of the same namespace.
 *
 * The form's fields: `orderId` and `idempotencyKey` (hidden), `mode` (lines | amount | all),
 * `qty.<lineId>` (units of each line, for "lines"), `amount` (major units as typed, for
 * "amount"), `destination` (card | credit), `restock` (a checkbox, for "lines") and `reason`.
 */

/** The longest reason a manager writes for a refund. */
export const REFUND_REASON_MAX = 500;
/** More lines than an order ever has: a form with more is tampered with. */
const MAX_FORM_LINES = 500;
const ID = /^[a-z0-9]{1,64}$/i;
const QTY_PREFIX = "qty.";

export type RefundFieldError =
  | "notFound"
  | "invalidForm"
  | "invalidChoice"
  | "quantityFormat"
  | "noItemsChosen"
  | "unknownLine"
  | "amountRequired"
  | "amountFormat"
  | "amountTooManyDecimals"
  | "amountNotPositive"
  | "moreThanRefundable"
  | "reasonTooLong";

export interface RefundFormInput {
  orderId: string;
  idempotencyKey: string;
  mode: "lines" | "amount" | "all";
  /** "lines": the units of each line with at least one (lines left at 0 are left out). */
  lines: Array<{ lineId: string; quantity: number }>;
  /** "amount": in minor units. */
  amountCents: number | null;
  toStoreCredit: boolean;
  /** Only with "lines": an amount names no units to put back. */
  restock: boolean;
  reason: string | null;
}

const text = (v: unknown) => (typeof v === "string" ? v : "");
const AMOUNT_ERRORS = { required: "amountRequired", format: "amountFormat", tooManyDecimals: "amountTooManyDecimals", tooLarge: "moreThanRefundable" } as const;

/** The refund form of an order in `currency` (the store's: its digits read the amount). */
export function refundFormSchema(currency: string) {
  const digits = currencyDigits(currency);
  return z
    .looseObject({
      orderId: z.preprocess((v) => (typeof v === "string" ? v.slice(0, 65) : v), cleanString({ error: "notFound" }).regex(ID, "notFound")),
      idempotencyKey: z.preprocess(
        (v) => (typeof v === "string" ? v.slice(0, 65) : v),
        cleanString({ error: "invalidForm" }).regex(/^[A-Za-z0-9_-]{16,64}$/, "invalidForm"),
      ),
      mode: z.enum(["lines", "amount", "all"], "invalidChoice"),
      destination: z.enum(["card", "credit"], "invalidChoice"),
      amount: z.preprocess((v) => text(v).slice(0, 33), cleanString()),
      restock: z.preprocess((v) => (v === "on" || v === "true" ? "on" : ""), z.string()),
      reason: z.preprocess(
        (v) => text(v).slice(0, REFUND_REASON_MAX + 1),
        cleanMultilineString()
          .transform((v) => v.trim())
          .refine((v) => v.length <= REFUND_REASON_MAX, "reasonTooLong"),
      ),
    })
    .transform((raw, ctx): RefundFormInput => {
      let refused = false;
      const issue = (path: string, message: RefundFieldError) => {
        refused = true;
        ctx.addIssue({ code: "custom", path: [path], message });
      };
      const lines: RefundFormInput["lines"] = [];
      let amountCents: number | null = null;
      if (raw.mode === "lines") {
        const entries = Object.entries(raw).filter(([name]) => name.startsWith(QTY_PREFIX));
        if (entries.length > MAX_FORM_LINES) issue("lines", "invalidForm");
        for (const [name, value] of entries.slice(0, MAX_FORM_LINES)) {
          const lineId = name.slice(QTY_PREFIX.length);
          if (!ID.test(lineId)) {
            issue("lines", "unknownLine");
            continue;
          }
          const typed = text(value).trim();
          if (typed === "") continue;
          if (!/^\d{1,6}$/.test(typed)) {
            issue(name, "quantityFormat");
            continue;
          }
          const quantity = Number(typed);
          if (quantity > 0) lines.push({ lineId, quantity });
        }
        if (lines.length === 0 && !refused) issue("lines", "noItemsChosen");
      } else if (raw.mode === "amount") {
        const parsed = parseMoney(raw.amount, digits);
        if (!parsed.ok) issue("amount", AMOUNT_ERRORS[parsed.reason]);
        else if (parsed.cents <= 0) issue("amount", "amountNotPositive");
        else amountCents = parsed.cents;
      }
      return {
        orderId: raw.orderId,
        idempotencyKey: raw.idempotencyKey,
        mode: raw.mode,
        lines,
        amountCents,
        toStoreCredit: raw.destination === "credit",
        restock: raw.mode === "lines" && raw.restock === "on",
        reason: raw.reason === "" ? null : raw.reason,
      };
    });
}
