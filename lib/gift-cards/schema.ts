import { z } from "zod";
import { cleanMultilineString, cleanString } from "@/lib/input";
import { MAX_MINOR_UNITS, parseMoney } from "@/lib/money";
import { checkEmailAddress } from "@/lib/email-address";
import { LOCALES } from "@/lib/locales";
import type { GiftCardPurchase } from "./purchase";
import { checkDeliveryDay, GIFT_CARD_MESSAGE_MAX } from "./rules";

/**
 * Gift-card inputs as zod schemas: a code typed or scanned (the terminal and the balance page), an
 * amount taken at the counter, a manager's signed adjustment and the reason of a correction (issue
 * messages: keys under `GiftCards.errors`), and the product page's gift-card form (keys under
 * `GiftCards.product.errors`). Pure module.
 */

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

/** The longest recipient name (as GiftCardPurchase stores it). */
export const RECIPIENT_NAME_MAX = 120;
/** The most cards of one kind a cart line may hold (as any cart line). */
const MAX_CARDS = 99;

/** Field problems of the product page's gift-card form: keys under `GiftCards.product.errors`. */
export type GiftCardFormError =
  | "unknownProduct"
  | "amountRequired"
  | "amountFormat"
  | "invalidQuantity"
  | "invalidChoice"
  | "nameRequired"
  | "nameTooLong"
  | "emailRequired"
  | "invalidEmail"
  | "emailTooLong"
  | "emailAccentedName"
  | "messageTooLong"
  | "deliveryRequired"
  | "deliveryFormat"
  | "deliveryInPast"
  | "deliveryTooFar";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day "YYYY-MM-DD" (not 2026-02-30). */
function isDayKey(value: string): boolean {
  if (!DAY.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const EMAIL_ERRORS = { required: "emailRequired", invalidEmail: "invalidEmail", emailTooLong: "emailTooLong", emailAccentedName: "emailAccentedName" } as const;

/**
 * The product page's gift-card form on the day `today` (a day key in the store's time zone):
 * the product, the amount as typed (checked against the product's offer by the cart, which
 * knows the currency), how many cards, and the delivery. "For me": delivered to the buyer when
 * the order is paid. "For someone else": a recipient's name and email (normalized), an optional
 * message of at most GIFT_CARD_MESSAGE_MAX characters and a delivery day from today to a year
 * ahead. The email's language is one of the platform's locales. Issue messages are
 * GiftCardFormError keys.
 */
export function addGiftCardSchema(today: string) {
  return z
    .object(
      {
        productId: cleanString({ error: "unknownProduct" }).trim().min(1, "unknownProduct").max(64, "unknownProduct").regex(/^[a-z0-9]+$/i, "unknownProduct"),
        amount: cleanString({ error: "amountRequired" }).trim().min(1, "amountRequired").max(32, "amountFormat"),
        quantity: z.coerce.number({ error: "invalidQuantity" }).int("invalidQuantity").min(1, "invalidQuantity").max(MAX_CARDS, "invalidQuantity").default(1),
        recipient: z.enum(["me", "other"], "invalidChoice"),
        recipientName: cleanString({ error: "nameRequired" }).trim().max(RECIPIENT_NAME_MAX, "nameTooLong").default(""),
        recipientEmail: cleanString({ error: "emailRequired" }).max(1000, "emailTooLong").default(""),
        message: cleanMultilineString({ error: "messageTooLong" }).trim().max(GIFT_CARD_MESSAGE_MAX, "messageTooLong").default(""),
        deliverOn: cleanString({ error: "deliveryFormat" }).trim().max(32, "deliveryFormat").default(""),
        locale: z.enum(LOCALES, "invalidChoice"),
      },
      { error: "unknownProduct" },
    )
    .transform((v, ctx) => {
      let refused = false;
      const problem = (path: string, message: GiftCardFormError) => {
        refused = true;
        ctx.addIssue({ code: "custom", message, path: [path] });
      };
      let purchase: GiftCardPurchase;
      if (v.recipient === "me") {
        purchase = { recipient: null, message: null, deliverOn: null, locale: v.locale };
      } else {
        if (!v.recipientName) problem("recipientName", "nameRequired");
        const email = checkEmailAddress(v.recipientEmail);
        if (!email.ok) problem("recipientEmail", EMAIL_ERRORS[email.problem]);
        let deliverOn = v.deliverOn || today;
        if (!isDayKey(deliverOn)) {
          problem("deliverOn", "deliveryFormat");
          deliverOn = today;
        } else {
          const refused = checkDeliveryDay(deliverOn, today);
          if (refused) problem("deliverOn", refused);
        }
        if (refused || !email.ok) return z.NEVER;
        purchase = { recipient: { name: v.recipientName, email: email.email }, message: v.message || null, deliverOn, locale: v.locale };
      }
      return { productId: v.productId, amount: v.amount, quantity: v.quantity, purchase };
    });
}

export type AddGiftCardInput = z.infer<ReturnType<typeof addGiftCardSchema>>;
