import "server-only";
import { claimRefund, failRefund, settleRefund, type RefundRefusal, type RefundRequest } from "@/lib/orders/refunds";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { providerFor } from "./provider";

export type RefundResult = { ok: true; refundId: string } | { ok: false; error: RefundRefusal | "refundFailed" };

/**
 * Refunds all or part of a PAID or FULFILLED order (MANAGER+, checked by the caller): the refund
 * is claimed first under the order's lock (claimRefund: amount, shares, order counts), then the
 * card payment's share goes back through Stripe under the refund's own idempotency key, then
 * everything else goes back (settleRefund). A provider failure fails the refund: nothing goes
 * back and the order is as it was. Test and free orders, and refunds to store credit, have
 * nothing to ask a provider and are settled by the claim.
 */
export async function refundOrder(
  merchantId: MerchantId,
  storeId: StoreId,
  orderId: string,
  actorUserId: string,
  request: RefundRequest = {},
): Promise<RefundResult> {
  const claimed = await claimRefund(merchantId, storeId, orderId, actorUserId, request);
  if (!claimed.ok) return claimed;
  if (claimed.settled) return { ok: true, refundId: claimed.refundId };
  try {
    await refundThroughProvider(claimed);
  } catch (error) {
    console.error(`Refund ${claimed.refundId} of order ${orderId} failed:`, error);
    await failRefund(merchantId, claimed.refundId);
    return { ok: false, error: "refundFailed" };
  }
  await settleRefund(merchantId, claimed.refundId);
  return { ok: true, refundId: claimed.refundId };
}

/** Asks Stripe for a refund's card share; the key is the refund's, so asking again pays out once. */
export async function refundThroughProvider(refund: {
  refundId: string;
  provider: "NONE" | "TEST" | "STRIPE";
  paymentRef: string | null;
  providerCents: number;
}): Promise<void> {
  if (refund.provider !== "STRIPE" || refund.providerCents === 0 || !refund.paymentRef) return;
  await providerFor("STRIPE").refund({ paymentRef: refund.paymentRef, amountCents: refund.providerCents, idempotencyKey: `refund-${refund.refundId}` });
}
