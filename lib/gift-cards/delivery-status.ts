/** Where a card's delivery email stands, as the buyer and the merchant see it. Pure. */
export type DeliveryStatus = "scheduled" | "queued" | "sent" | "failed";

export interface OrderCardDelivery {
  cardId: string;
  orderId: string;
  source: "PURCHASE" | "BONUS";
  last4: string;
  amountCents: number;
  currency: string;
  /** Null: the buyer (a card for themselves, or a bonus card). */
  recipientName: string | null;
  recipientEmail: string | null;
  /** When the email goes (or went) out; null: when the order was paid. */
  deliverAt: Date | null;
  sentAt: Date | null;
  status: DeliveryStatus;
  /** The email has not gone out and waits for its day: the recipient may still change. */
  recipientChangeable: boolean;
}

/**
 * A QUEUED email whose sendAfter is ahead is scheduled; QUEUED otherwise is on its way; SENT
 * (or kept in the dev mailbox) is sent; FAILED failed for good. No email yet: on its way.
 */
export function deliveryStatus(email: { status: "QUEUED" | "SENT" | "FAILED" | "DEV_MAILBOX"; sendAfter: Date | null } | null, now: Date): DeliveryStatus {
  if (!email) return "queued";
  if (email.status === "SENT" || email.status === "DEV_MAILBOX") return "sent";
  if (email.status === "FAILED") return "failed";
  return email.sendAfter && email.sendAfter > now ? "scheduled" : "queued";
}
