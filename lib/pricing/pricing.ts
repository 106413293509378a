import { couponAmountCents, qualifyCoupon } from "@/lib/coupons/rules";
import type { CouponReason, CouponTerms, CouponUsage } from "@/lib/coupons/types";
import { applyTenders, type AppliedTender, type Tender } from "./tenders";

export interface PricingLine {
  productId: string;
  title: string;
  unitPriceCents: number;
  quantity: number;
  /** A gift card (its amount is the unit price): coupons never discount it. */
  giftCard?: boolean;
}

export interface PricingInput {
  currency: string;
  lines: PricingLine[];
  coupons: Array<CouponTerms & { addedAt: Date }>;
  now: Date;
  /** ACTIVE redemptions per coupon id: overall and by this customer (or guest email). */
  usage: Record<string, CouponUsage>;
  /** What pays before the payment provider (gift cards, store credit, points); none when absent. */
  tenders?: readonly Tender[];
}

export type PricedCoupon =
  | { couponId: string; code: string; qualified: true }
  | { couponId: string; code: string; qualified: false; reason: CouponReason; params: Record<string, string | number> };

export interface PricedCart {
  /** Every line: goods and gift cards. */
  subtotalCents: number;
  /** The gift-card lines of the subtotal, which coupons leave out (and gift cards cannot pay). */
  giftCardLinesCents: number;
  discountCents: number;
  totalCents: number;
  /** Qualified coupons in the order they were applied, with what each took off (may be 0). */
  discounts: Array<{ couponId: string; code: string; amountCents: number }>;
  /** Every attached coupon, in the order they were added to the cart. */
  coupons: PricedCoupon[];
  /** Every tender with what it takes of totalCents, in the order they were applied. */
  tenders: AppliedTender[];
  /** What remains for the payment provider after the tenders: totalCents when there are none. */
  amountDueCents: number;
}

/**
 * Prices a cart: lines, then coupons, then tenders. Pure and integer-only: the same input gives
 * the same result at the cart, at validation and inside the checkout transaction.
 *
 * Rules (table-tested in pricing.test.ts):
 * 1. Subtotal = sum of unitPriceCents x quantity. Gift-card lines are in it but out of every
 *    coupon's reach: minimums, percentages and fixed amounts see only the other lines (the
 *    goods), and the total is the discounted goods plus the gift cards.
 * 2. Coupons are considered in the order they were added to the cart (addedAt, then id).
 * 3. Combining: the first qualifying coupon always stays. A later coupon is NOT_COMBINABLE when
 *    it or any coupon already kept is not combinable (params.otherCode names the kept one).
 * 4. Stacking: percentage coupons apply first, then fixed amounts. Each coupon applies to what
 *    is left after the discounts before it, so two 50 % coupons take 75 % and a fixed coupon
 *    counts fully against the already reduced price.
 * 5. Percentages round half up on the minor unit; the cap (maxDiscountCents) applies after.
 * 6. No discount exceeds what is left: the total never goes below zero.
 * 7. Tenders pay the total after coupons (applyTenders in tenders.ts): in a fixed order, each
 *    taking at most what is still due; amountDueCents is what is left for the provider.
 */
export function priceCart(input: PricingInput): PricedCart {
  let subtotalCents = 0;
  let giftCardLinesCents = 0;
  for (const line of input.lines) {
    if (!Number.isSafeInteger(line.unitPriceCents) || !Number.isSafeInteger(line.quantity) || line.unitPriceCents < 0 || line.quantity < 0) {
      throw new RangeError(`Invalid pricing line for product ${line.productId}`);
    }
    subtotalCents += line.unitPriceCents * line.quantity;
    if (line.giftCard) giftCardLinesCents += line.unitPriceCents * line.quantity;
  }
  const goodsCents = subtotalCents - giftCardLinesCents;

  const ordered = [...input.coupons].sort(
    (a, b) => a.addedAt.getTime() - b.addedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

  const coupons: PricedCoupon[] = [];
  const kept: Array<CouponTerms> = [];
  for (const coupon of ordered) {
    const qualification = qualifyCoupon(coupon, { subtotalCents: goodsCents, now: input.now, usage: input.usage[coupon.id] });
    if (!qualification.qualified) {
      coupons.push({ couponId: coupon.id, code: coupon.code, ...qualification });
      continue;
    }
    const blocker = kept.find((other) => !other.combinable || !coupon.combinable);
    if (blocker) {
      coupons.push({ couponId: coupon.id, code: coupon.code, qualified: false, reason: "NOT_COMBINABLE", params: { otherCode: blocker.code } });
      continue;
    }
    kept.push(coupon);
    coupons.push({ couponId: coupon.id, code: coupon.code, qualified: true });
  }

  // Stable partition keeps the addedAt order within each kind.
  const applyOrder = [...kept.filter((c) => c.kind === "PERCENT"), ...kept.filter((c) => c.kind === "FIXED")];
  let remaining = goodsCents;
  const discounts: PricedCart["discounts"] = [];
  for (const coupon of applyOrder) {
    const amountCents = couponAmountCents(coupon, remaining);
    remaining -= amountCents;
    discounts.push({ couponId: coupon.id, code: coupon.code, amountCents });
  }
  const totalCents = remaining + giftCardLinesCents;

  const tendered = applyTenders(totalCents, input.tenders ?? []);
  return {
    subtotalCents,
    giftCardLinesCents,
    discountCents: goodsCents - remaining,
    totalCents,
    discounts,
    coupons,
    tenders: tendered.tenders,
    amountDueCents: tendered.amountDueCents,
  };
}

export type RefusedCoupon = Extract<PricedCoupon, { qualified: false }>;

/**
 * The coupon that stops an order being placed, or null. A coupon that did not qualify when the
 * buyer last saw the cart is simply not applied: it never blocks. Only a coupon the buyer saw
 * applied (`seenApplied`: the ids the checkout page showed as applied) and that no longer
 * qualifies blocks, because the total they agreed to is gone. `seenApplied` null means the
 * caller does not know what the buyer saw: then every attached coupon must qualify.
 */
export function couponThatStoppedQualifying(priced: PricedCart, seenApplied: ReadonlySet<string> | null): RefusedCoupon | null {
  for (const coupon of priced.coupons) {
    if (!coupon.qualified && (seenApplied === null || seenApplied.has(coupon.couponId))) return coupon;
  }
  return null;
}
