import { z } from "zod";
import { cleanString } from "@/lib/input";
import { currencyDigits, parseMoney } from "@/lib/money";
import { parseLocalDateTime } from "@/lib/time";
import { normalizeCouponCode } from "./rules";

/** Field problems of the coupon form: keys under `Coupons.merchant.errors`. */
export type CouponFieldError =
  | "codeTaken"
  | "invalidCode"
  | "required"
  | "invalidAmount"
  | "invalidPercent"
  | "invalidNumber"
  | "invalidDate"
  | "datesOrder"
  | "limitBelowRedemptions";

export const COUPON_FIELDS = [
  "code",
  "kind",
  "amount",
  "percent",
  "cap",
  "minimum",
  "startsAt",
  "endsAt",
  "perCustomerLimit",
  "totalLimit",
  "combinable",
] as const;
export type CouponField = (typeof COUPON_FIELDS)[number];

/** What a coupon row is written from (after parsing). */
export interface CouponInput {
  code: string;
  kind: "FIXED" | "PERCENT";
  amountCents: number | null;
  percentBasisPoints: number | null;
  maxDiscountCents: number | null;
  minSubtotalCents: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  perCustomerLimit: number | null;
  totalLimit: number | null;
  combinable: boolean;
}

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,63}$/;
const MAX_LIMIT = 1_000_000_000;

/** A text field of the form: what was typed (the first 200 characters), "" when absent. */
const text = z.preprocess((v) => (typeof v === "string" ? v.slice(0, 200) : undefined), cleanString().optional()).transform((v) => (v ?? "").trim());

/**
 * The coupon form: `currency` decides how many decimals amounts have, `timeZone` (the store's)
 * how dates typed without a zone are read. Amounts go to minor units without floats.
 */
export function couponFormSchema(currency: string, timeZone: string) {
  const digits = currencyDigits(currency);
  return z
    .object({
      code: text,
      kind: z.enum(["FIXED", "PERCENT"], "required"),
      amount: text,
      percent: text,
      cap: text,
      minimum: text,
      startsAt: text,
      endsAt: text,
      perCustomerLimit: text,
      totalLimit: text,
      combinable: text,
    })
    .transform((raw, ctx): CouponInput => {
      const fail = (field: CouponField, message: CouponFieldError) => {
        ctx.addIssue({ code: "custom", path: [field], message });
        return null;
      };
      const code = normalizeCouponCode(raw.code);
      if (!code) fail("code", "required");
      else if (!CODE_PATTERN.test(code)) fail("code", "invalidCode");

      const money = (field: CouponField, value: string, required: boolean): number | null => {
        if (!value) return required ? fail(field, "required") : null;
        const parsed = parseMoney(value, digits);
        if (!parsed.ok || parsed.cents <= 0) return fail(field, "invalidAmount");
        return parsed.cents;
      };
      const whole = (field: CouponField, value: string): number | null => {
        if (!value) return null;
        if (!/^\d{1,10}$/.test(value) || Number(value) < 1 || Number(value) > MAX_LIMIT) return fail(field, "invalidNumber");
        return Number(value);
      };
      const when = (field: CouponField, value: string): Date | null => {
        if (!value) return null;
        return parseLocalDateTime(value, timeZone) ?? fail(field, "invalidDate");
      };

      let amountCents: number | null = null;
      let percentBasisPoints: number | null = null;
      let maxDiscountCents: number | null = null;
      if (raw.kind === "FIXED") {
        amountCents = money("amount", raw.amount, true);
      } else {
        // Percentages take two decimals, so "12,5" is 1250 basis points: the same integer parser as money.
        if (!raw.percent) fail("percent", "required");
        else {
          const parsed = parseMoney(raw.percent, 2);
          if (!parsed.ok || parsed.cents < 1 || parsed.cents > 10000) fail("percent", "invalidPercent");
          else percentBasisPoints = parsed.cents;
        }
        maxDiscountCents = money("cap", raw.cap, false);
      }
      const minimum = raw.minimum ? money("minimum", raw.minimum, false) : null;
      const startsAt = when("startsAt", raw.startsAt);
      const endsAt = when("endsAt", raw.endsAt);
      if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) fail("endsAt", "datesOrder");
      return {
        code,
        kind: raw.kind,
        amountCents,
        percentBasisPoints,
        maxDiscountCents,
        minSubtotalCents: minimum,
        startsAt,
        endsAt,
        perCustomerLimit: whole("perCustomerLimit", raw.perCustomerLimit),
        totalLimit: whole("totalLimit", raw.totalLimit),
        combinable: raw.combinable === "on" || raw.combinable === "true",
      };
    });
}

export const couponIdSchema = cleanString().trim().min(1).max(64).regex(/^[a-z0-9]+$/i);

/** The edit form's coupon (a hidden field): "" when it is not a coupon id at all. */
export const couponEditSchema = z.object({ couponId: couponIdSchema.catch("") });

/** The list's pause / resume buttons: the coupon (as above) and whether it is to be paused. */
export const couponPauseSchema = z.object({ couponId: couponIdSchema.catch(""), paused: z.preprocess((v) => v === "true", z.boolean()) });
