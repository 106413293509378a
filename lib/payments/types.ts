/** What a payment provider needs to ask for the money of one order. */
export interface PaymentRequest {
  orderId: string;
  merchantId: string;
  orderNumber: string;
  email: string;
  currency: string;
  /** What the provider takes: the order's amount due (its total less gift cards and other tenders). */
  amountCents: number;
  /** Where the buyer lands after paying, and after giving up (absolute URLs on the store's host). */
  successUrl: string;
  cancelUrl: string;
  /** The test provider's page (absolute URL on the store's host, without its token). */
  testPaymentUrl: string;
  storeName: string;
  /** The provider's idempotency key of this payment (default: one per order). */
  idempotencyKey?: string;
}

export type PaymentStart = { kind: "redirect"; url: string; paymentRef: string };

/** What a verified provider event means for an order. */
export type PaymentOutcome = "paid" | "failed";

export interface PaymentEventInput {
  /** The provider's event id: each is handled once. */
  eventId: string;
  provider: "TEST" | "STRIPE";
  type: string;
  /** The provider reference the order stored when its payment was created. */
  paymentRef: string;
  /** The order id the provider echoes back (checked against the reference). */
  orderId: string | null;
  outcome: PaymentOutcome;
  /** What the provider says was paid and by whom, when it says (used to refund a payment we cannot use). */
  amountCents?: number | null;
  currency?: string | null;
  email?: string | null;
}

/** A webhook request after verification: an event to apply, or one we do not act on. */
export type ParsedWebhook = { kind: "event"; event: PaymentEventInput } | { kind: "ignored"; eventId: string; type: string };

export interface PaymentProvider {
  readonly kind: "TEST" | "STRIPE";
  /** Starts the payment of a written order; the caller stores `paymentRef` on it. */
  createPayment(request: PaymentRequest): Promise<PaymentStart>;
  /**
   * Gives money of a payment back: `amountCents` of it, or all of it when omitted. The provider
   * gets `idempotencyKey` (by default one derived from `paymentRef`, for a refund of the whole
   * payment), so a retried refund never pays out twice. Throws when it refuses.
   */
  refund(input: { paymentRef: string; orderId?: string | null; amountCents?: number | null; idempotencyKey?: string }): Promise<void>;
  /** Asks the provider where a payment stands (for payments whose webhook never came). */
  lookupPayment(paymentRef: string): Promise<PaymentLookup>;
}

/** A payment as the provider sees it now: "pending" while the buyer may still pay. */
export interface PaymentLookup {
  status: "paid" | "failed" | "pending";
  amountCents?: number | null;
  currency?: string | null;
  email?: string | null;
}
