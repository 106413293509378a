import "server-only";
import { db } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";
import { hashGiftCardCode } from "./code";
import type { CartGiftCard } from "./tender";
import type { CustomerGiftCard, GiftCardBalance, TerminalGiftCardView } from "./types";

/**
 * Reads of gift cards. A code finds its card only through its hash and only among the cards of
 * the merchant in the WHERE; every other read names the merchant too.
 */

/**
 * The card of `merchantId` a parsed compact code belongs to, with what decides whether it can pay
 * (redeemRefusal), or null: a code of another merchant is unknown here.
 */
export async function findCardByCode(merchantId: MerchantId, compactCode: string): Promise<CartGiftCard | null> {
  return db.giftCard.findFirst({
    where: { codeHash: hashGiftCardCode(compactCode), merchantId },
    select: { id: true, last4: true, currency: true, balanceCents: true, status: true, expiresAt: true, lockedCustomerId: true },
  });
}

/** What the balance page shows for a code of the merchant's cards; null for any other code. */
export async function findBalanceByCode(merchantId: MerchantId, compactCode: string): Promise<GiftCardBalance | null> {
  return db.giftCard.findFirst({
    where: { codeHash: hashGiftCardCode(compactCode), merchantId },
    select: { last4: true, currency: true, balanceCents: true, status: true, expiresAt: true },
  });
}

/**
 * A card of the merchant as the terminal shows it, with its last `limit` movements (newest
 * first), the store and the staff member of each (staff emails only of the merchant's members).
 */
export async function findTerminalCard(merchantId: MerchantId, cardId: string, limit = 10): Promise<TerminalGiftCardView | null> {
  const card = await db.giftCard.findFirst({
    where: { id: cardId, merchantId },
    select: {
      id: true,
      last4: true,
      currency: true,
      balanceCents: true,
      initialCents: true,
      status: true,
      expiresAt: true,
      merchant: { select: { stores: { select: { id: true, name: true } } } },
      ledger: {
        select: {
          id: true,
          kind: true,
          amountCents: true,
          balanceAfterCents: true,
          createdAt: true,
          storeId: true,
          actorUserId: true,
          orderId: true,
          reason: true,
          reversesId: true,
          reversal: { select: { id: true } },
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: limit,
      },
    },
  });
  if (!card) return null;
  const { merchant, ledger, ...rest } = card;
  const actorIds = [...new Set(ledger.map((r) => r.actorUserId).filter((id): id is string => !!id))];
  const staff = actorIds.length > 0 ? await db.user.findMany({ where: { id: { in: actorIds }, memberships: { some: { merchantId } } }, select: { id: true, email: true } }) : [];
  const storeName = new Map(merchant.stores.map((s) => [s.id, s.name]));
  const staffEmail = new Map(staff.map((s) => [s.id, s.email]));
  return {
    ...rest,
    ledger: ledger.map(({ storeId, actorUserId, reversal, ...row }) => ({
      ...row,
      storeName: storeId ? (storeName.get(storeId) ?? null) : null,
      staffEmail: actorUserId ? (staffEmail.get(actorUserId) ?? null) : null,
      reversed: !!reversal,
    })),
  };
}

/**
 * The cards a customer of the merchant bought (purchaserCustomerId) or received (sent to their
 * email, or locked to them), newest first. A card sent to them shows once its delivery day has
 * come: a gift scheduled for a birthday is not seen before it. At most `limit` cards.
 */
export async function listCustomerGiftCards(
  merchantId: MerchantId,
  customer: { customerId: string; email: string },
  now: Date = new Date(),
  limit = 100,
): Promise<CustomerGiftCard[]> {
  const email = customer.email.trim().toLowerCase();
  const delivered = { OR: [{ deliverAt: null }, { deliverAt: { lte: now } }] };
  const rows = await db.giftCard.findMany({
    where: {
      merchantId,
      OR: [{ purchaserCustomerId: customer.customerId }, { lockedCustomerId: customer.customerId }, { recipientEmail: email, ...delivered }],
    },
    select: {
      id: true,
      last4: true,
      currency: true,
      initialCents: true,
      balanceCents: true,
      status: true,
      expiresAt: true,
      purchaserCustomerId: true,
      recipientName: true,
      recipientEmail: true,
      deliverAt: true,
      createdAt: true,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map(({ purchaserCustomerId, ...row }) => ({ ...row, bought: purchaserCustomerId === customer.customerId }));
}
