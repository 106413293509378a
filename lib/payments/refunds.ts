import "server-only";
import { claimOrderRefund, settleProviderRefund, undoOrderRefund, type MerchantOrderResult } from "@/lib/orders/mutations";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { providerFor } from "./provider";

/**
 * Refunds a PAID or FULFILLED order (MANAGER+, checked by the caller): the order is claimed as
 * REFUNDED first (claimOrderRefund, so two refunds cannot both call the provider), then the money
 * goes back through the provider that took it (Stripe; nothing to do for test and free orders);
 * a provider failure puts the status back. Gift cards that paid part of the order get their
 * amounts back (only once the provider refunded its part); stock was shipped or downloaded and
 * coupon uses stay counted.
 */
export async function refundOrder(
  merchantId: MerchantId,
  storeId: StoreId,
  orderId: string,
  actorUserId: string,
): Promise<MerchantOrderResult> {
  const claimed = await claimOrderRefund(merchantId, storeId, orderId, actorUserId);
  if (!claimed.ok) return claimed;
  if (claimed.provider === "STRIPE" && claimed.paymentRef) {
    try {
      await providerFor("STRIPE").refund({ paymentRef: claimed.paymentRef, orderId });
    } catch (error) {
      console.error(`Refund of order ${orderId} failed:`, error);
      await undoOrderRefund(merchantId, orderId, claimed.previous);
      return { ok: false, error: "refundFailed" };
    }
  }
  if (claimed.provider === "STRIPE") await settleProviderRefund(merchantId, orderId);
  return { ok: true };
}
