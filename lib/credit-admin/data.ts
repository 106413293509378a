import "server-only";
import { containsPattern } from "@/lib/input";
import { db, Prisma } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";
import type { CreditAccountDetails, CreditAccountRow, CreditTotal } from "./types";

/**
 * Reads of the merchant's store-credit area. Every function takes the MerchantId a gate produced
 * and puts it in every WHERE; an account of another merchant is simply not found.
 */

/** The most accounts the list shows at once (the email filter finds the others). */
export const CREDIT_LIST_LIMIT = 100;
/** The most movements an account's page shows. */
export const CREDIT_LEDGER_LIMIT = 200;


/** The merchant's accounts, by customer email, those whose email contains `q` when given. */
export async function listCreditAccounts(merchantId: MerchantId, q: string): Promise<CreditAccountRow[]> {
  return db.$queryRaw<CreditAccountRow[]>`
    SELECT a.id, c.email, c.name, a.currency, a."balanceCents"
    FROM "StoreCreditAccount" a JOIN "Customer" c ON c.id = a."customerId" AND c."merchantId" = a."merchantId"
    WHERE a."merchantId" = ${merchantId} ${q ? Prisma.sql`AND c.email ILIKE ${containsPattern(q)}` : Prisma.empty}
    ORDER BY c.email, a.currency
    LIMIT ${CREDIT_LIST_LIMIT}`;
}

/** What the merchant owes its customers in store credit, per currency (every account, whatever the filter). */
export async function creditTotals(merchantId: MerchantId): Promise<CreditTotal[]> {
  const rows = await db.storeCreditAccount.groupBy({
    by: ["currency"],
    where: { merchantId },
    _sum: { balanceCents: true },
    _count: { _all: true },
    orderBy: { currency: "asc" },
  });
  return rows.map((r) => ({ currency: r.currency, balanceCents: r._sum.balanceCents ?? 0, accounts: r._count._all }));
}

/** One account of the merchant with its movements, newest first; null for any other id. */
export async function findCreditAccount(merchantId: MerchantId, accountId: string): Promise<CreditAccountDetails | null> {
  const account = await db.storeCreditAccount.findFirst({
    where: { id: accountId, merchantId },
    select: { id: true, currency: true, balanceCents: true, customer: { select: { email: true, name: true } } },
  });
  if (!account) return null;
  const rows = await db.storeCreditLedger.findMany({
    where: { accountId: account.id, merchantId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: CREDIT_LEDGER_LIMIT,
    select: { id: true, createdAt: true, kind: true, origin: true, amountCents: true, balanceAfterCents: true, storeId: true, orderId: true, actorUserId: true, reason: true, expiresAt: true },
  });
  const ids = (pick: (r: (typeof rows)[number]) => string | null) => [...new Set(rows.map(pick).filter((v): v is string => v !== null))];
  const [stores, orders, actors] = await Promise.all([
    db.store.findMany({ where: { merchantId, id: { in: ids((r) => r.storeId) } }, select: { id: true, name: true } }),
    db.order.findMany({ where: { merchantId, id: { in: ids((r) => r.orderId) } }, select: { id: true, number: true } }),
    // Only the emails of the merchant's own members: an actor is always one.
    db.membership.findMany({ where: { merchantId, userId: { in: ids((r) => r.actorUserId) } }, select: { userId: true, user: { select: { email: true } } } }),
  ]);
  const storeName = new Map(stores.map((s) => [s.id, s.name]));
  const orderNumber = new Map(orders.map((o) => [o.id, o.number]));
  const actorEmail = new Map(actors.map((m) => [m.userId, m.user.email]));
  return {
    id: account.id,
    email: account.customer.email,
    name: account.customer.name,
    currency: account.currency,
    balanceCents: account.balanceCents,
    ledger: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      kind: r.kind,
      origin: r.origin,
      amountCents: r.amountCents,
      balanceAfterCents: r.balanceAfterCents,
      storeName: r.storeId ? (storeName.get(r.storeId) ?? null) : null,
      orderNumber: r.orderId ? (orderNumber.get(r.orderId) ?? null) : null,
      actorEmail: r.actorUserId ? (actorEmail.get(r.actorUserId) ?? null) : null,
      reason: r.reason,
      expiresAt: r.expiresAt,
    })),
  };
}

/** The currencies the merchant's stores sell in: those goodwill credit may be given in. */
export async function listMerchantCurrencies(merchantId: MerchantId): Promise<string[]> {
  const stores = await db.store.findMany({ where: { merchantId }, select: { currency: true }, distinct: ["currency"], orderBy: { currency: "asc" } });
  return stores.map((s) => s.currency);
}
