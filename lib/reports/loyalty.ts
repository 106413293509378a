import "server-only";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { addDays } from "@/lib/time";
import type { Period } from "./period";

/**
 * The loyalty program's figures in reports, in SQL like the sales figures (lib/reports/data.ts),
 * for the same merchant, store scope, period and time zone. Null when the merchant has no program.
 *   - members: cards that exist at the end of the period; newMembers: cards created in it (a card
 *     belongs to the store where the customer joined);
 *   - pointsIssued: earnings and bonuses recorded in the period at the stores in scope, less the
 *     reversals of such movements recorded in the period; pointsRedeemed likewise for redemptions.
 */
export interface LoyaltyFigures {
  members: number;
  newMembers: number;
  pointsIssued: number;
  pointsRedeemed: number;
}

/** What the loyalty figures are computed for: the same scope as the sales report. */
export interface LoyaltyScope {
  merchantId: MerchantId;
  /** Null means every store of the merchant. */
  storeIds: StoreId[] | null;
  period: Period;
  timeZone: string;
}

export async function loyaltyFigures({ merchantId, storeIds, period, timeZone }: LoyaltyScope): Promise<LoyaltyFigures | null> {
  const program = await db.loyaltyProgram.findUnique({ where: { merchantId }, select: { id: true } });
  if (!program) return null;
  const from = period.from;
  const until = addDays(period.to, 1);
  const [cards, ledger] = await Promise.all([
    db.$queryRaw<Array<{ members: number; newMembers: number }>>`
      SELECT count(*) FILTER (WHERE c."createdAt" < (${until}::date)::timestamp AT TIME ZONE ${timeZone})::int AS members,
             count(*) FILTER (WHERE c."createdAt" >= (${from}::date)::timestamp AT TIME ZONE ${timeZone}
                                AND c."createdAt" < (${until}::date)::timestamp AT TIME ZONE ${timeZone})::int AS "newMembers"
      FROM "LoyaltyCard" c
      WHERE c."merchantId" = ${merchantId} AND (${storeIds}::text[] IS NULL OR c."storeId" = ANY(${storeIds}::text[]))`,
    db.$queryRaw<Array<{ issued: number; redeemed: number }>>`
      SELECT coalesce(sum(l.amount) FILTER (WHERE l.kind IN ('EARN', 'BONUS') OR r.kind IN ('EARN', 'BONUS')), 0)::int AS issued,
             coalesce(-sum(l.amount) FILTER (WHERE l.kind = 'REDEEM' OR r.kind = 'REDEEM'), 0)::int AS redeemed
      FROM "LoyaltyLedger" l
      LEFT JOIN "LoyaltyLedger" r ON r.id = l."reversesId" AND r."merchantId" = l."merchantId"
      WHERE l."merchantId" = ${merchantId}
        AND (${storeIds}::text[] IS NULL OR l."storeId" = ANY(${storeIds}::text[]))
        AND l."createdAt" >= (${from}::date)::timestamp AT TIME ZONE ${timeZone}
        AND l."createdAt" < (${until}::date)::timestamp AT TIME ZONE ${timeZone}`,
  ]);
  return { members: cards[0]!.members, newMembers: cards[0]!.newMembers, pointsIssued: ledger[0]!.issued, pointsRedeemed: ledger[0]!.redeemed };
}
