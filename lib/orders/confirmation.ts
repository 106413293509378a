import "server-only";
import type { Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { isLocale, type Locale } from "@/lib/locales";
import { inTenderOrder } from "@/lib/pricing/tenders";
import { urlConfig } from "@/lib/tenancy/request";
import type { MerchantId } from "@/lib/tenancy/types";
import { absoluteUrl, storeAddress } from "@/lib/tenancy/urls";
import { orderToken } from "./tokens";

/** The storefront path of an order's confirmation page, with the guest access token. */
export function orderPath(orderId: string): string {
  return `/orders/${encodeURIComponent(orderId)}?token=${orderToken(orderId, "view")}`;
}

/**
 * Queues the order-confirmation email (invoice) in the order's locale, inside the transaction
 * that made the order PAID, so the email exists exactly when the order is paid. One per order.
 */
export async function enqueueOrderConfirmation(tx: Tx, merchantId: MerchantId, orderId: string): Promise<void> {
  const order = await tx.order.findFirstOrThrow({
    where: { id: orderId, merchantId },
    select: {
      id: true,
      merchantId: true,
      number: true,
      email: true,
      locale: true,
      currency: true,
      subtotalCents: true,
      totalCents: true,
      amountDueCents: true,
      paymentProvider: true,
      transactionId: true,
      store: { select: { name: true, slug: true, defaultLocale: true } },
      lines: { select: { title: true, quantity: true, unitPriceCents: true, totalCents: true }, orderBy: { id: "asc" } },
      discounts: { select: { code: true, amountCents: true }, orderBy: { id: "asc" } },
      tenders: { select: { kind: true, label: true, amountCents: true }, orderBy: { label: "asc" } },
    },
  });
  const locale: Locale = isLocale(order.locale) ? order.locale : "en";
  const defaultLocale: Locale = isLocale(order.store.defaultLocale) ? order.store.defaultLocale : "en";
  const orderUrl = absoluteUrl(storeAddress({ slug: order.store.slug, defaultLocale }, urlConfig()), orderPath(order.id), locale, urlConfig());
  await enqueueEmail(
    {
      to: order.email,
      template: "order-confirmation",
      locale,
      merchantId: order.merchantId,
      idempotencyKey: `order-confirmation:${order.id}`,
      data: {
        storeName: order.store.name,
        orderNumber: order.number,
        currency: order.currency,
        lines: order.lines,
        subtotalCents: order.subtotalCents,
        discounts: order.discounts,
        totalCents: order.totalCents,
        tenders: inTenderOrder(order.tenders),
        amountDueCents: order.amountDueCents,
        noPaymentNeeded: order.paymentProvider === "NONE",
        transactionId: order.transactionId,
        orderUrl,
      },
    },
    tx,
  );
}
