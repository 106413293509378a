import "server-only";
import { cacheTags, invalidateOnCommit } from "@/lib/cache";
import { restoreCheckedOutCart } from "@/lib/cart/mutations";
import { db, type Tx } from "@/lib/db";
import { cancelOrder, markOrderPaid } from "@/lib/orders/mutations";
import { settleRequestPayment } from "@/lib/payment-requests/mutations";
import type { MerchantId } from "@/lib/tenancy/types";
import { openPaymentIssue } from "./issues";
import type { PaymentEventInput } from "./types";

export type PaymentEventResult = "applied" | "duplicate" | "unchanged" | "unknown-order" | "issue-opened";

/**
 * Applies one verified provider event, exactly once per event id: the PaymentEvent row and the
 * order's transition commit together, so a replayed (or concurrently delivered) event finds its
 * id taken and changes nothing. "paid" moves a pending order to PAID (and queues its
 * confirmation), or opens a payment issue (refunded automatically) when no order can take the
 * money; "failed" cancels it, gives the shopper their cart back and releases its stock and coupon
 * uses (failOrderPayment). This module only reports the outcome: the order's lifecycle
 * (lib/orders) owns the transitions and what they release.
 */
export async function applyPaymentEvent(event: PaymentEventInput): Promise<PaymentEventResult> {
  return db.$transaction(async (tx) => {
    // The provider names the order only by its reference (unique platform-wide): the order's
    // merchant comes from the row found, and every change below is scoped to it.
    let order = await tx.order.findFirst({
      where: { paymentRef: event.paymentRef, paymentProvider: event.provider },
      select: { id: true, merchantId: true },
    });
    if (!order && event.orderId) {
      // The event can beat the write of the reference after the provider answered: accept the
      // echoed order only while it has no reference yet, and store this one.
      const [claimed] = await tx.order.updateManyAndReturn({
        where: { id: event.orderId, paymentProvider: event.provider, paymentRef: null },
        data: { paymentRef: event.paymentRef },
        select: { id: true, merchantId: true },
      });
      if (claimed) order = claimed;
    }
    // The reference is what we stored; the echoed order id must agree with it.
    const matched = order && (!event.orderId || event.orderId === order.id) ? order : null;
    const orderId = matched?.id ?? null;
    const inserted = await tx.paymentEvent.createManyAndReturn({
      data: [{ id: event.eventId, provider: event.provider, type: event.type, orderId }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (inserted.length === 0) return "duplicate";
    let changed = false;
    if (matched) {
      const merchantId = matched.merchantId as MerchantId;
      changed = event.outcome === "paid" ? await markOrderPaid(tx, merchantId, matched.id) : await failOrderPayment(tx, merchantId, matched.id);
      // The order of a payment request pays the request with it, once (the order's transition is the guard).
      if (changed && event.outcome === "paid") await settleRequestPayment(tx, merchantId, matched.id);
    }
    if (changed) return "applied";
    // Money that no order can take (cancelled, unknown, already paid) goes back: see openPaymentIssue.
    if (event.outcome === "paid" && (await openPaymentIssue(tx, event, orderId))) return "issue-opened";
    return orderId ? "unchanged" : "unknown-order";
  });
}

/**
 * A pending order whose payment failed, expired or could not start: it is cancelled, its holds
 * are released and the cart it was placed from is the shopper's ACTIVE cart again (see
 * restoreCheckedOutCart), so they can retry. The order row is locked first and the cart before
 * the holds, the order in which checkout takes carts, coupons and products. False when the
 * order was not pending (nothing changes).
 */
export async function failOrderPayment(tx: Tx, merchantId: MerchantId, orderId: string): Promise<boolean> {
  const [order] = await tx.$queryRaw<Array<{ cartId: string | null }>>`
    SELECT "cartId" FROM "Order" WHERE id = ${orderId} AND "merchantId" = ${merchantId} AND status = 'PENDING_PAYMENT' FOR UPDATE`;
  if (!order) return false;
  if (order.cartId) await restoreCheckedOutCart(tx, merchantId, order.cartId);
  await invalidateOnCommit(tx, [cacheTags.storefronts(merchantId)]);
  return cancelOrder(tx, merchantId, orderId);
}
