import "server-only";
import type { Tx } from "@/lib/db";
import { couponUsesHold, type CouponUsesClaim } from "./coupon-uses";
import { giftCardHold, type GiftCardClaim } from "./gift-cards";
import { stockHold, type StockClaim } from "./stock";
import { HOLD_LOCK_ORDER, type HoldKind, type HoldRefusal, type OrderHold, type ReleaseContext, type ReleaseReason, type TakeContext } from "./types";

export type { CouponUsesClaim, GiftCardClaim, HoldKind, HoldRefusal, ReleaseReason, StockClaim, TakeContext };

/** What one order claims of each hold. */
export interface OrderClaims {
  COUPON_USES: CouponUsesClaim;
  STOCK: StockClaim;
  GIFT_CARDS: GiftCardClaim;
}

export type HoldSet = { [K in HoldKind]: OrderHold<OrderClaims[K]> };

const ORDER_HOLDS: HoldSet = { COUPON_USES: couponUsesHold, STOCK: stockHold, GIFT_CARDS: giftCardHold };

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
 * Gives back what an order holds, every hold in HOLD_LOCK_ORDER (the checkout's lock order, so
 * a release and a checkout never deadlock). Only the transaction that moved the order's status
 * (see lib/orders/lifecycle.ts) calls it, which makes it run once per order and reason.
 */
export async function releaseOrderHolds(tx: Tx, ctx: ReleaseContext, reason: ReleaseReason, holds: HoldSet = ORDER_HOLDS): Promise<void> {
  for (const kind of HOLD_LOCK_ORDER) await holds[kind].release(tx, ctx, reason);
}
