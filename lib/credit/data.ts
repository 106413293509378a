import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";
import type { CreditBalance, CustomerCreditRow } from "./types";

/**
 * What the store-credit account aliased `a` can spend at `now`: its balance without the lots past
 * their expiry that the next lock or the daily sweep will write off. An SQL expression (int).
 */
export function availableCreditSql(now: Date): Prisma.Sql {
  return Prisma.sql`(a."balanceCents" - coalesce((
        SELECT sum(l."remainingCents") FROM "StoreCreditLot" l
        WHERE l."accountId" = a.id AND l."merchantId" = a."merchantId" AND l."remainingCents" > 0 AND l."expiresAt" <= ${now}), 0))::int`;
}

export interface AvailableCredit {
  accountId: string;
  /** The balance without the lots already past their expiry (written off at the next lock or sweep). */
  availableCents: number;
}

/**
 * What a customer can spend of their store credit at the merchant in `currency` at `now`; null
 * without an account. A read, not a hold: the checkout's debit re-checks it under the account's lock.
 */
export async function findAvailableCredit(
  merchantId: MerchantId | string,
  customerId: string,
  currency: string,
  now: Date,
  tx?: Tx,
): Promise<AvailableCredit | null> {
  const [row] = await (tx ?? db).$queryRaw<AvailableCredit[]>`
    SELECT a.id AS "accountId",
      ${availableCreditSql(now)} AS "availableCents"
    FROM "StoreCreditAccount" a
    WHERE a."merchantId" = ${merchantId} AND a."customerId" = ${customerId} AND a.currency = ${currency}`;
  return row ?? null;
}

/** Whether the merchant lets customers move a gift card's balance into their store credit. */
export async function findGiftCardsToCredit(merchantId: MerchantId): Promise<boolean> {
  const merchant = await db.merchant.findUnique({ where: { id: merchantId }, select: { giftCardsToCredit: true } });
  return merchant?.giftCardsToCredit ?? false;
}

/**
 * The customer's store credit at the merchant, one entry per currency: what can be spent at `now`
 * and the money that expires next (the lots expiring soonest after `now`, summed).
 */
export async function listCustomerBalances(merchantId: MerchantId, customerId: string, now: Date): Promise<CreditBalance[]> {
  const rows = await db.$queryRaw<Array<{ accountId: string; currency: string; availableCents: number; nextExpiresAt: Date | null; nextExpiryCents: number | null }>>`
    SELECT a.id AS "accountId", a.currency,
      ${availableCreditSql(now)} AS "availableCents",
      n."expiresAt" AS "nextExpiresAt", n.cents AS "nextExpiryCents"
    FROM "StoreCreditAccount" a
    LEFT JOIN LATERAL (
      SELECT l."expiresAt", sum(l."remainingCents")::int AS cents FROM "StoreCreditLot" l
      WHERE l."accountId" = a.id AND l."merchantId" = a."merchantId" AND l."remainingCents" > 0 AND l."expiresAt" > ${now}
      GROUP BY l."expiresAt" ORDER BY l."expiresAt" LIMIT 1
    ) n ON true
    WHERE a."merchantId" = ${merchantId} AND a."customerId" = ${customerId}
    ORDER BY a.currency`;
  return rows.map((r) => ({
    accountId: r.accountId,
    currency: r.currency,
    availableCents: r.availableCents,
    nextExpiry: r.nextExpiresAt && r.nextExpiryCents ? { amountCents: r.nextExpiryCents, expiresAt: r.nextExpiresAt } : null,
  }));
}

/** The customer's last `limit` store-credit movements at the merchant, newest first, with the order's number. */
export async function listCustomerCreditHistory(merchantId: MerchantId, customerId: string, limit = 100): Promise<CustomerCreditRow[]> {
  const rows = await db.storeCreditLedger.findMany({
    where: { merchantId, account: { merchantId, customerId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, createdAt: true, kind: true, origin: true, amountCents: true, balanceAfterCents: true, orderId: true, expiresAt: true, account: { select: { currency: true } } },
  });
  const orderIds = [...new Set(rows.map((r) => r.orderId).filter((id): id is string => id !== null))];
  const orders = orderIds.length ? await db.order.findMany({ where: { merchantId, id: { in: orderIds } }, select: { id: true, number: true } }) : [];
  const numbers = new Map(orders.map((o) => [o.id, o.number]));
  return rows.map(({ account, orderId, ...row }) => ({ ...row, currency: account.currency, orderNumber: orderId ? (numbers.get(orderId) ?? null) : null }));
}
