import type { CouponQualification, CouponTerms, CouponUsage } from "@/lib/coupons/types";

/**
 * Codes are case-insensitive and stored upper-cased: this is the one place that decides what
 * a typed code means. Inner whitespace is dropped because codes are printed on flyers and
 * people type them with spaces.
 */
export function normalizeCouponCode(input: string): string {
  return input.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

export interface QualifyContext {
  /** Cart subtotal before any discount, in minor units. */
  subtotalCents: number;
  now: Date;
  usage: CouponUsage | undefined;
}

/**
 * Decides whether one coupon, on its own, applies to a cart. Combinability with other coupons
 * is decided by `priceCart`, which sees all of them.
 *
 * Checks run in a fixed order so a customer sees the most fundamental problem first:
 * paused, not started, expired, total limit, per-customer limit, empty cart, minimum.
 * `startsAt` is inclusive and `endsAt` exclusive (at `endsAt` exactly the coupon is expired).
 * Limits count ACTIVE redemptions: `usage >= limit` means no use is left.
 */
export function qualifyCoupon(terms: CouponTerms, context: QualifyContext): CouponQualification {
  const { now, subtotalCents } = context;
  const usage = context.usage ?? { total: 0, byCustomer: 0 };
  if (terms.paused) return { qualified: false, reason: "PAUSED", params: {} };
  if (terms.startsAt && now.getTime() < terms.startsAt.getTime()) {
    return { qualified: false, reason: "NOT_STARTED", params: { startsAt: terms.startsAt.toISOString() } };
  }
  if (terms.endsAt && now.getTime() >= terms.endsAt.getTime()) {
    return { qualified: false, reason: "EXPIRED", params: { endsAt: terms.endsAt.toISOString() } };
  }
  if (terms.totalLimit !== null && usage.total >= terms.totalLimit) {
    return { qualified: false, reason: "LIMIT_REACHED", params: {} };
  }
  if (terms.perCustomerLimit !== null && usage.byCustomer >= terms.perCustomerLimit) {
    return { qualified: false, reason: "ALREADY_USED", params: { perCustomerLimit: terms.perCustomerLimit } };
  }
  if (subtotalCents <= 0) return { qualified: false, reason: "EMPTY_CART", params: {} };
  if (terms.minSubtotalCents !== null && subtotalCents < terms.minSubtotalCents) {
    return {
      qualified: false,
      reason: "BELOW_MINIMUM",
      params: { missingCents: terms.minSubtotalCents - subtotalCents, minSubtotalCents: terms.minSubtotalCents },
    };
  }
  return { qualified: true };
}

/**
 * A percentage of an amount in minor units, rounded half up on the minor unit, in integer
 * arithmetic: 10 % of 1005 = 100.5 -> 101. Basis points are hundredths of a percent.
 */
export function percentOfCents(amountCents: number, basisPoints: number): number {
  return Math.floor((amountCents * basisPoints + 5000) / 10000);
}

/**
 * What one coupon would take off `baseCents` (the amount still left after earlier discounts),
 * never more than `baseCents`. For percentages the cap applies after rounding.
 */
export function couponAmountCents(terms: CouponTerms, baseCents: number): number {
  if (baseCents <= 0) return 0;
  let amount: number;
  if (terms.kind === "PERCENT") {
    amount = percentOfCents(baseCents, terms.percentBasisPoints ?? 0);
    if (terms.maxDiscountCents !== null) amount = Math.min(amount, terms.maxDiscountCents);
  } else {
    amount = terms.amountCents ?? 0;
  }
  return Math.max(0, Math.min(amount, baseCents));
}

export type CouponStatus = "active" | "paused" | "expired" | "scheduled";

/** A coupon's state for the merchant list, with the same boundaries as `qualifyCoupon`. */
export function couponStatus(terms: Pick<CouponTerms, "paused" | "startsAt" | "endsAt">, now: Date): CouponStatus {
  if (terms.paused) return "paused";
  if (terms.endsAt && now.getTime() >= terms.endsAt.getTime()) return "expired";
  if (terms.startsAt && now.getTime() < terms.startsAt.getTime()) return "scheduled";
  return "active";
}
