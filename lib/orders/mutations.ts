import "server-only";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { db, type Tx } from "@/lib/db";
import { earnForPaidOrder, reverseOrderEarning } from "@/lib/loyalty/mutations";
import { providerFor } from "@/lib/payments/provider";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { enqueueOrderConfirmation } from "./confirmation";

/**
 * PENDING_PAYMENT -> PAID, the confirmation email and the buyer's loyalty points (when they have a
 * card), in `tx`. The conditional update takes the
 * order's row lock, so of two concurrent calls exactly one returns true. Any other state (already
 * paid, cancelled after a failed payment) is left alone.
 */
export async function markOrderPaid(tx: Tx, orderId: string): Promise<boolean> {
  const { count } = await tx.order.updateMany({
    where: { id: orderId, status: "PENDING_PAYMENT" },
    data: { status: "PAID", paidAt: new Date(), updatedAt: new Date() },
  });
  if (count === 0) return false;
  await enqueueOrderConfirmation(tx, orderId);
  await earnForPaidOrder(tx, orderId);
  return true;
}

/**
 * PENDING_PAYMENT -> CANCELLED and gives back what the order held: its ACTIVE coupon
 * redemptions become RELEASED (redemptionCount decremented) and its stocked products get their
 * quantities back. Runs at most once per order (the status change is the guard). Coupons, then
 * products, are touched in id order, as checkout locks them, so the two cannot deadlock.
 */
export async function releaseOrderHolds(tx: Tx, orderId: string): Promise<boolean> {
  const { count } = await tx.order.updateMany({
    where: { id: orderId, status: "PENDING_PAYMENT" },
    data: { status: "CANCELLED", cancelledAt: new Date(), updatedAt: new Date() },
  });
  if (count === 0) return false;

  const redemptions = await tx.couponRedemption.findMany({
    where: { orderId, status: "ACTIVE" },
    select: { id: true, couponId: true },
    orderBy: { couponId: "asc" },
  });
  for (const redemption of redemptions) {
    await tx.$executeRaw`UPDATE "Coupon" SET "redemptionCount" = "redemptionCount" - 1, "updatedAt" = now() WHERE id = ${redemption.couponId} AND "redemptionCount" > 0`;
    await tx.couponRedemption.update({ where: { id: redemption.id }, data: { status: "RELEASED", updatedAt: new Date() } });
  }

  const lines = await tx.orderLine.findMany({
    where: { orderId, productId: { not: null } },
    select: { productId: true, quantity: true },
    orderBy: { productId: "asc" },
  });
  for (const line of lines) {
    // Unlimited products (stock null) stay unlimited.
    await tx.$executeRaw`UPDATE "Product" SET stock = stock + ${line.quantity}, "updatedAt" = now() WHERE id = ${line.productId} AND stock IS NOT NULL`;
  }
  return true;
}

/** Convenience for callers outside a transaction. */
export async function releaseOrderHoldsNow(orderId: string): Promise<boolean> {
  return db.$transaction((tx) => releaseOrderHolds(tx, orderId));
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
    const { count } = await tx.order.updateMany({
      where: { id: orderId, merchantId, storeId, status: "PAID" },
      data: { status: "FULFILLED", fulfilledAt: new Date(), updatedAt: new Date() },
    });
    if (count === 0) return { ok: false, error: "invalidState" } as const;
    await recordAuditEvent(tx, { merchantId, actorUserId, action: "order.fulfill", targetType: "Order", targetId: orderId });
    return { ok: true } as const;
  });
}

/**
 * Refunds a PAID or FULFILLED order (MANAGER+, checked by the caller): the money goes back
 * through the provider that took it (Stripe; nothing to do for test and free orders), then the
 * order is REFUNDED. Nothing already consumed is released: stock was shipped or downloaded and
 * coupon uses stay counted. The status is claimed first (under the row lock) so two refunds
 * cannot both call the provider; a provider failure puts the status back.
 */
export async function refundOrder(
  merchantId: MerchantId,
  storeId: StoreId,
  orderId: string,
  actorUserId: string,
): Promise<MerchantOrderResult> {
  const claimed = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; status: string; paymentProvider: string; paymentRef: string | null }[]>`
      SELECT id, status::text AS status, "paymentProvider"::text AS "paymentProvider", "paymentRef"
      FROM "Order" WHERE id = ${orderId} AND "merchantId" = ${merchantId} AND "storeId" = ${storeId} FOR UPDATE`;
    const order = rows[0];
    if (!order) return { ok: false, error: "notFound" } as const;
    if (order.status !== "PAID" && order.status !== "FULFILLED") return { ok: false, error: "invalidState" } as const;
    await tx.order.update({ where: { id: orderId }, data: { status: "REFUNDED", refundedAt: new Date(), updatedAt: new Date() } });
    await recordAuditEvent(tx, {
      merchantId,
      actorUserId,
      action: "order.refund",
      targetType: "Order",
      targetId: orderId,
      data: { previousStatus: order.status, provider: order.paymentProvider },
    });
    // Points go with the money: at once when no provider is involved, else once it refunded.
    if (order.paymentProvider !== "STRIPE") await reverseOrderEarning(tx, orderId);
    return { ok: true, previous: order.status as "PAID" | "FULFILLED", provider: order.paymentProvider, paymentRef: order.paymentRef } as const;
  });
  if (!claimed.ok) return claimed;
  if (claimed.provider === "STRIPE" && claimed.paymentRef) {
    try {
      await providerFor("STRIPE").refund({ paymentRef: claimed.paymentRef, orderId });
    } catch (error) {
      console.error(`Refund of order ${orderId} failed:`, error);
      await db.order.updateMany({
        where: { id: orderId, merchantId, status: "REFUNDED" },
        data: { status: claimed.previous, refundedAt: null, updatedAt: new Date() },
      });
      return { ok: false, error: "refundFailed" };
    }
  }
  if (claimed.provider === "STRIPE") await db.$transaction((tx) => reverseOrderEarning(tx, orderId));
  return { ok: true };
}
