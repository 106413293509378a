import "server-only";
import { stripeConfigured, stripeProvider } from "./stripe";
import { testProvider } from "./test-provider";
import type { PaymentProvider } from "./types";

/** Stripe when both keys are configured, the labelled test provider otherwise. */
export function paymentProvider(): PaymentProvider {
  return stripeConfigured() ? stripeProvider : testProvider;
}

/** The provider that took an order's payment, for refunds. */
export function providerFor(kind: "TEST" | "STRIPE"): PaymentProvider {
  return kind === "STRIPE" ? stripeProvider : testProvider;
}
