import "server-only";
import { db } from "@/lib/db";
import { findUnsettledRefunds, settleRefund } from "@/lib/orders/refunds";
import type { MerchantId } from "@/lib/tenancy/types";
import { applyPaymentEvent, failOrderPayment } from "./mutations";
import { providerFor } from "./provider";
import { refundThroughProvider } from "./refunds";
import { SESSION_LIFETIME_SECONDS } from "./stripe";

/** Past the session's lifetime, a little longer for the provider's own expiry event to arrive. */
export const RECONCILE_AFTER_SECONDS = SESSION_LIFETIME_SECONDS + 10 * 60;

export interface ReconcileSummary {
  paid: number;
  failed: number;
  pending: number;
  errors: number;
}

/**
 * The missed-webhook sweep (platform-wide, for the payment-reconcile job): every order still
 * PENDING_PAYMENT after RECONCILE_AFTER_SECONDS is looked up at its provider and settled the way
 * the provider's own event would have: paid, or cancelled with its holds released. The outcome
 * goes through applyPaymentEvent under an event id of its own per payment and outcome, so a run
 * that overlaps another, or a webhook that arrives late, changes nothing twice. An order whose
 * payment never started (no reference) is cancelled and its cart given back (failOrderPayment). Provider errors are counted and retried on
 * the next run.
 */
export async function reconcilePendingPayments(options: { now?: Date; limit?: number } = {}): Promise<ReconcileSummary> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - RECONCILE_AFTER_SECONDS * 1000);
  const orders = await db.order.findMany({
    where: { status: "PENDING_PAYMENT", paymentProvider: { in: ["TEST", "STRIPE"] }, createdAt: { lt: cutoff } },
    select: { id: true, merchantId: true, paymentProvider: true, paymentRef: true },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 200,
  });
  const summary: ReconcileSummary = { paid: 0, failed: 0, pending: 0, errors: 0 };
  for (const order of orders) {
    const provider = order.paymentProvider as "TEST" | "STRIPE";
    try {
      if (!order.paymentRef) {
        // Cancelled like any payment that did not go through: holds released, the cart given back.
        if (await db.$transaction((tx) => failOrderPayment(tx, order.merchantId as MerchantId, order.id))) summary.failed++;
        continue;
      }
      const found = await providerFor(provider).lookupPayment(order.paymentRef);
      if (found.status === "pending") {
        summary.pending++;
        continue;
      }
      const result = await applyPaymentEvent({
        eventId: `reconcile:${order.paymentRef}:${found.status}`,
        provider,
        type: `reconcile.payment.${found.status}`,
        paymentRef: order.paymentRef,
        orderId: order.id,
        outcome: found.status,
        amountCents: found.amountCents ?? null,
        currency: found.currency ?? null,
        email: found.email ?? null,
      });
      if (result === "applied") summary[found.status]++;
    } catch (error) {
      console.error(`Reconciling the payment of order ${order.id} failed:`, error);
      summary.errors++;
    }
  }
  return summary;
}

/** A refund claimed this long ago and still unsettled was interrupted (a normal one settles in seconds). */
export const SETTLE_REFUNDS_AFTER_SECONDS = 10 * 60;

/**
 * The interrupted-refund sweep (platform-wide, in the payment-reconcile job): a refund is claimed
 * (PENDING, counted on the order), then its card share is asked of Stripe, then it is settled
 * (gift cards, points and store credit given back). When the process stopped in between, this
 * finishes it: Stripe is asked again (under the refund's idempotency key, so a refund that went
 * through is not made twice) and the refund is settled once (settleRefund). Provider errors are
 * counted and retried on the next run.
 */
export async function settleInterruptedRefunds(options: { now?: Date; limit?: number } = {}): Promise<{ settled: number; errors: number }> {
  const refunds = await findUnsettledRefunds(options.now ?? new Date(), SETTLE_REFUNDS_AFTER_SECONDS, options.limit ?? 100);
  const summary = { settled: 0, errors: 0 };
  for (const refund of refunds) {
    try {
      await refundThroughProvider(refund);
      if (await settleRefund(refund.merchantId, refund.refundId)) summary.settled++;
    } catch (error) {
      console.error(`Finishing refund ${refund.refundId} of order ${refund.orderId} failed:`, error);
      summary.errors++;
    }
  }
  return summary;
}
