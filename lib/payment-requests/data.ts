import "server-only";
import { containsPattern } from "@/lib/input";
import { utcDateToDayKey } from "@/lib/time";
import { db, Prisma, type Tx } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { OUTSTANDING, type PaymentRequestStatus } from "./lifecycle";
import type { RequestListQuery } from "./schema";
import { totalsByCurrency, type CurrencyTotal, type OwedItem } from "./statement";

/**
 * Reads of payment requests. Every function takes the tenant id a gate produced (or, for the
 * worker, the merchant of the row it is working on) and puts it in every WHERE.
 */

/**
 * Whose requests a member sees: the merchant's, in the stores the member works in (null: every
 * store), as requireMembership gave them.
 */
export interface RequestScope {
  merchantId: MerchantId;
  storeIds: readonly StoreId[] | null;
}

function inScope(scope: RequestScope, column: Prisma.Sql = Prisma.sql`r."storeId"`): Prisma.Sql {
  return scope.storeIds === null ? Prisma.empty : Prisma.sql`AND ${column} = ANY(${[...scope.storeIds]}::text[])`;
}

const storeWhere = (scope: RequestScope) => (scope.storeIds === null ? {} : { storeId: { in: [...scope.storeIds] } });

/** The most requests the merchant's list shows at once (the filters find the others). */
export const REQUEST_LIST_LIMIT = 100;

type Client = Tx | typeof db;


/** An item someone owes, with what links and emails need of its store. */
export interface OwedItemRow extends OwedItem {
  payerName: string;
  payerEmail: string | null;
  storeName: string;
  storeSlug: string;
  storeDefaultLocale: string;
  storeLocales: string[];
}

/**
 * What a payer still owes one merchant: the outstanding requests of the payer (by id), or of
 * every payer with an email (the storefront's "what I owe"). With `maxReminders`, only the items
 * that may still be reminded (fewer reminders than that so far). The one query behind the
 * grouped reminder, its test send and the payer's account page.
 */
export async function outstandingItems(
  client: Client,
  merchantId: MerchantId,
  payer: { payerId: string } | { email: string },
  options: { maxReminders?: number } = {},
): Promise<OwedItemRow[]> {
  const rows = await client.$queryRaw<
    Array<
      Omit<OwedItemRow, "dueOn" | "overdue" | "lineCount"> & {
        dueOn: string | null;
        status: PaymentRequestStatus;
        lineCount: bigint;
      }
    >
  >`
    SELECT r.id AS "requestId", r."payerId", r."storeId", r.reference, r.currency, r."totalCents", r."dueOn"::text AS "dueOn", r.status, r."createdAt",
           p.name AS "payerName", p.email AS "payerEmail", s.name AS "storeName", s.slug AS "storeSlug", s."defaultLocale" AS "storeDefaultLocale", s.locales AS "storeLocales",
           (SELECT l.title FROM "PaymentRequestLine" l WHERE l."requestId" = r.id ORDER BY l.position LIMIT 1) AS title,
           (SELECT count(*) FROM "PaymentRequestLine" l WHERE l."requestId" = r.id) AS "lineCount"
    FROM "PaymentRequest" r
    JOIN "Payer" p ON p.id = r."payerId" AND p."merchantId" = r."merchantId"
    JOIN "Store" s ON s.id = r."storeId" AND s."merchantId" = r."merchantId"
    WHERE r."merchantId" = ${merchantId}
      AND r.status IN ('OPEN', 'OVERDUE')
      ${"payerId" in payer ? Prisma.sql`AND r."payerId" = ${payer.payerId}` : Prisma.sql`AND p.email = ${payer.email}`}
      ${options.maxReminders !== undefined ? Prisma.sql`AND r."reminderCount" < ${options.maxReminders}` : Prisma.empty}
    ORDER BY r."dueOn" ASC NULLS LAST, r."createdAt", r.id`;
  return rows.map(({ status, lineCount, ...row }) => ({
    ...row,
    // The app writes every request with lines; a row without any still reads (and reminds) by its reference.
    title: row.title || row.reference,
    lineCount: Number(lineCount),
    overdue: status === "OVERDUE",
  }));
}

export interface RequestRow {
  id: string;
  reference: string;
  status: PaymentRequestStatus;
  currency: string;
  totalCents: number;
  dueOn: string | null;
  createdAt: Date;
  paidAt: Date | null;
  storeId: string;
  storeName: string;
  payerId: string;
  payerName: string;
  payerEmail: string | null;
  reminderCount: number;
}

/** The merchant's requests, newest first, narrowed by status ("OUTSTANDING": open or overdue), store and text. */
export async function listRequests(scope: RequestScope, query: RequestListQuery): Promise<RequestRow[]> {
  const statuses = query.status === "OUTSTANDING" ? [...OUTSTANDING] : query.status ? [query.status] : null;
  return db.$queryRaw<RequestRow[]>`
    SELECT r.id, r.reference, r.status, r.currency, r."totalCents", r."dueOn"::text AS "dueOn", r."createdAt", r."paidAt", r."reminderCount",
           r."storeId", s.name AS "storeName", r."payerId", p.name AS "payerName", p.email AS "payerEmail"
    FROM "PaymentRequest" r
    JOIN "Payer" p ON p.id = r."payerId" AND p."merchantId" = r."merchantId"
    JOIN "Store" s ON s.id = r."storeId" AND s."merchantId" = r."merchantId"
    WHERE r."merchantId" = ${scope.merchantId} ${inScope(scope)}
      ${statuses ? Prisma.sql`AND r.status::text IN (${Prisma.join(statuses)})` : Prisma.empty}
      ${query.storeId ? Prisma.sql`AND r."storeId" = ${query.storeId}` : Prisma.empty}
      ${query.q ? Prisma.sql`AND (p.name ILIKE ${containsPattern(query.q)} OR p.email ILIKE ${containsPattern(query.q)} OR r.reference ILIKE ${containsPattern(query.q)})` : Prisma.empty}
    ORDER BY r."createdAt" DESC, r.id DESC
    LIMIT ${REQUEST_LIST_LIMIT}`;
}

/** What the merchant's payers owe, per currency (every outstanding request, whatever the filters), with how many requests. */
export async function outstandingTotals(scope: RequestScope): Promise<Array<CurrencyTotal & { requests: number }>> {
  const rows = await db.paymentRequest.groupBy({
    by: ["currency"],
    where: {
      merchantId: scope.merchantId,
      ...storeWhere(scope),
      status: { in: [...OUTSTANDING] },
    },
    _sum: { totalCents: true },
    _count: { _all: true },
    orderBy: { currency: "asc" },
  });
  return rows.map((r) => ({
    currency: r.currency,
    totalCents: r._sum.totalCents ?? 0,
    requests: r._count._all,
  }));
}

/** Payers without an email who owe something: reminders cannot reach them, the merchant reminds them. */
export async function payersToRemindInPerson(scope: RequestScope): Promise<
  Array<{
    payerId: string;
    name: string;
    requests: number;
    totals: CurrencyTotal[];
  }>
> {
  const rows = await db.paymentRequest.findMany({
    where: {
      merchantId: scope.merchantId,
      ...storeWhere(scope),
      status: { in: [...OUTSTANDING] },
      payer: { email: null },
    },
    select: {
      payerId: true,
      currency: true,
      totalCents: true,
      payer: { select: { name: true } },
    },
    orderBy: [{ payer: { name: "asc" } }, { createdAt: "asc" }],
  });
  const byPayer = new Map<
    string,
    {
      payerId: string;
      name: string;
      items: Array<{ currency: string; totalCents: number }>;
    }
  >();
  for (const row of rows) {
    const entry = byPayer.get(row.payerId) ?? {
      payerId: row.payerId,
      name: row.payer.name,
      items: [],
    };
    entry.items.push(row);
    byPayer.set(row.payerId, entry);
  }
  return [...byPayer.values()].map(({ items, ...payer }) => ({
    ...payer,
    requests: items.length,
    totals: totalsByCurrency(items),
  }));
}

/** One request of the merchant (in the member's stores) with its lines, history and the orders that tried to pay it; null for any other id. */
export async function findRequest(scope: RequestScope, requestId: string) {
  const merchantId = scope.merchantId;
  const request = await db.paymentRequest.findFirst({
    where: { id: requestId, merchantId, ...storeWhere(scope) },
    select: {
      id: true,
      reference: true,
      status: true,
      currency: true,
      totalCents: true,
      dueOn: true,
      note: true,
      reminderCount: true,
      paidAt: true,
      cancelledAt: true,
      createdAt: true,
      sourceOrderId: true,
      store: {
        select: { id: true, name: true, slug: true, defaultLocale: true, timeZone: true },
      },
      payer: {
        select: {
          id: true,
          name: true,
          email: true,
          locale: true,
          remindersStoppedAt: true,
          lastRemindedAt: true,
        },
      },
      customer: { select: { email: true, name: true } },
      sourceOrder: { select: { id: true, number: true } },
      lines: {
        select: {
          id: true,
          title: true,
          productId: true,
          unitPriceCents: true,
          quantity: true,
          totalCents: true,
        },
        orderBy: { position: "asc" },
      },
      events: {
        select: {
          id: true,
          kind: true,
          actorUserId: true,
          orderId: true,
          emailId: true,
          note: true,
          createdAt: true,
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
      orders: {
        select: { id: true, number: true, status: true, createdAt: true },
        orderBy: { createdAt: "desc" },
        where: { merchantId },
      },
    },
  });
  if (!request) return null;
  const actorIds = [...new Set(request.events.map((e) => e.actorUserId).filter((id): id is string => id !== null))];
  // Only the emails of the merchant's own members: an actor is always one.
  const actors = actorIds.length
    ? await db.membership.findMany({
        where: { merchantId, userId: { in: actorIds } },
        select: { userId: true, user: { select: { email: true } } },
      })
    : [];
  const actorEmail = new Map(actors.map((a) => [a.userId, a.user.email]));
  return {
    ...request,
    dueOn: request.dueOn ? utcDateToDayKey(request.dueOn) : null,
    events: request.events.map((e) => ({
      ...e,
      actorEmail: e.actorUserId ? (actorEmail.get(e.actorUserId) ?? null) : null,
    })),
  };
}
export type RequestDetails = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

/** A request as its payer sees it on the store's pay page; null when it is not this store's. */
export async function findPayableRequest(merchantId: MerchantId, storeId: StoreId, requestId: string) {
  const request = await db.paymentRequest.findFirst({
    where: { id: requestId, merchantId, storeId },
    select: {
      id: true,
      reference: true,
      status: true,
      currency: true,
      totalCents: true,
      dueOn: true,
      note: true,
      paidAt: true,
      payer: { select: { name: true, email: true } },
      lines: {
        select: {
          id: true,
          title: true,
          unitPriceCents: true,
          quantity: true,
          totalCents: true,
        },
        orderBy: { position: "asc" },
      },
    },
  });
  if (!request) return null;
  return {
    ...request,
    dueOn: request.dueOn ? utcDateToDayKey(request.dueOn) : null,
  };
}
export type PayableRequest = NonNullable<Awaited<ReturnType<typeof findPayableRequest>>>;

/** The merchant's reminder schedule. */
export async function findReminderSettings(merchantId: MerchantId): Promise<{ days: number | null; max: number }> {
  const merchant = await db.merchant.findUniqueOrThrow({
    where: { id: merchantId },
    select: { paymentReminderDays: true, paymentReminderMax: true },
  });
  return {
    days: merchant.paymentReminderDays,
    max: merchant.paymentReminderMax,
  };
}

/** A payer of the merchant (the unsubscribe page); null for any other id. */
export async function findPayer(merchantId: MerchantId, payerId: string) {
  return db.payer.findFirst({
    where: { id: payerId, merchantId },
    select: { id: true, name: true, email: true, remindersStoppedAt: true },
  });
}

/** What the customer with this email owes the merchant (the storefront's "what I owe"). */
export async function owedByEmail(merchantId: MerchantId, email: string): Promise<OwedItemRow[]> {
  return outstandingItems(db, merchantId, { email });
}

/** The stores of the scope, with what the new-request form needs of each. */
export async function listScopeStores(scope: RequestScope) {
  return db.store.findMany({
    where: { merchantId: scope.merchantId, ...(scope.storeIds ? { id: { in: [...scope.storeIds] } } : {}) },
    select: { id: true, name: true, currency: true, defaultLocale: true, locales: true },
    orderBy: { name: "asc" },
  });
}

/** Products a request can bill (not archived, no gift cards: checkout sells those), oldest first. */
export async function listBillableProducts(merchantId: MerchantId, storeIds: readonly string[]) {
  return db.product.findMany({
    where: { merchantId, storeId: { in: [...storeIds] }, kind: { not: "GIFT_CARD" }, archivedAt: null },
    select: { id: true, storeId: true, priceCents: true, translations: { select: { locale: true, title: true } } },
    orderBy: { createdAt: "asc" },
  });
}
