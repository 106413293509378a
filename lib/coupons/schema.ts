import { z } from "zod";
import { cleanString } from "@/lib/input";
import { currencyDigits, parsePrice } from "@/lib/catalog/price";
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

/** Dates typed in the merchant area are read in the platform's time zone (the one pages display). */
export const COUPON_TIME_ZONE = "Europe/Luxembourg";

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,63}$/;
const MAX_LIMIT = 1_000_000_000;

/**
 * The offset of `timeZone` from UTC at `instant`, in milliseconds (Intl data, no library).
 */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - Math.floor(instant / 1000) * 1000;
}

/**
 * A `datetime-local` value ("2026-12-31T23:59") read as wall time in `timeZone`. Null for an
 * invalid value. Pure.
 */
export function parseWallTime(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  const check = new Date(guess);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  const first = guess - zoneOffsetMs(guess, timeZone);
  // A second pass settles instants next to a daylight-saving change.
  return new Date(guess - zoneOffsetMs(first, timeZone));
}

/** The `datetime-local` value of an instant in `timeZone`, for editing. */
export function toWallTime(date: Date, timeZone: string): string {
  const local = new Date(date.getTime() + zoneOffsetMs(date.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}

/** A text field of the form: what was typed (the first 200 characters), "" when absent. */
const text = z.preprocess((v) => (typeof v === "string" ? v.slice(0, 200) : undefined), cleanString().optional()).transform((v) => (v ?? "").trim());

/**
 * The coupon form: `currency` decides how many decimals amounts have, `timeZone` how dates
 * typed without a zone are read. Amounts go to minor units without floats.
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
        const parsed = parsePrice(value, digits);
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
        return parseWallTime(value, timeZone) ?? fail(field, "invalidDate");
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
          const parsed = parsePrice(raw.percent, 2);
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
