import "server-only";
import { isLocale } from "@/lib/locales";
import type { Storefront } from "@/lib/tenancy/loaders";
import { renderCertificatePdf } from "./certificate";
import { openCertificateToken } from "./certificate-token";
import { parseGiftCardCode } from "./code";
import { findCardDeliveries, findCertificateCard } from "./delivery-data";
import type { OrderCardDelivery } from "./delivery-status";
import { certificateSecret, lastValidDay } from "./issue";

/**
 * The printable certificate behind a certificate link on this storefront: the token opens to a
 * code, and the code must be a card of the store's merchant. Null (a 404) for a forged or
 * foreign token, or a card of another merchant.
 */
export async function loadCertificatePdf(store: Storefront, token: string | null): Promise<Uint8Array | null> {
  const opened = openCertificateToken(token, certificateSecret());
  if (!opened) return null;
  const parsed = parseGiftCardCode(opened);
  if (!parsed.ok) return null;
  const card = await findCertificateCard(store.merchantId, parsed.code);
  if (!card) return null;
  return renderCertificatePdf({
    locale: isLocale(card.deliveryLocale) ? card.deliveryLocale : store.defaultLocale,
    storeName: card.storeName ?? store.name,
    storefront: store.target.host,
    code: parsed.code,
    amountCents: card.initialCents,
    currency: card.currency,
    recipientName: card.recipientName,
    message: card.message,
    expiresOn: lastValidDay(card.expiresAt, card.storeTimeZone ?? store.timeZone),
  });
}

/**
 * The gift cards of an order the buyer may see (the caller checked the order with
 * loadBuyerOrder or listed it with loadCustomerOrders), with where their emails stand.
 */
export async function loadBuyerCardDeliveries(store: Storefront, orderIds: string[]): Promise<OrderCardDelivery[]> {
  return findCardDeliveries(store.merchantId, orderIds, new Date(), store.id);
}
