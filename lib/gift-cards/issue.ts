import "server-only";
import type { Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/locales";
import { urlConfig } from "@/lib/tenancy/request";
import type { MerchantId } from "@/lib/tenancy/types";
import { absoluteUrl, storeAddress } from "@/lib/tenancy/urls";
import { dayKey, startOfDayKey } from "@/lib/time";
import { sealCertificateToken } from "./certificate-token";
import { formatGiftCardCode } from "./code";
import { issueCard, type IssuedCard } from "./ledger";
import { readPurchase } from "./purchase";
import { bonusFor, expiryAfterDays, expiryAfterMonths } from "./rules";

/** The storefront path of the balance check page. */
export const BALANCE_PATH = "/gift-cards/balance";
/** The storefront path of the printable certificate (the sealed code in `t`). */
export const CERTIFICATE_PATH = "/gift-cards/certificate";

export function certificateSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is required to seal gift-card certificate links");
  return secret;
}

/** The storefront path of the certificate of the card with `code` (compact). */
export function certificatePath(code: string): string {
  return `${CERTIFICATE_PATH}?t=${sealCertificateToken(code, certificateSecret())}`;
}

/** Idempotency keys of a card's emails: one per card and purpose. */
export const deliveryEmailKey = (cardId: string) => `gift-card-delivery:${cardId}`;
export const buyerCopyEmailKey = (cardId: string) => `gift-card-buyer-copy:${cardId}`;

/** The last day a card expiring at `expiresAt` can be used, in the store's zone. */
export function lastValidDay(expiresAt: Date | null, timeZone: string): string | null {
  return expiresAt ? dayKey(new Date(expiresAt.getTime() - 1), timeZone) : null;
}

interface StoreLinks {
  storeName: string;
  storefrontUrl: string;
  balanceUrl: string;
  certificateUrl(code: string): string;
}

/** Links to the store's storefront in `locale`, or in its default locale when it no longer offers that one. */
function storeLinks(store: { name: string; slug: string; defaultLocale: string; locales: string[] }, locale: Locale): StoreLinks {
  const defaultLocale: Locale = isLocale(store.defaultLocale) ? store.defaultLocale : "en";
  const linkLocale = store.locales.includes(locale) ? locale : defaultLocale;
  const address = storeAddress({ slug: store.slug, defaultLocale }, urlConfig());
  const url = (path: string) => absoluteUrl(address, path, linkLocale, urlConfig());
  return { storeName: store.name, storefrontUrl: url("/"), balanceUrl: url(BALANCE_PATH), certificateUrl: (code) => url(certificatePath(code)) };
}

export interface OrderGiftCard {
  cardId: string;
  source: "PURCHASE" | "BONUS";
  last4: string;
  amountCents: number;
  deliveryEmailId: string;
}

/**
 * Issues the gift cards an order bought, in the transaction that marks it paid: one card per
 * unit of each GIFT_CARD line (the line and the unit index make each exactly once, so a replayed
 * or concurrent payment issues nothing more), each with its ISSUE ledger row; the bonus card of
 * the merchant's active promotion for each qualifying card; and their emails through the outbox.
 * The recipient's email waits for the delivery day (EmailMessage.sendAfter) when that is still
 * ahead; the buyer gets a copy with the code at once. The code itself exists only in those
 * outbox rows. Returns the cards issued now (none on a replay).
 */
export async function issueGiftCardsForOrder(tx: Tx, merchantId: MerchantId, orderId: string, now: Date = new Date()): Promise<OrderGiftCard[]> {
  const order = await tx.order.findFirst({
    where: { id: orderId, merchantId },
    select: {
      id: true,
      storeId: true,
      currency: true,
      email: true,
      locale: true,
      customerId: true,
      paidAt: true,
      transactionId: true,
      store: { select: { name: true, slug: true, defaultLocale: true, locales: true, timeZone: true } },
      merchant: { select: { giftCardExpiryMonths: true } },
      lines: { where: { kind: "GIFT_CARD" }, select: { id: true, quantity: true, unitPriceCents: true, giftCard: true }, orderBy: { id: "asc" } },
    },
  });
  if (!order || order.lines.length === 0) return [];
  const issuedAt = order.paidAt ?? now;
  const timeZone = order.store.timeZone;
  const buyerLocale: Locale = isLocale(order.locale) ? order.locale : "en";
  const promotion = await tx.giftCardPromotion.findFirst({
    where: { merchantId, currency: order.currency, active: true },
    select: { id: true, minPurchaseCents: true, bonusCents: true, bonusValidDays: true },
  });
  const movement = { merchantId, transactionId: order.transactionId, storeId: order.storeId, orderId: order.id, at: issuedAt };
  const buyerEmail = order.email.trim().toLowerCase();
  const issued: OrderGiftCard[] = [];

  for (const line of order.lines) {
    const purchase = readPurchase(line.giftCard);
    if (!purchase || line.unitPriceCents <= 0) continue;
    const deliverOn = purchase.deliverOn ? startOfDayKey(purchase.deliverOn, timeZone) : null;
    const deliverAt = deliverOn && deliverOn > now ? deliverOn : null;
    const recipientLinks = storeLinks(order.store, purchase.locale);
    for (let unitIndex = 0; unitIndex < line.quantity; unitIndex++) {
      const card = await issueCard(tx, movement, {
        currency: order.currency,
        amountCents: line.unitPriceCents,
        source: "PURCHASE",
        expiresAt: expiryAfterMonths(issuedAt, order.merchant.giftCardExpiryMonths, timeZone),
        deliveryLocale: purchase.locale,
        storeId: order.storeId,
        orderId: order.id,
        orderLineId: line.id,
        unitIndex,
        purchaserCustomerId: order.customerId,
        recipientName: purchase.recipient?.name ?? null,
        recipientEmail: purchase.recipient ? purchase.recipient.email.trim().toLowerCase() : buyerEmail,
        message: purchase.message,
        deliverAt,
      });
      if (!card) continue;
      const common = {
        storeName: order.store.name,
        code: formatGiftCardCode(card.code),
        amountCents: card.balanceCents,
        currency: order.currency,
        expiresOn: lastValidDay(card.expiresAt, timeZone),
        message: purchase.message,
      };
      const delivery = await enqueueEmail(
        {
          to: purchase.recipient?.email.trim().toLowerCase() ?? buyerEmail,
          template: "gift-card-delivery",
          locale: purchase.locale,
          merchantId,
          idempotencyKey: deliveryEmailKey(card.id),
          sendAfter: deliverAt ?? undefined,
          data: {
            ...common,
            kind: "recipient",
            recipientName: purchase.recipient?.name ?? null,
            storefrontUrl: recipientLinks.storefrontUrl,
            balanceUrl: recipientLinks.balanceUrl,
            certificateUrl: recipientLinks.certificateUrl(card.code),
          },
        },
        tx,
      );
      await tx.giftCard.updateMany({ where: { id: card.id, merchantId }, data: { deliveryEmailId: delivery.id } });
      // The buyer's copy, at once, when the card goes to someone else or later.
      if (purchase.recipient || deliverAt) {
        const buyerLinks = storeLinks(order.store, buyerLocale);
        await enqueueEmail(
          {
            to: buyerEmail,
            template: "gift-card-delivery",
            locale: buyerLocale,
            merchantId,
            idempotencyKey: buyerCopyEmailKey(card.id),
            data: {
              ...common,
              kind: purchase.recipient ? "buyerCopy" : "recipient",
              recipientName: purchase.recipient?.name ?? null,
              deliverOn: deliverAt ? purchase.deliverOn : null,
              storefrontUrl: buyerLinks.storefrontUrl,
              balanceUrl: buyerLinks.balanceUrl,
              certificateUrl: buyerLinks.certificateUrl(card.code),
            },
          },
          tx,
        );
      }
      issued.push({ cardId: card.id, source: "PURCHASE", last4: card.last4, amountCents: card.balanceCents, deliveryEmailId: delivery.id });

      const bonus = bonusFor(promotion, line.unitPriceCents);
      if (bonus) {
        const bonusCard = await issueBonusCard(tx, movement, { ...order, buyerEmail, buyerLocale, issuedAt, timeZone }, card, bonus);
        if (bonusCard) issued.push(bonusCard);
      }
    }
  }
  return issued;
}

async function issueBonusCard(
  tx: Tx,
  movement: Parameters<typeof issueCard>[1],
  order: {
    id: string;
    storeId: string;
    currency: string;
    customerId: string | null;
    store: { name: string; slug: string; defaultLocale: string; locales: string[] };
    buyerEmail: string;
    buyerLocale: Locale;
    issuedAt: Date;
    timeZone: string;
  },
  purchased: IssuedCard,
  promotion: { bonusCents: number; bonusValidDays: number },
): Promise<OrderGiftCard | null> {
  const card = await issueCard(tx, movement, {
    currency: order.currency,
    amountCents: promotion.bonusCents,
    source: "BONUS",
    expiresAt: expiryAfterDays(order.issuedAt, promotion.bonusValidDays, order.timeZone),
    deliveryLocale: order.buyerLocale,
    storeId: order.storeId,
    orderId: order.id,
    purchaserCustomerId: order.customerId,
    bonusForId: purchased.id,
    recipientEmail: order.buyerEmail,
  });
  if (!card) return null;
  const links = storeLinks(order.store, order.buyerLocale);
  const delivery = await enqueueEmail(
    {
      to: order.buyerEmail,
      template: "gift-card-delivery",
      locale: order.buyerLocale,
      merchantId: movement.merchantId,
      idempotencyKey: deliveryEmailKey(card.id),
      data: {
        kind: "bonus",
        storeName: order.store.name,
        recipientName: null,
        code: formatGiftCardCode(card.code),
        amountCents: card.balanceCents,
        currency: order.currency,
        expiresOn: lastValidDay(card.expiresAt, order.timeZone),
        message: null,
        storefrontUrl: links.storefrontUrl,
        balanceUrl: links.balanceUrl,
        certificateUrl: links.certificateUrl(card.code),
      },
    },
    tx,
  );
  await tx.giftCard.updateMany({ where: { id: card.id, merchantId: movement.merchantId }, data: { deliveryEmailId: delivery.id } });
  return { cardId: card.id, source: "BONUS", last4: card.last4, amountCents: card.balanceCents, deliveryEmailId: delivery.id };
}

/**
 * The delivery email of a card issued by hand to a named recipient, sent at once in the store's
 * default language, inside the issuing transaction (the code exists only in this outbox row).
 */
export async function enqueueManualCardDelivery(
  tx: Tx,
  merchantId: MerchantId,
  store: { name: string; slug: string; defaultLocale: string; locales: string[]; timeZone: string },
  card: IssuedCard & { currency: string },
  recipient: { email: string; name: string | null },
): Promise<string> {
  const locale: Locale = isLocale(store.defaultLocale) ? store.defaultLocale : "en";
  const links = storeLinks(store, locale);
  const delivery = await enqueueEmail(
    {
      to: recipient.email,
      template: "gift-card-delivery",
      locale,
      merchantId,
      idempotencyKey: deliveryEmailKey(card.id),
      data: {
        kind: "recipient",
        storeName: store.name,
        recipientName: recipient.name,
        code: formatGiftCardCode(card.code),
        amountCents: card.balanceCents,
        currency: card.currency,
        expiresOn: lastValidDay(card.expiresAt, store.timeZone),
        message: null,
        storefrontUrl: links.storefrontUrl,
        balanceUrl: links.balanceUrl,
        certificateUrl: links.certificateUrl(card.code),
      },
    },
    tx,
  );
  await tx.giftCard.updateMany({ where: { id: card.id, merchantId }, data: { deliveryEmailId: delivery.id } });
  return delivery.id;
}
