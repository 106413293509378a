import type { CouponReason } from "@/lib/coupons/types";
import type { Tx } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";

/**
 * What an order consumes. Each kind is one hold module (take, release and refund side by side).
 */
export type HoldKind = "COUPON_USES" | "STOCK" | "GIFT_CARDS" | "LOYALTY_POINTS" | "STORE_CREDIT";

/**
 * The one lock order of checkout: every hold is taken (and released, and refunded) in this order,
 * each in the id order of its own rows, so two transactions never wait for each other in a circle.
 */
export const HOLD_LOCK_ORDER: readonly HoldKind[] = ["COUPON_USES", "STOCK", "GIFT_CARDS", "LOYALTY_POINTS", "STORE_CREDIT"];

export interface TakeContext {
  merchantId: MerchantId;
  orderId: string;
  /** The placing transaction's id: the one the order carries, for every row a hold writes. */
  transactionId: string;
  now: Date;
}

/** An order whose payment failed, expired or never started (CANCELLED): everything it holds goes back. */
export interface ReleaseContext {
  merchantId: MerchantId;
  orderId: string;
  at: Date;
}

/** One share of a refund's money, as planned (lib/orders/refund-plan.ts), with the tender it returns. */
export interface RefundShare {
  kind: "PAYMENT" | "STORE_CREDIT" | "GIFT_CARD" | "LOYALTY_POINTS";
  /** The order's tender it gives back; null: the card payment (to the card, or to store credit). */
  tender: { id: string; giftCardId: string | null; storeCreditAccountId: string | null } | null;
  amountCents: number;
  /** LOYALTY_POINTS: the points it gives back. */
  points: number | null;
}

/** A refund being settled: what each hold gives back of it, in the refund's transaction. */
export interface RefundContext {
  merchantId: MerchantId;
  orderId: string;
  storeId: string;
  customerId: string | null;
  currency: string;
  refundId: string;
  /** The refund's transaction id, for every row a hold writes. */
  transactionId: string;
  at: Date;
  /** With this refund, everything the order was paid is back (coupon uses are given back then). */
  full: boolean;
  shares: readonly RefundShare[];
  /** Units to put back on sale (the merchant asked to restock). */
  restock: ReadonlyArray<{ productId: string; quantity: number }>;
}

/** Why a hold could not be taken; the checkout turns it into its refusal of the same name. */
export type HoldRefusal =
  | { error: "couponNotQualified"; coupon: { code: string; reason: CouponReason; params: Record<string, string | number> } }
  | { error: "notEnoughStock"; params: { title: string; available: number } }
  | { error: "unavailable"; params: { title: string } }
  | { error: "priceChanged" }
  | { error: "giftCardChanged"; params: { last4: string } }
  | { error: "pointsChanged" }
  | { error: "storeCreditChanged" };

/**
 * One thing an order consumes. `take` runs inside the checkout transaction, after the order row
 * exists: it re-checks its limit with a conditional update (which also locks the row until the
 * commit) and returns a refusal, never throws one, when the limit is gone. `release` gives back
 * everything the order holds when its payment failed, expired or never started; it runs in the
 * transaction of that status change, which guarantees it runs once per order. `refund` gives
 * back a refund's share, in the transaction that settles the refund (once per refund). All put
 * the merchant in every `where`.
 */
export interface OrderHold<Claim> {
  readonly kind: HoldKind;
  take(tx: Tx, ctx: TakeContext, claim: Claim): Promise<HoldRefusal | null>;
  release(tx: Tx, ctx: ReleaseContext): Promise<void>;
  refund(tx: Tx, ctx: RefundContext): Promise<void>;
}
