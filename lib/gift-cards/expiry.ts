import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";
import { debitCard } from "./ledger";

export interface ExpirySummary {
  /** Cards whose remaining balance was written off with an EXPIRE row. */
  expired: number;
  /** Cards past their date with nothing left: marked EXPIRED, no ledger row. */
  closed: number;
}

const NOT_EXPIRED = ["ACTIVE", "USED_UP", "DISABLED"] as const;

/**
 * The daily expiry sweep (platform-wide, for the gift-card-expiry job): every card whose
 * `expiresAt` is at or before `now` and that is not EXPIRED yet. A card still holding money gets
 * an EXPIRE row for its whole balance (balance 0, status EXPIRED); one holding nothing becomes
 * EXPIRED without a row. Cards are read in batches and each is settled in a transaction of its
 * own under its row lock, with its merchant in the WHERE, re-checked there: a second run, or one
 * overlapping this one, changes nothing twice. A card expiring a millisecond after `now` is left
 * for the next run.
 */
export async function expireDueCards(options: { now?: Date; batchSize?: number; maxBatches?: number } = {}): Promise<ExpirySummary> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 200;
  const summary: ExpirySummary = { expired: 0, closed: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 1000); batch++) {
    const due = await db.giftCard.findMany({
      where: { status: { in: [...NOT_EXPIRED] }, expiresAt: { lte: now } },
      select: { id: true, merchantId: true },
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      take: batchSize,
    });
    for (const card of due) {
      const outcome = await expireCard(card.merchantId as MerchantId, card.id, now);
      if (outcome) summary[outcome]++;
    }
    if (due.length < batchSize) break;
  }
  return summary;
}

async function expireCard(merchantId: MerchantId, cardId: string, now: Date): Promise<keyof ExpirySummary | null> {
  return db.$transaction(async (tx) => {
    const [card] = await tx.$queryRaw<Array<{ balanceCents: number }>>`
      SELECT "balanceCents" FROM "GiftCard"
      WHERE id = ${cardId} AND "merchantId" = ${merchantId} AND status <> 'EXPIRED' AND "expiresAt" <= ${now}
      FOR UPDATE`;
    if (!card) return null;
    if (card.balanceCents > 0) {
      const debit = await debitCard(tx, { merchantId, transactionId: randomUUID(), reason: "expired", at: now }, cardId, "EXPIRE", card.balanceCents);
      if (!debit.ok) throw new Error(`Expiring gift card ${cardId} failed: ${debit.reason}`);
      return "expired";
    }
    await tx.giftCard.updateMany({ where: { id: cardId, merchantId, status: { not: "EXPIRED" } }, data: { status: "EXPIRED", updatedAt: now } });
    return "closed";
  });
}
