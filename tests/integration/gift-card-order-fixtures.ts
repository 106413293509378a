import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { GiftCardPurchase } from "@/lib/gift-cards/purchase";
import { applyPaymentEvent } from "@/lib/payments/mutations";
import { testPaymentRef } from "@/lib/payments/test-provider";

/**
 * Orders of gift cards waiting for their payment, as checkout writes them: one GIFT_CARD line
 * per delivery (the purchase JSON on the line, the card's amount as the unit price, one unit per
 * card), paid through the test provider's event.
 */
export async function createGiftCardOrder(
  shop: { store: { id: string; merchantId: string } },
  lines: Array<{ amountCents: number; quantity: number; purchase: GiftCardPurchase }>,
  options: { email?: string; locale?: string; currency?: string; customerId?: string | null } = {},
) {
  const key = randomUUID();
  const total = lines.reduce((sum, l) => sum + l.amountCents * l.quantity, 0);
  return db.order.create({
    data: {
      merchantId: shop.store.merchantId,
      storeId: shop.store.id,
      number: `G-${key.slice(0, 8)}`,
      email: options.email ?? `buyer-${key.slice(0, 6)}@example.test`,
      locale: options.locale ?? "en",
      currency: options.currency ?? "EUR",
      customerId: options.customerId ?? null,
      status: "PENDING_PAYMENT",
      subtotalCents: total,
      discountCents: 0,
      totalCents: total,
      amountDueCents: total,
      paymentProvider: "TEST",
      idempotencyKey: key,
      transactionId: key,
      lines: {
        create: lines.map((l) => ({
          title: "Gift card",
          kind: "GIFT_CARD" as const,
          unitPriceCents: l.amountCents,
          quantity: l.quantity,
          totalCents: l.amountCents * l.quantity,
          giftCard: { ...l.purchase },
        })),
      },
    },
    select: { id: true, email: true, number: true, transactionId: true },
  });
}

/** The test provider's "paid" event for an order (what its test page's "Pay" applies). */
export function paidEvent(orderId: string, eventId = `${testPaymentRef(orderId)}:paid`) {
  return { eventId, provider: "TEST" as const, type: "test.payment.paid", paymentRef: testPaymentRef(orderId), orderId, outcome: "paid" as const };
}

export function payOrder(orderId: string, eventId?: string) {
  return applyPaymentEvent(paidEvent(orderId, eventId));
}
