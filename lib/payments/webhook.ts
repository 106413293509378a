import "server-only";
import { recordWebhookSignatureFailure } from "@/lib/alerts/mutations";
import { applyPaymentEvent, type PaymentEventResult } from "./mutations";
import { parseStripeWebhook, WebhookSignatureError } from "./stripe";

export type StripeWebhookResponse = { status: 200; result: PaymentEventResult | "ignored" } | { status: 400; error: string };

/**
 * The Stripe webhook: verify the signature over the raw body, then apply the event once. A bad
 * or missing signature is a 400 and touches nothing but the failure count that alerts admins.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<StripeWebhookResponse> {
  let parsed;
  try {
    parsed = parseStripeWebhook(rawBody, signature);
  } catch (error) {
    if (error instanceof WebhookSignatureError) {
      // Repeated failures mean a wrong secret or someone probing: admins are alerted (throttled).
      await recordWebhookSignatureFailure("stripe", error.message).catch((e) => console.error("Counting a webhook signature failure failed:", e));
      return { status: 400, error: "invalid signature" };
    }
    throw error;
  }
  if (parsed.kind === "ignored") return { status: 200, result: "ignored" };
  return { status: 200, result: await applyPaymentEvent(parsed.event) };
}
