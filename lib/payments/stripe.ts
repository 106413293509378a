import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";
import type { ParsedWebhook, PaymentLookup, PaymentProvider, PaymentRequest, PaymentStart } from "./types";

/** True when both Stripe keys are set: payments then go through Stripe Checkout. */
export function stripeConfigured(): boolean {
  const e = env();
  return Boolean(e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET);
}

let client: Stripe | undefined;

/** The SDK client; STRIPE_API_HOST/PORT/PROTOCOL point it elsewhere (a local fake API in tests). */
export function stripeClient(): Stripe {
  if (client) return client;
  const e = env();
  if (!e.STRIPE_SECRET_KEY) throw new Error("STRIPE_SECRET_KEY is not set");
  client = new Stripe(e.STRIPE_SECRET_KEY, {
    ...(e.STRIPE_API_HOST ? { host: e.STRIPE_API_HOST } : {}),
    ...(e.STRIPE_API_PORT ? { port: e.STRIPE_API_PORT } : {}),
    ...(e.STRIPE_API_PROTOCOL ? { protocol: e.STRIPE_API_PROTOCOL } : {}),
    maxNetworkRetries: 2,
    timeout: 20_000,
  });
  return client;
}

/**
 * Checkout Sessions last 30 minutes at least; holds are released when Stripe reports the expiry,
 * or by the reconciliation job (lib/payments/reconcile.ts) when that report never came.
 */
export const SESSION_LIFETIME_SECONDS = 60 * 60;

export const stripeProvider: PaymentProvider = {
  kind: "STRIPE",
  async createPayment(request: PaymentRequest): Promise<PaymentStart> {
    const session = await stripeClient().checkout.sessions.create(
      {
        mode: "payment",
        client_reference_id: request.orderId,
        customer_email: request.email,
        // One line for the order's total: discounts are already applied and Stripe lines cannot be negative.
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: request.currency.toLowerCase(),
              unit_amount: request.amountCents,
              product_data: { name: `${request.storeName} ${request.orderNumber}` },
            },
          },
        ],
        metadata: { orderId: request.orderId, merchantId: request.merchantId },
        payment_intent_data: { metadata: { orderId: request.orderId, merchantId: request.merchantId } },
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
        expires_at: Math.floor(Date.now() / 1000) + SESSION_LIFETIME_SECONDS,
      },
      // A retried "create" for the same order (or payment request attempt) returns the same session.
      { idempotencyKey: request.idempotencyKey ?? `order-${request.orderId}` },
    );
    if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
    return { kind: "redirect", url: session.url, paymentRef: session.id };
  },
  async refund({ paymentRef, amountCents, idempotencyKey }) {
    const stripe = stripeClient();
    const session = await stripe.checkout.sessions.retrieve(paymentRef);
    const intent = typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
    if (!intent) throw new Error(`Checkout Session ${paymentRef} has no payment to refund`);
    await stripe.refunds.create(
      { payment_intent: intent, ...(amountCents != null ? { amount: amountCents } : {}) },
      { idempotencyKey: idempotencyKey ?? `refund-${paymentRef}` },
    );
  },
  async lookupPayment(paymentRef: string): Promise<PaymentLookup> {
    const session = await stripeClient().checkout.sessions.retrieve(paymentRef);
    const status =
      session.status === "complete" && session.payment_status !== "unpaid" ? "paid" : session.status === "expired" ? "failed" : "pending";
    return { status, ...sessionPayment(session) };
  },
};

/** What a Checkout Session says was paid, and by whom. */
function sessionPayment(session: Stripe.Checkout.Session) {
  return {
    amountCents: session.amount_total ?? null,
    currency: session.currency ? session.currency.toUpperCase() : null,
    email: session.customer_details?.email ?? session.customer_email ?? null,
  };
}

export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookSignatureError";
  }
}

/**
 * Verifies a Stripe webhook with the SDK (signature and timestamp tolerance) and maps the
 * Checkout Session events we act on to a payment outcome. Throws WebhookSignatureError for a
 * missing or bad signature; never trusts anything in the body before that.
 */
export function parseStripeWebhook(body: string, signature: string | null): ParsedWebhook {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new WebhookSignatureError("STRIPE_WEBHOOK_SECRET is not set");
  if (!signature) throw new WebhookSignatureError("Missing Stripe-Signature header");
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(body, signature, secret);
  } catch (error) {
    throw new WebhookSignatureError(error instanceof Error ? error.message : "Bad signature");
  }
  const ignored: ParsedWebhook = { kind: "ignored", eventId: event.id, type: event.type };
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const session = event.data.object;
      // Delayed methods (bank debits) complete the session unpaid and report later.
      if (session.payment_status === "unpaid") return ignored;
      return { kind: "event", event: sessionEvent(event.id, event.type, session, "paid") };
    }
    case "checkout.session.expired":
    case "checkout.session.async_payment_failed":
      return { kind: "event", event: sessionEvent(event.id, event.type, event.data.object, "failed") };
    default:
      return ignored;
  }
}

function sessionEvent(eventId: string, type: string, session: Stripe.Checkout.Session, outcome: "paid" | "failed") {
  return {
    eventId,
    provider: "STRIPE" as const,
    type,
    paymentRef: session.id,
    orderId: session.client_reference_id ?? session.metadata?.orderId ?? null,
    outcome,
    ...sessionPayment(session),
  };
}
