import type { CouponReason } from "@/lib/coupons/types";
import type { Tx } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";

/**
 * What an order consumes. Each kind is one hold module (take and release side by side); store
 * credit and loyalty points join this list as holds of their own.
 */
export type HoldKind = "COUPON_USES" | "STOCK" | "GIFT_CARDS";

/**
 * The one lock order of checkout: every hold is taken (and released) in this order, each in the
 * id order of its own rows, so two transactions never wait for each other in a circle.
 */
export const HOLD_LOCK_ORDER: readonly HoldKind[] = ["COUPON_USES", "STOCK", "GIFT_CARDS"];

export interface TakeContext {
  merchantId: MerchantId;
  orderId: string;
  /** The placing transaction's id: the one the order carries, for every row a hold writes. */
  transactionId: string;
  now: Date;
}

export interface ReleaseContext {
  merchantId: MerchantId;
  orderId: string;
  at: Date;
}

/**
 * Why an order gives its holds back: its payment failed, expired or never started (CANCELLED),
 * or its money went back (REFUNDED). Each hold decides what it returns for each.
 */
export type ReleaseReason = "CANCELLED" | "REFUNDED";

/** Why a hold could not be taken; the checkout turns it into its refusal of the same name. */
export type HoldRefusal =
  | { error: "couponNotQualified"; coupon: { code: string; reason: CouponReason; params: Record<string, string | number> } }
  | { error: "notEnoughStock"; params: { title: string; available: number } }
  | { error: "unavailable"; params: { title: string } }
  | { error: "priceChanged" }
  | { error: "giftCardChanged"; params: { last4: string } };

/**
 * One thing an order consumes. `take` runs inside the checkout transaction, after the order row
 * exists: it re-checks its limit with a conditional update (which also locks the row until the
 * commit) and returns a refusal, never throws one, when the limit is gone. `release` gives back
 * what the order still holds, for `reason`; it runs in the transaction of the order's status
 * change, which guarantees it runs once per order. Both put the merchant in every `where`.
 */
export interface OrderHold<Claim> {
  readonly kind: HoldKind;
  take(tx: Tx, ctx: TakeContext, claim: Claim): Promise<HoldRefusal | null>;
  release(tx: Tx, ctx: ReleaseContext, reason: ReleaseReason): Promise<void>;
}
