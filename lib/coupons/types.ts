/**
 * Coupon rule vocabulary shared by the cart, the coupon pages and checkout. Pure types: no
 * database, safe to import from client components.
 */

export type CouponKind = "FIXED" | "PERCENT";

/** The rule fields of a Coupon row: everything qualification and pricing need, nothing else. */
export interface CouponTerms {
  id: string;
  /** Normalized (trimmed, upper-cased) code. */
  code: string;
  kind: CouponKind;
  /** FIXED: the amount off, in minor units. */
  amountCents: number | null;
  /** PERCENT: hundredths of a percent, 1..10000 (1000 = 10 %). */
  percentBasisPoints: number | null;
  /** PERCENT: the most the coupon takes off, in minor units. */
  maxDiscountCents: number | null;
  /** Smallest cart subtotal (before any discount) the coupon needs. */
  minSubtotalCents: number | null;
  /** Inclusive: the coupon works from this instant on. */
  startsAt: Date | null;
  /** Exclusive: the coupon stops working at this instant. */
  endsAt: Date | null;
  /** Active redemptions allowed per customer (guests: per normalized email). */
  perCustomerLimit: number | null;
  /** Active redemptions allowed overall. */
  totalLimit: number | null;
  combinable: boolean;
  paused: boolean;
}

/**
 * Why an attached coupon does not apply. The UI translates each code under
 * `Coupons.reasons.<code>` with the params that come with it.
 * - NOT_STARTED { startsAt: ISO string }
 * - EXPIRED { endsAt: ISO string }
 * - PAUSED {}
 * - LIMIT_REACHED {}: the total limit is used up ("no longer available")
 * - ALREADY_USED { perCustomerLimit }: this customer has used their share
 * - BELOW_MINIMUM { missingCents, minSubtotalCents }
 * - NOT_COMBINABLE { otherCode }: another coupon on the cart excludes this one
 * - EMPTY_CART {}: nothing to discount yet
 */
export const COUPON_REASONS = [
  "NOT_STARTED",
  "EXPIRED",
  "PAUSED",
  "LIMIT_REACHED",
  "ALREADY_USED",
  "BELOW_MINIMUM",
  "NOT_COMBINABLE",
  "EMPTY_CART",
] as const;
export type CouponReason = (typeof COUPON_REASONS)[number];

export type CouponReasonParams = Record<string, string | number>;

export type CouponQualification =
  | { qualified: true }
  | { qualified: false; reason: CouponReason; params: CouponReasonParams };

/** Active redemptions of one coupon: overall and by the current customer (or guest email). */
export interface CouponUsage {
  total: number;
  byCustomer: number;
}
