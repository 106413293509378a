import "server-only";
import { randomUUID } from "node:crypto";
import { creditCard, debitCard } from "@/lib/gift-cards/ledger";
import type { OrderHold } from "./types";

export interface GiftCardClaim {
  /** The store the order is placed in (recorded on the ledger rows). */
  storeId: string;
  /** What each card pays of the order, as pricing decided (cards paying 0 are left out). */
  cards: ReadonlyArray<{ cardId: string; last4: string; amountCents: number }>;
}

/**
 * Gift-card balance: one REDEEM row per card of the order, taken by the conditional debit that
 * locks the card (lib/gift-cards/ledger.ts), so a card used in two checkouts at once pays for one
 * of them only. A failed, expired or never-started payment gives each card back what it paid
 * (RELEASE); a refund gives each card its share (REFUND). The ledger's unique keys
 * ("order:<order>:redeem:<card>", "order:<order>:release:<card>", "refund:<refund>:<card>") make
 * each of these happen at most once.
 */
export const giftCardHold: OrderHold<GiftCardClaim> = {
  kind: "GIFT_CARDS",

  async take(tx, ctx, claim) {
    const cards = claim.cards.filter((c) => c.amountCents > 0).sort((a, b) => (a.cardId < b.cardId ? -1 : 1));
    for (const card of cards) {
      const movement = {
        merchantId: ctx.merchantId,
        transactionId: ctx.transactionId,
        storeId: claim.storeId,
        orderId: ctx.orderId,
        idempotencyKey: `order:${ctx.orderId}:redeem:${card.cardId}`,
        at: ctx.now,
      };
      const debited = await debitCard(tx, movement, card.cardId, "REDEEM", card.amountCents);
      // Spent, disabled or expired since the cart was read: the buyer sees the new balance.
      if (!debited.ok) return { error: "giftCardChanged", params: { last4: card.last4 } };
    }
    return null;
  },

  async release(tx, ctx) {
    const redemptions = await tx.giftCardLedger.findMany({
      where: { merchantId: ctx.merchantId, orderId: ctx.orderId, kind: "REDEEM" },
      select: { cardId: true, amountCents: true, storeId: true },
      orderBy: { cardId: "asc" },
    });
    const released = await tx.giftCardLedger.findMany({
      where: { merchantId: ctx.merchantId, orderId: ctx.orderId, kind: "RELEASE" },
      select: { cardId: true },
    });
    const done = new Set(released.map((row) => row.cardId));
    // The rows this release writes share one id of their own (the status change's transaction).
    const transactionId = randomUUID();
    for (const redemption of redemptions) {
      if (done.has(redemption.cardId)) continue;
      const movement = {
        merchantId: ctx.merchantId,
        transactionId,
        storeId: redemption.storeId,
        orderId: ctx.orderId,
        idempotencyKey: `order:${ctx.orderId}:release:${redemption.cardId}`,
        at: ctx.at,
      };
      await creditCard(tx, movement, redemption.cardId, "RELEASE", -redemption.amountCents);
    }
  },

  async refund(tx, ctx) {
    const shares = ctx.shares
      .filter((share) => share.kind === "GIFT_CARD" && share.tender?.giftCardId)
      .sort((a, b) => (a.tender!.giftCardId! < b.tender!.giftCardId! ? -1 : 1));
    for (const share of shares) {
      const cardId = share.tender!.giftCardId!;
      const movement = {
        merchantId: ctx.merchantId,
        transactionId: ctx.transactionId,
        storeId: ctx.storeId,
        orderId: ctx.orderId,
        refundId: ctx.refundId,
        idempotencyKey: `refund:${ctx.refundId}:${cardId}`,
        at: ctx.at,
      };
      await creditCard(tx, movement, cardId, "REFUND", share.amountCents);
    }
  },
};
