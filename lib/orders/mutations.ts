import "server-only";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { db, type Tx } from "@/lib/db";
import { issueGiftCardsForOrder } from "@/lib/gift-cards/issue";
import { earnForPaidOrder } from "@/lib/loyalty/mutations";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { enqueueOrderConfirmation } from "./confirmation";
import { releaseOrderHolds } from "./holds";
import { transitionOrder } from "./lifecycle";

/**
 * PENDING_PAYMENT -> PAID (the lifecycle's "pay"), the confirmation email, the buyer's loyalty
 * points (when they have a card) and the gift cards the order bought (with their emails), in
 * `tx`. The conditional update takes the order's row lock, so of two concurrent calls exactly one
 * returns true. Any other state (already paid, cancelled after a failed payment) is left alone.
 * The caller resolved `merchantId` from the order itself (a provider event names the order by
 * its payment reference).
 */
export async function markOrderPaid(tx: Tx, merchantId: MerchantId, orderId: string): Promise<boolean> {
  if (!(await transitionOrder(tx, { merchantId, orderId, event: "pay" }))) return false;
  await settlePaidOrder(tx, merchantId, orderId);
  await earnForPaidOrder(tx, merchantId, orderId);
  return true;
}

/**
 * What every paid order gets, in the transaction that made it PAID (a provider's event, or the
 * checkout of an order that needs no payment): its confirmation and the gift cards it bought.
 */
export async function settlePaidOrder(tx: Tx, merchantId: MerchantId, orderId: string): Promise<void> {
  await enqueueOrderConfirmation(tx, merchantId, orderId);
  await issueGiftCardsForOrder(tx, merchantId, orderId);
}

/**
 * PENDING_PAYMENT -> CANCELLED (the lifecycle's "cancel": the payment failed, expired or never
 * started) and gives back what the order held, through its holds (lib/orders/holds): coupon uses,
 * stock, gift-card balances, points and store credit. Runs at most once per order (the status change is the guard); the holds are
 * released in the checkout's lock order, so the two cannot deadlock.
 */
export async function cancelOrder(tx: Tx, merchantId: MerchantId, orderId: string): Promise<boolean> {
  const at = new Date();
  if (!(await transitionOrder(tx, { merchantId, orderId, event: "cancel", at }))) return false;
  await releaseOrderHolds(tx, { merchantId, orderId, at });
  return true;
}

/** Convenience for callers outside a transaction. */
export async function cancelOrderNow(merchantId: MerchantId, orderId: string): Promise<boolean> {
  return db.$transaction((tx) => cancelOrder(tx, merchantId, orderId));
}

export type MerchantOrderResult = { ok: true } | { ok: false; error: "notFound" | "invalidState" | "refundFailed" };

/**
 * PAID -> FULFILLED for a member of the store (the caller checked the role). Audited in the same
 * transaction. Any other state is refused.
 */
export async function fulfillOrder(
  merchantId: MerchantId,
  storeId: StoreId,
  orderId: string,
  actorUserId: string,
): Promise<MerchantOrderResult> {
  return db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({ where: { id: orderId, merchantId, storeId }, select: { id: true } });
    if (!order) return { ok: false, error: "notFound" } as const;
    if (!(await transitionOrder(tx, { merchantId, storeId, orderId, event: "fulfil" }))) return { ok: false, error: "invalidState" } as const;
    await recordAuditEvent(tx, { merchantId, actorUserId, action: "order.fulfill", targetType: "Order", targetId: orderId });
    return { ok: true } as const;
  });
}
