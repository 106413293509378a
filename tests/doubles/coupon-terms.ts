import type { CouponTerms } from "@/lib/coupons/types";

/** Coupon terms with every rule off, for table tests: override what the case is about. */
export function couponTerms(overrides: Partial<CouponTerms> = {}): CouponTerms {
  return {
    id: overrides.code ? `id-${overrides.code}` : "id-TEST",
    code: "TEST",
    kind: "FIXED",
    amountCents: 500,
    percentBasisPoints: null,
    maxDiscountCents: null,
    minSubtotalCents: null,
    startsAt: null,
    endsAt: null,
    perCustomerLimit: null,
    totalLimit: null,
    combinable: false,
    paused: false,
    ...overrides,
  };
}
