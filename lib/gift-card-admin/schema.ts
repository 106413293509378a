import { z } from "zod";
import { checkEmailAddress } from "@/lib/email-address";
import { cleanMultilineString, cleanString } from "@/lib/input";
import { currencyDigits, parseMoney } from "@/lib/money";
import { isCalendarDate } from "@/lib/reports/period";
import { MAX_EXPIRY_MONTHS } from "./rules";

/**
 * The forms of the merchant's gift-card area. Field problems are keys under
 * `GiftCardAdmin.errors`. What depends on the database (the store's currency, whether an email
 * is a customer's) is checked by the mutations, which answer with the same keys.
 */

export type GiftCardFieldError =
  | "required"
  | "tooLong"
  | "invalidAmount"
  | "invalidDate"
  | "invalidEmail"
  | "invalidNumber"
  | "notCustomer"
  | "unknownStore"
  | "dateInPast"
  | "notLater"
  | "expiredTaken"
  | "unknownCurrency";

/** A text field: what was typed (the first `max` + 1 characters, so over-long text is refused), "" when absent. */
const text = (max = 200) =>
  z.preprocess((v) => (typeof v === "string" ? v.slice(0, max + 1) : undefined), cleanString().optional()).transform((v) => (v ?? "").trim());
const multiline = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? v.slice(0, max + 1) : undefined), cleanMultilineString().optional()).transform((v) => (v ?? "").trim());

const idField = z.preprocess((v) => (typeof v === "string" ? v.slice(0, 65) : v), cleanString({ error: "required" }).trim().min(1, "required").max(64, "required"));

/** The longest note or reason a manager writes. */
export const NOTE_MAX = 500;
const NAME_MAX = 120;

type Issue = (field: string, message: GiftCardFieldError) => void;

function optionalEmail(raw: string, field: string, issue: Issue): string | null {
  if (raw === "") return null;
  const checked = checkEmailAddress(raw);
  if (!checked.ok) {
    issue(field, "invalidEmail");
    return null;
  }
  return checked.email;
}

export interface IssueCardInput {
  storeId: string;
  /** As typed: read in the chosen store's currency by the mutation. */
  amount: string;
  /** "default": the merchant's default expiry; "never"; or the last valid day (YYYY-MM-DD, in the store's zone). */
  expiry: { kind: "default" } | { kind: "never" } | { kind: "day"; day: string };
  customerEmail: string | null;
  recipientName: string | null;
  recipientEmail: string | null;
  note: string;
}

/** Whether `raw` is an amount above zero in some currency (at most three decimals). */
function anyCurrencyAmount(raw: string): boolean {
  const parsed = parseMoney(raw, 3);
  return parsed.ok && parsed.cents > 0;
}

/** Issuing a card by hand. */
export const issueCardSchema = z
  .object({
    storeId: idField,
    amount: text(32),
    expiry: z.enum(["default", "never", "date"], "required"),
    expiresOn: text(32),
    customerEmail: text(260),
    recipientName: text(NAME_MAX),
    recipientEmail: text(260),
    note: multiline(NOTE_MAX),
  })
  .transform((raw, ctx): IssueCardInput => {
    const issue: Issue = (field, message) => ctx.addIssue({ code: "custom", path: [field], message });
    if (raw.amount === "") issue("amount", "required");
    // The store's currency decides the decimals (the mutation checks them); what no currency takes is refused here.
    else if (!anyCurrencyAmount(raw.amount)) issue("amount", "invalidAmount");
    let expiry: IssueCardInput["expiry"] = { kind: raw.expiry === "never" ? "never" : "default" };
    if (raw.expiry === "date") {
      if (!isCalendarDate(raw.expiresOn)) issue("expiresOn", raw.expiresOn === "" ? "required" : "invalidDate");
      expiry = { kind: "day", day: raw.expiresOn };
    }
    if (raw.recipientName.length > NAME_MAX) issue("recipientName", "tooLong");
    if (raw.note === "") issue("note", "required");
    if (raw.note.length > NOTE_MAX) issue("note", "tooLong");
    return {
      storeId: raw.storeId,
      amount: raw.amount,
      expiry,
      customerEmail: optionalEmail(raw.customerEmail, "customerEmail", issue),
      recipientName: raw.recipientName || null,
      recipientEmail: optionalEmail(raw.recipientEmail, "recipientEmail", issue),
      note: raw.note,
    };
  });

const reason = multiline(NOTE_MAX).superRefine((value, ctx) => {
  if (value === "") ctx.addIssue({ code: "custom", message: "required" });
  else if (value.length > NOTE_MAX) ctx.addIssue({ code: "custom", message: "tooLong" });
});

/** Disabling or enabling a card, with the reason. */
export const cardStatusSchema = z.object({
  cardId: idField,
  disabled: z.enum(["true", "false"], "required").transform((v) => v === "true"),
  reason,
});

/** A new expiry for a card: a last valid day, or never. */
export const extendCardSchema = z
  .object({ cardId: idField, expiry: z.enum(["never", "date"], "required"), expiresOn: text(32), reason })
  .transform((raw, ctx) => {
    if (raw.expiry === "date" && !isCalendarDate(raw.expiresOn)) {
      ctx.addIssue({ code: "custom", path: ["expiresOn"], message: raw.expiresOn === "" ? "required" : "invalidDate" });
    }
    return { cardId: raw.cardId, day: raw.expiry === "never" ? null : raw.expiresOn, reason: raw.reason };
  });

/** The merchant's default expiry of new cards: none, or a number of months or years. */
export const expirySettingsSchema = z
  .object({ unit: z.enum(["none", "months", "years"], "required"), count: text(16) })
  .transform((raw, ctx): { months: number | null } => {
    if (raw.unit === "none") return { months: null };
    const count = /^\d{1,4}$/.test(raw.count) ? Number(raw.count) : NaN;
    const months = raw.unit === "years" ? count * 12 : count;
    if (!Number.isSafeInteger(months) || months < 1 || months > MAX_EXPIRY_MONTHS) {
      ctx.addIssue({ code: "custom", path: ["count"], message: raw.count === "" ? "required" : "invalidNumber" });
      return { months: null };
    }
    return { months };
  });

/** Whether customers may move a gift card's balance into their store credit (a checkbox). */
export const giftCardsToCreditSchema = z.object({ enabled: text(8) }).transform((raw) => ({ enabled: raw.enabled === "on" || raw.enabled === "true" }));

export interface PromotionInput {
  currency: string;
  minPurchaseCents: number;
  bonusCents: number;
  bonusValidDays: number;
  active: boolean;
}

/** The longest a bonus card may stay valid, in days (10 years). */
export const MAX_BONUS_DAYS = 3660;

/** The bonus promotion of one currency: buy at least X, get a bonus card of Y valid N days. */
export const promotionSchema = z
  .object({
    currency: z.preprocess((v) => (typeof v === "string" ? v.slice(0, 4) : v), cleanString({ error: "unknownCurrency" }).regex(/^[A-Z]{3}$/, "unknownCurrency")),
    minPurchase: text(32),
    bonus: text(32),
    validDays: text(16),
    active: text(8),
  })
  .transform((raw, ctx): PromotionInput => {
    const issue: Issue = (field, message) => ctx.addIssue({ code: "custom", path: [field], message });
    const digits = currencyDigits(raw.currency);
    const money = (field: string, value: string) => {
      const parsed = parseMoney(value, digits);
      if (!parsed.ok || parsed.cents <= 0) {
        issue(field, !parsed.ok && parsed.reason === "required" ? "required" : "invalidAmount");
        return 0;
      }
      return parsed.cents;
    };
    const minPurchaseCents = money("minPurchase", raw.minPurchase);
    const bonusCents = money("bonus", raw.bonus);
    const days = /^\d{1,5}$/.test(raw.validDays) ? Number(raw.validDays) : NaN;
    if (!(days >= 1 && days <= MAX_BONUS_DAYS)) issue("validDays", raw.validDays === "" ? "required" : "invalidNumber");
    return { currency: raw.currency, minPurchaseCents, bonusCents, bonusValidDays: days, active: raw.active === "on" || raw.active === "true" };
  });
