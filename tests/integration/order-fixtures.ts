import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

/**
 * Orders written straight to the database with chosen times and statuses, for tests of what is
 * computed from orders (reports). Money in minor units.
 */
export async function createOrderRow(
  tenant: { merchant: { id: string } },
  storeId: string,
  data: {
    status: "PENDING_PAYMENT" | "PAID" | "FULFILLED" | "REFUNDED" | "CANCELLED";
    createdAt: string;
    lines: Array<{ productId: string | null; title: string; unitPriceCents: number; quantity: number }>;
    discounts?: Array<{ code: string; amountCents: number }>;
    email?: string;
    currency?: string;
    number?: string;
  },
) {
  const subtotal = data.lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  const discount = (data.discounts ?? []).reduce((sum, d) => sum + d.amountCents, 0);
  const key = randomUUID();
  const createdAt = new Date(data.createdAt);
  const at = (status: string) => (data.status === status ? createdAt : null);
  return db.order.create({
    data: {
      merchantId: tenant.merchant.id,
      storeId,
      number: data.number ?? `T-${key.slice(0, 8)}`,
      email: data.email ?? `buyer-${key.slice(0, 6)}@example.test`,
      locale: "en",
      currency: data.currency ?? "EUR",
      status: data.status,
      subtotalCents: subtotal,
      discountCents: discount,
      totalCents: subtotal - discount,
      amountDueCents: subtotal - discount,
      refundedCents: data.status === "REFUNDED" ? subtotal - discount : 0,
      paymentProvider: "TEST",
      idempotencyKey: key,
      transactionId: key,
      createdAt,
      paidAt: ["PAID", "FULFILLED", "REFUNDED"].includes(data.status) ? createdAt : null,
      refundedAt: at("REFUNDED"),
      cancelledAt: at("CANCELLED"),
      lines: {
        create: data.lines.map((l) => ({
          productId: l.productId,
          title: l.title,
          kind: "PHYSICAL" as const,
          unitPriceCents: l.unitPriceCents,
          quantity: l.quantity,
          totalCents: l.unitPriceCents * l.quantity,
        })),
      },
      discounts: { create: (data.discounts ?? []).map((d) => ({ code: d.code, amountCents: d.amountCents })) },
    },
    select: { id: true, number: true, totalCents: true },
  });
}
