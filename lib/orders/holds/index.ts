import "server-only";
import type { Tx } from "@/lib/db";
import { couponUsesHold, type CouponUsesClaim } from "./coupon-uses";
import { giftCardHold, type GiftCardClaim } from "./gift-cards";
import { loyaltyPointsHold, type LoyaltyPointsClaim } from "./loyalty-points";
import { stockHold, type StockClaim } from "./stock";
import { storeCreditHold, type StoreCreditClaim } from "./store-credit";
import {
  HOLD_LOCK_ORDER,
  type HoldKind,
  type HoldRefusal,
  type OrderHold,
  type RefundContext,
  type RefundShare,
  type ReleaseContext,
  type TakeContext,
} from "./types";

export type { CouponUsesClaim, GiftCardClaim, HoldKind, HoldRefusal, LoyaltyPointsClaim, RefundContext, RefundShare, StockClaim, StoreCreditClaim, TakeContext };

/** What one order claims of each hold (null: nothing of that kind). */
export interface OrderClaims {
  COUPON_USES: CouponUsesClaim;
  STOCK: StockClaim;
  GIFT_CARDS: GiftCardClaim;
  LOYALTY_POINTS: LoyaltyPointsClaim | null;
  STORE_CREDIT: StoreCreditClaim | null;
}

export type HoldSet = { [K in HoldKind]: OrderHold<OrderClaims[K]> };

const ORDER_HOLDS: HoldSet = {
  COUPON_USES: couponUsesHold,
  STOCK: stockHold,
  GIFT_CARDS: giftCardHold,
  LOYALTY_POINTS: loyaltyPointsHold,
  STORE_CREDIT: storeCreditHold,
};

/**
 * Takes every hold of an order in HOLD_LOCK_ORDER, inside the checkout transaction; the first
 * refusal stops it (the caller rolls the transaction back, so nothing taken before stays taken).
 */
export async function takeOrderHolds(tx: Tx, ctx: TakeContext, claims: OrderClaims, holds: HoldSet = ORDER_HOLDS): Promise<HoldRefusal | null> {
  for (const kind of HOLD_LOCK_ORDER) {
    const hold = holds[kind] as OrderHold<OrderClaims[HoldKind]>;
    const refused = await hold.take(tx, ctx, claims[kind]);
    if (refused) return refused;
  }
  return null;
}

/**
 * Gives back everything an order holds (its payment failed, expired or never started), every
 * hold in HOLD_LOCK_ORDER (the checkout's lock order, so a release and a checkout never
 * deadlock). Only the transaction that moved the order to CANCELLED (see lib/orders/lifecycle.ts)
 * calls it, which makes it run once per order.
 */
export async function releaseOrderHolds(tx: Tx, ctx: ReleaseContext, holds: HoldSet = ORDER_HOLDS): Promise<void> {
  for (const kind of HOLD_LOCK_ORDER) await holds[kind].release(tx, ctx);
}

/**
 * Gives back a refund's shares, every hold in HOLD_LOCK_ORDER. Only the transaction that settles
 * the refund (lib/orders/refunds.ts) calls it, which makes it run once per refund.
 */
export async function refundOrderHolds(tx: Tx, ctx: RefundContext, holds: HoldSet = ORDER_HOLDS): Promise<void> {
  for (const kind of HOLD_LOCK_ORDER) await holds[kind].refund(tx, ctx);
}
