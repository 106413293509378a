/**
 * Gift-card inputs as zod schemas: a code typed or scanned (the terminal and the balance page), an
 * amount taken at the counter, a manager's signed adjustment and the reason of a correction.
 * Issue messages are keys under `GiftCards.errors`. Pure module.
 */
import { z } from "zod";
import { cleanMultilineString, cleanString } from "@/lib/input";
import { MAX_MINOR_UNITS, parseMoney } from "@/lib/money";

export type GiftCardFieldError = "required" | "invalidAmount" | "amountTooLarge" | "tooLong" | "invalidCode" | "checkCode";

/** The longest text a code field takes before it is parsed (a code with spaces and dashes fits easily). */
const CODE_INPUT_MAX = 64;

/**
 * A code as typed or scanned, not yet parsed (parseGiftCardCode): parsing happens where the
 * answer is given, so that a typo is told apart from a code that is not a card's.
 */
export const codeFormSchema = z.object({
  code: cleanString({ error: "required" })
    .transform((v) => v.trim())
    .pipe(z.string().min(1, "required").max(CODE_INPUT_MAX, "invalidCode")),
});

export type SignedAmountResult = { ok: true; cents: number } | { ok: false; error: GiftCardFieldError };

/**
 * An amount of money typed with an optional sign ("-5,00", "+12.50", "12"): minor units of a
 * currency with `digits` decimals, never 0, at most `maxCents` either way. Parsed by lib/money.ts
 * (no float), the sign read here. A typographic minus (−) counts as a minus.
 */
export function parseSignedAmount(raw: string, digits: number, maxCents: number = MAX_MINOR_UNITS): SignedAmountResult {
  const value = raw.trim().replace(/^\u2212/, "-");
  const sign = value.startsWith("-") ? -1 : 1;
  const unsigned = /^[+-]/.test(value) ? value.slice(1).trimStart() : value;
  const parsed = parseMoney(unsigned, digits, maxCents);
  if (!parsed.ok) return { ok: false, error: parsed.reason === "required" ? "required" : parsed.reason === "tooLarge" ? "amountTooLarge" : "invalidAmount" };
  if (parsed.cents === 0) return { ok: false, error: "invalidAmount" };
  return { ok: true, cents: sign * parsed.cents };
}

const amountText = z.preprocess((v) => (v === undefined || v === null ? "" : v), cleanString({ error: "invalidAmount" }).max(CODE_INPUT_MAX, "invalidAmount"));

/** The terminal's debit: a positive amount in the store's currency (`digits` decimals), as minor units. */
export function counterDebitSchema(digits: number) {
  return z.object({ amount: amountText }).transform((raw, ctx) => {
    const parsed = /^\s*[-\u2212]/.test(raw.amount) ? ({ ok: false, error: "invalidAmount" } as const) : parseSignedAmount(raw.amount, digits);
    if (parsed.ok) return { amountCents: parsed.cents };
    ctx.addIssue({ code: "custom", path: ["amount"], message: parsed.error });
    return z.NEVER;
  });
}

/** The reason a manager gives for a correction, kept in the ledger and the audit log. */
export const correctionReasonSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.slice(0, 400) : v),
  cleanMultilineString({ error: "required" }).trim().min(1, "required").max(300, "tooLong"),
);

/** A manager's reversal of a counter redemption: the reason. */
export const reverseRedemptionSchema = z.object({ reason: correctionReasonSchema });

/** A manager's adjustment: a signed amount (+ adds, - takes) in the store's currency and a reason. */
export function balanceAdjustmentSchema(digits: number) {
  return z.object({ amount: amountText, reason: correctionReasonSchema }).transform((raw, ctx) => {
    const parsed = parseSignedAmount(raw.amount, digits);
    if (parsed.ok) return { deltaCents: parsed.cents, reason: raw.reason };
    ctx.addIssue({ code: "custom", path: ["amount"], message: parsed.error });
    return z.NEVER;
  });
}
