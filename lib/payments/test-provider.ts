import "server-only";
import { env } from "@/lib/env";
import { orderToken } from "@/lib/orders/tokens";
import type { PaymentProvider, PaymentRequest, PaymentStart } from "./types";

/** The reference the test provider stores on an order. */
export function testPaymentRef(orderId: string): string {
  return `test_${orderId}`;
}

/**
 * Whether the test provider exists: in development and test runs (PATRON_TEST_MODE) only. In
 * production its pages answer 404, its action refuses and it starts no payment.
 */
export function testPaymentsEnabled(): boolean {
  return !env().production;
}

/**
 * Without Stripe keys, outside production: the buyer is sent to the store's clearly labelled test-mode page, whose
 * buttons apply the same outcomes a Stripe webhook would. The link carries a signed token, so
 * only the buyer who placed the order can use it.
 */
export const testProvider: PaymentProvider = {
  kind: "TEST",
  async createPayment(request: PaymentRequest): Promise<PaymentStart> {
    if (!testPaymentsEnabled()) throw new Error("The test payment provider does not exist in production");
    const url = new URL(request.testPaymentUrl);
    url.searchParams.set("token", orderToken(request.orderId, "pay"));
    return { kind: "redirect", url: url.toString(), paymentRef: testPaymentRef(request.orderId) };
  },
  async refund() {
    // Nothing was charged.
  },
  async lookupPayment() {
    // The test page pays through the same events as Stripe's webhook, at once: an order still
    // waiting after the session's lifetime was abandoned.
    return { status: "failed" };
  },
};
