import "server-only";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { hashGiftCardCode } from "./code";
import { deliveryStatus, type OrderCardDelivery } from "./delivery-status";

/** What the certificate of the merchant's card with `code` (compact) prints; null when it is not theirs. */
export async function findCertificateCard(merchantId: MerchantId, code: string) {
  const card = await db.giftCard.findFirst({
    where: { merchantId, codeHash: hashGiftCardCode(code) },
    select: { id: true, storeId: true, currency: true, initialCents: true, recipientName: true, message: true, expiresAt: true, deliveryLocale: true },
  });
  if (!card) return null;
  const store = card.storeId ? await db.store.findFirst({ where: { id: card.storeId, merchantId }, select: { name: true, timeZone: true } }) : null;
  return { ...card, storeName: store?.name ?? null, storeTimeZone: store?.timeZone ?? null };
}

/**
 * The cards an order issued (purchased, then their bonus cards) and where their delivery emails
 * stand, for the buyer and the merchant. `storeId` narrows to the store's orders.
 */
export async function findOrderCardDeliveries(merchantId: MerchantId, orderId: string, now: Date = new Date(), storeId?: StoreId): Promise<OrderCardDelivery[]> {
  return findCardDeliveries(merchantId, [orderId], now, storeId);
}

const CARD_SELECT = {
  id: true,
  orderId: true,
  source: true,
  last4: true,
  initialCents: true,
  currency: true,
  recipientName: true,
  recipientEmail: true,
  deliverAt: true,
  deliveryEmailId: true,
  bonusForId: true,
  orderLineId: true,
  unitIndex: true,
} as const;

/**
 * The same for several orders (a customer's list), each card with its order. The cards are
 * found through the orders' gift-card lines (one card per line and unit) and the purchased
 * cards' bonuses, both by unique indexes.
 */
export async function findCardDeliveries(merchantId: MerchantId, orderIds: string[], now: Date = new Date(), storeId?: StoreId): Promise<OrderCardDelivery[]> {
  if (orderIds.length === 0) return [];
  const lines = await db.orderLine.findMany({
    where: { orderId: { in: orderIds }, kind: "GIFT_CARD", order: { merchantId, ...(storeId ? { storeId } : {}) } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  if (lines.length === 0) return [];
  const lineOrder = new Map(lines.map((l, index) => [l.id, index]));
  const purchased = await db.giftCard.findMany({ where: { merchantId, orderLineId: { in: lines.map((l) => l.id) } }, select: CARD_SELECT });
  purchased.sort((a, b) => lineOrder.get(a.orderLineId!)! - lineOrder.get(b.orderLineId!)! || (a.unitIndex ?? 0) - (b.unitIndex ?? 0));
  const bonuses = purchased.length
    ? await db.giftCard.findMany({ where: { merchantId, bonusForId: { in: purchased.map((c) => c.id) } }, select: CARD_SELECT })
    : [];
  const bonusOf = new Map(bonuses.map((b) => [b.bonusForId!, b]));
  // Each purchased card, followed by its bonus card.
  const cards = purchased.flatMap((card) => {
    const bonus = bonusOf.get(card.id);
    return bonus ? [card, bonus] : [card];
  });
  const emailIds = cards.flatMap((c) => (c.deliveryEmailId ? [c.deliveryEmailId] : []));
  const emails = emailIds.length
    ? await db.emailMessage.findMany({ where: { merchantId, id: { in: emailIds } }, select: { id: true, status: true, sendAfter: true, sentAt: true } })
    : [];
  const byId = new Map(emails.map((e) => [e.id, e]));
  return cards.map((card) => {
    const email = card.deliveryEmailId ? (byId.get(card.deliveryEmailId) ?? null) : null;
    return {
      cardId: card.id,
      orderId: card.orderId!,
      source: card.source === "BONUS" ? "BONUS" : "PURCHASE",
      last4: card.last4,
      amountCents: card.initialCents,
      currency: card.currency,
      recipientName: card.recipientName,
      recipientEmail: card.recipientEmail,
      deliverAt: email?.sendAfter ?? card.deliverAt,
      sentAt: email?.sentAt ?? null,
      status: deliveryStatus(email, now),
      recipientChangeable: email !== null && deliveryStatus(email, now) === "scheduled",
    };
  });
}
