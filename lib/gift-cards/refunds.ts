import "server-only";
import type { Tx } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";
import { debitCard } from "./ledger";

/**
 * The cards an order line issued that are still untouched (ACTIVE, nothing spent): the ones a
 * refund of that line may take back. A card that paid for something cannot be refunded as unused.
 */
export async function countUnusedOrderCards(tx: Tx, merchantId: MerchantId, orderLineId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "GiftCard"
    WHERE "merchantId" = ${merchantId} AND "orderLineId" = ${orderLineId} AND status = 'ACTIVE' AND "balanceCents" = "initialCents"`;
  return row?.n ?? 0;
}

/**
 * Takes back `quantity` cards of a refunded gift-card line: each loses what is left on it (an
 * ADJUST row for the refund, key "refund:<refund>:card:<card>") and is DISABLED, so the refunded
 * money cannot be spent as well. Untouched cards go first, the last issued first. Under each
 * card's row lock (the conditional debit); returns the cards taken back.
 */
export async function voidRefundedCards(
  tx: Tx,
  movement: { merchantId: MerchantId; transactionId: string; storeId: string; orderId: string; refundId: string; at: Date },
  orderLineId: string,
  quantity: number,
): Promise<number> {
  const cards = await tx.$queryRaw<{ id: string; balanceCents: number }[]>`
    SELECT id, "balanceCents" FROM "GiftCard"
    WHERE "merchantId" = ${movement.merchantId} AND "orderLineId" = ${orderLineId} AND status IN ('ACTIVE', 'USED_UP')
    ORDER BY ("balanceCents" = "initialCents") DESC, "unitIndex" DESC
    LIMIT ${quantity}
    FOR NO KEY UPDATE`;
  for (const card of cards) {
    if (card.balanceCents > 0) {
      const debited = await debitCard(
        tx,
        { ...movement, reason: "refunded", idempotencyKey: `refund:${movement.refundId}:card:${card.id}` },
        card.id,
        "ADJUST",
        card.balanceCents,
      );
      if (!debited.ok) throw new Error(`Taking back refunded gift card ${card.id} failed: ${debited.reason}`);
    }
    await tx.giftCard.updateMany({ where: { id: card.id, merchantId: movement.merchantId }, data: { status: "DISABLED", updatedAt: movement.at } });
  }
  return cards.length;
}
