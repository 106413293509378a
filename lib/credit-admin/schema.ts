import { z } from "zod";
import { checkEmailAddress } from "@/lib/email-address";
import { cleanMultilineString, cleanString } from "@/lib/input";
import { parseMoney } from "@/lib/money";
import { isCalendarDate } from "@/lib/reports/period";

/**
 * The forms of the merchant's store-credit area. Field problems are keys under
 * `StoreCreditAdmin.errors`. What depends on the database (whether an email is a customer's, the
 * currencies of the stores, the decimals of the account's currency) is checked by the mutations,
 * which answer with the same keys.
 */

export type CreditFieldError = "required" | "tooLong" | "invalidAmount" | "invalidDate" | "invalidEmail" | "notCustomer" | "unknownCurrency" | "dateInPast";

/** The longest reason a manager writes. */
export const REASON_MAX = 500;

const text = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? v.slice(0, max + 1) : undefined), cleanString().optional()).transform((v) => (v ?? "").trim());

const reason = z
  .preprocess((v) => (typeof v === "string" ? v.slice(0, REASON_MAX + 1) : undefined), cleanMultilineString().optional())
  .transform((v) => (v ?? "").trim())
  .superRefine((value, ctx) => {
    if (value === "") ctx.addIssue({ code: "custom", message: "required" });
    else if (value.length > REASON_MAX) ctx.addIssue({ code: "custom", message: "tooLong" });
  });

/** An amount above zero with at most three decimals: the account's currency decides the rest. */
const amount = text(32).superRefine((value, ctx) => {
  if (value === "") return void ctx.addIssue({ code: "custom", message: "required" });
  const parsed = parseMoney(value, 3);
  if (!parsed.ok || parsed.cents <= 0) ctx.addIssue({ code: "custom", message: "invalidAmount" });
});

export interface GoodwillInput {
  customerEmail: string;
  currency: string;
  /** As typed: read in `currency` by the mutation. */
  amount: string;
  reason: string;
  /** The last day the credit can be spent (YYYY-MM-DD, in the merchant's zone), or null: never expires. */
  expiresOn: string | null;
}

/** Goodwill credit for a customer of the merchant. */
export const goodwillSchema = z
  .object({
    customerEmail: text(260),
    currency: z.preprocess((v) => (typeof v === "string" ? v.slice(0, 4) : v), cleanString({ error: "unknownCurrency" }).regex(/^[A-Z]{3}$/, "unknownCurrency")),
    amount,
    reason,
    expiresOn: text(32),
  })
  .transform((raw, ctx): GoodwillInput => {
    const checked = checkEmailAddress(raw.customerEmail);
    if (raw.customerEmail === "") ctx.addIssue({ code: "custom", path: ["customerEmail"], message: "required" });
    else if (!checked.ok) ctx.addIssue({ code: "custom", path: ["customerEmail"], message: "invalidEmail" });
    if (raw.expiresOn !== "" && !isCalendarDate(raw.expiresOn)) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "invalidDate" });
    return {
      customerEmail: checked.ok ? checked.email : raw.customerEmail,
      currency: raw.currency,
      amount: raw.amount,
      reason: raw.reason,
      expiresOn: raw.expiresOn || null,
    };
  });

const idField = z.preprocess((v) => (typeof v === "string" ? v.slice(0, 65) : v), cleanString({ error: "required" }).trim().min(1, "required").max(64, "required"));

/** Taking credit off an account (a correction), with the reason. */
export const adjustDownSchema = z.object({ accountId: idField, amount, reason });
export type AdjustDownInput = z.infer<typeof adjustDownSchema>;

/** The list's filter: part of a customer's email. */
export function parseCreditListQuery(searchParams: Record<string, string | string[] | undefined>): { q: string } {
  const raw = searchParams.q;
  const q = typeof raw === "string" ? raw.trim().slice(0, 100) : "";
  return { q };
}
