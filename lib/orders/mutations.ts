import "server-only";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { db, type Tx } from "@/lib/db";
import { issueGiftCardsForOrder } from "@/lib/gift-cards/issue";
import { earnForPaidOrder, reverseOrderEarning } from "@/lib/loyalty/mutations";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { enqueueOrderConfirmation } from "./confirmation";
import { releaseOrderHolds } from "./holds";
import { transitionOrder, type OrderStatus } from "./lifecycle";

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
 * started) and gives back what the order held, through its holds (lib/orders/holds): coupon uses
 * and stock. Runs at most once per order (the status change is the guard); the holds are
 * released in the checkout's lock order, so the two cannot deadlock.
 */
export async function cancelOrder(tx: Tx, merchantId: MerchantId, orderId: string): Promise<boolean> {
  const at = new Date();
  if (!(await transitionOrder(tx, { merchantId, orderId, event: "cancel", at }))) return false;
  await releaseOrderHolds(tx, { merchantId, orderId, at }, "CANCELLED");
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

export type RefundClaim =
  | { ok: true; previous: "PAID" | "FULFILLED"; provider: "NONE" | "TEST" | "STRIPE"; paymentRef: string | null }
  | { ok: false; error: "notFound" | "invalidState" };

/**
 * The first half of a refund (MANAGER+, checked by the caller; the money itself is the payment
 * provider's, see lib/payments/refunds.ts): a PAID or FULFILLED order of the store becomes
 * REFUNDED under its row lock, so two refunds cannot both reach the provider. Audited in the same
 * transaction. The order's holds are released for REFUNDED (gift cards get back what they paid;
 * stock was shipped or downloaded and coupon uses stay counted) and its points go, together with
 * the money: at once when no provider is involved, else once the provider refunded
 * (settleProviderRefund), so a refund the provider refuses gives nothing back.
 */
export async function claimOrderRefund(merchantId: MerchantId, storeId: StoreId, orderId: string, actorUserId: string): Promise<RefundClaim> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; status: OrderStatus; paymentProvider: "NONE" | "TEST" | "STRIPE"; paymentRef: string | null }[]>`
      SELECT id, status::text AS status, "paymentProvider"::text AS "paymentProvider", "paymentRef"
      FROM "Order" WHERE id = ${orderId} AND "merchantId" = ${merchantId} AND "storeId" = ${storeId} FOR UPDATE`;
    const order = rows[0];
    if (!order) return { ok: false, error: "notFound" } as const;
    const at = new Date();
    if (!(await transitionOrder(tx, { merchantId, storeId, orderId, event: "refund", at }))) return { ok: false, error: "invalidState" } as const;
    await recordAuditEvent(tx, {
      merchantId,
      actorUserId,
      action: "order.refund",
      targetType: "Order",
      targetId: orderId,
      data: { previousStatus: order.status, provider: order.paymentProvider },
    });
    if (order.paymentProvider !== "STRIPE") await giveBackRefundedOrder(tx, merchantId, orderId, at);
    return { ok: true, previous: order.status as "PAID" | "FULFILLED", provider: order.paymentProvider, paymentRef: order.paymentRef } as const;
  });
}

/** The provider refused the refund claimed by claimOrderRefund: the order goes back to `previous`. */
export async function undoOrderRefund(merchantId: MerchantId, orderId: string, previous: "PAID" | "FULFILLED"): Promise<void> {
  await db.$transaction((tx) => transitionOrder(tx, { merchantId, orderId, event: "undoRefund", to: previous }));
}

/**
 * The provider refunded an order's money: its gift cards are credited and its points go. Once per
 * refund: the order's refundSettledAt is claimed first, so a retry (the stale-refund sweep) or a
 * concurrent call gives nothing back twice. False when there was nothing left to settle.
 */
export async function settleProviderRefund(merchantId: MerchantId, orderId: string): Promise<boolean> {
  return db.$transaction((tx) => giveBackRefundedOrder(tx, merchantId, orderId, new Date()));
}

/** What a refund gives back besides the money: the holds' REFUNDED release, then the points. */
async function giveBackRefundedOrder(tx: Tx, merchantId: MerchantId, orderId: string, at: Date): Promise<boolean> {
  const { count } = await tx.order.updateMany({
    where: { id: orderId, merchantId, status: "REFUNDED", refundSettledAt: null },
    data: { refundSettledAt: at },
  });
  if (count === 0) return false;
  await releaseOrderHolds(tx, { merchantId, orderId, at }, "REFUNDED");
  await reverseOrderEarning(tx, merchantId, orderId);
  return true;
}

/**
 * Refunded orders whose provider part may not have completed: REFUNDED by a Stripe refund that
 * was claimed more than `olderThanSeconds` ago and never settled (the process stopped between the
 * claim, the provider's refund and the give-backs). Oldest first, platform-wide, for the sweep.
 */
export async function findUnsettledRefunds(now: Date, olderThanSeconds: number, limit: number) {
  return db.order.findMany({
    where: {
      status: "REFUNDED",
      paymentProvider: "STRIPE",
      refundSettledAt: null,
      refundedAt: { lt: new Date(now.getTime() - olderThanSeconds * 1000) },
    },
    select: { id: true, merchantId: true, paymentRef: true },
    orderBy: { refundedAt: "asc" },
    take: limit,
  });
}
