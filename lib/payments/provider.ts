import "server-only";
import { stripeConfigured, stripeProvider } from "./stripe";
import { testPaymentsEnabled, testProvider } from "./test-provider";
import type { PaymentProvider } from "./types";

/**
 * Stripe when both keys are configured; otherwise the labelled test provider outside production,
 * and none in production (checkout then refuses carts that need a payment).
 */
export function paymentProvider(): PaymentProvider | null {
  if (stripeConfigured()) return stripeProvider;
  return testPaymentsEnabled() ? testProvider : null;
}

/** The provider that took an order's payment, for refunds. */
export function providerFor(kind: "TEST" | "STRIPE"): PaymentProvider {
  return kind === "STRIPE" ? stripeProvider : testProvider;
}
