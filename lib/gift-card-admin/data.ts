import "server-only";
import { containsPattern } from "@/lib/input";
import { db, Prisma } from "@/lib/db";
import { visibleStatus, type GiftCardStatus } from "@/lib/gift-cards/rules";
import type { Period } from "@/lib/reports/period";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { addDays, startOfDayKey } from "@/lib/time";
import { GIFT_CARD_PAGE_SIZE, last4Of, type ListQuery } from "./rules";
import type { GiftCardCurrencyReport, GiftCardDetails, GiftCardPage, GiftCardRow, GiftCardSettings, GiftCardSource, IssuingStore, LedgerRow } from "./types";

/**
 * Reads of the merchant's gift-card area. Every function takes the MerchantId a gate produced
 * and puts it in every WHERE; a card of another merchant is simply not found.
 */


/** The visible status `status` as SQL on the card alias g (an ACTIVE card past its date is EXPIRED). */
function statusSql(status: GiftCardStatus, now: Date): Prisma.Sql {
  switch (status) {
    case "ACTIVE":
      return Prisma.sql`g.status = 'ACTIVE' AND (g."expiresAt" IS NULL OR g."expiresAt" > ${now})`;
    case "EXPIRED":
      return Prisma.sql`(g.status = 'EXPIRED' OR (g.status = 'ACTIVE' AND g."expiresAt" <= ${now}))`;
    default:
      return Prisma.sql`g.status = ${status}::"GiftCardStatus"`;
  }
}

/**
 * The search: the card's last four characters, the buyer's email (the purchasing customer's or
 * the order's), the recipient's name or email; case-insensitive, parts of names and emails match.
 */
function searchSql(q: string): Prisma.Sql {
  const like = containsPattern(q);
  const last4 = last4Of(q);
  return Prisma.sql`(
    ${last4 ? Prisma.sql`g.last4 = ${last4} OR` : Prisma.empty}
    g."recipientEmail" ILIKE ${like} OR g."recipientName" ILIKE ${like} OR c.email ILIKE ${like} OR o.email ILIKE ${like}
  )`;
}

interface RawRow {
  id: string;
  last4: string;
  source: GiftCardSource;
  currency: string;
  initialCents: number;
  balanceCents: number;
  status: GiftCardStatus;
  expiresAt: Date | null;
  recipientName: string | null;
  recipientEmail: string | null;
  createdAt: Date;
}

/** The merchant's cards, newest first, one page of the search and status filter. */
export async function listGiftCards(merchantId: MerchantId, query: ListQuery, now: Date = new Date()): Promise<GiftCardPage> {
  const conditions = [Prisma.sql`g."merchantId" = ${merchantId}`];
  if (query.status) conditions.push(statusSql(query.status, now));
  if (query.q) conditions.push(searchSql(query.q));
  const where = Prisma.join(conditions, " AND ");
  const from = Prisma.sql`"GiftCard" g
    LEFT JOIN "Customer" c ON c.id = g."purchaserCustomerId" AND c."merchantId" = g."merchantId"
    LEFT JOIN "Order" o ON o.id = g."orderId" AND o."merchantId" = g."merchantId"`;
  const [{ total }] = (await db.$queryRaw<{ total: number }[]>`SELECT COUNT(*)::int AS total FROM ${from} WHERE ${where}`) as [{ total: number }];
  const pageCount = Math.max(1, Math.ceil(total / GIFT_CARD_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT g.id, g.last4, g.source, g.currency, g."initialCents", g."balanceCents", g.status, g."expiresAt",
      g."recipientName", g."recipientEmail", g."createdAt"
    FROM ${from} WHERE ${where}
    ORDER BY g."createdAt" DESC, g.id DESC
    LIMIT ${GIFT_CARD_PAGE_SIZE} OFFSET ${(page - 1) * GIFT_CARD_PAGE_SIZE}`;
  return { rows: rows.map((r) => toRow(r, now)), total, page, pageCount };
}

function toRow(r: RawRow, now: Date): GiftCardRow {
  return { ...r, status: visibleStatus(r, now) };
}

/** True when the merchant has issued at least one card (the list's empty state says which it is). */
export async function hasGiftCards(merchantId: MerchantId): Promise<boolean> {
  return (await db.giftCard.count({ where: { merchantId }, take: 1 })) > 0;
}

/** One card of the merchant with its details and its whole ledger (oldest first), or null. */
export async function findGiftCard(merchantId: MerchantId, cardId: string, now: Date = new Date()): Promise<GiftCardDetails | null> {
  const card = await db.giftCard.findFirst({
    where: { id: cardId, merchantId },
    select: {
      id: true,
      last4: true,
      source: true,
      currency: true,
      initialCents: true,
      balanceCents: true,
      status: true,
      expiresAt: true,
      recipientName: true,
      recipientEmail: true,
      createdAt: true,
      message: true,
      deliverAt: true,
      storeId: true,
      orderId: true,
      purchaserCustomerId: true,
      lockedCustomerId: true,
      issuedByUserId: true,
      note: true,
      bonusFor: { select: { id: true, last4: true } },
      bonus: { select: { id: true, last4: true } },
    },
  });
  if (!card) return null;
  const ledger = await db.giftCardLedger.findMany({
    where: { merchantId, cardId: card.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, amountCents: true, balanceAfterCents: true, actorUserId: true, storeId: true, orderId: true, reason: true, transactionId: true, createdAt: true, reversesId: true },
  });
  const storeIds = unique([card.storeId, ...ledger.map((l) => l.storeId)]);
  const orderIds = unique([card.orderId, ...ledger.map((l) => l.orderId)]);
  const customerIds = unique([card.purchaserCustomerId, card.lockedCustomerId]);
  const userIds = unique([card.issuedByUserId, ...ledger.map((l) => l.actorUserId)]);
  const [stores, orders, customers, users] = await Promise.all([
    db.store.findMany({ where: { merchantId, id: { in: storeIds } }, select: { id: true, name: true } }),
    db.order.findMany({ where: { merchantId, id: { in: orderIds } }, select: { id: true, number: true, storeId: true, email: true } }),
    db.customer.findMany({ where: { merchantId, id: { in: customerIds } }, select: { id: true, name: true, email: true } }),
    // Users are global; these ids come from this merchant's own rows.
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const storeOf = byId(stores);
  const orderOf = byId(orders);
  const customerOf = byId(customers);
  const userOf = byId(users);
  const orderLink = (id: string | null) => {
    const o = id ? orderOf.get(id) : undefined;
    return o ? { id: o.id, number: o.number, storeId: o.storeId } : null;
  };
  const purchaser = card.purchaserCustomerId ? customerOf.get(card.purchaserCustomerId) : undefined;
  const order = card.orderId ? orderOf.get(card.orderId) : undefined;
  const store = card.storeId ? storeOf.get(card.storeId) : undefined;
  return {
    id: card.id,
    last4: card.last4,
    source: card.source,
    currency: card.currency,
    initialCents: card.initialCents,
    balanceCents: card.balanceCents,
    status: visibleStatus(card, now),
    storedStatus: card.status,
    expiresAt: card.expiresAt,
    recipientName: card.recipientName,
    recipientEmail: card.recipientEmail,
    createdAt: card.createdAt,
    buyer: purchaser ? { name: purchaser.name, email: purchaser.email } : order ? { name: null, email: order.email } : null,
    message: card.message,
    deliverAt: card.deliverAt,
    store: store ? { id: store.id, name: store.name } : null,
    order: orderLink(card.orderId),
    lockedTo: card.lockedCustomerId ? (customerOf.get(card.lockedCustomerId)?.email ?? null) : null,
    issuedBy: card.issuedByUserId ? (userOf.get(card.issuedByUserId)?.email ?? null) : null,
    note: card.note,
    bonusFor: card.bonusFor,
    bonus: card.bonus,
    ledger: ledger.map(
      (l): LedgerRow => ({
        id: l.id,
        kind: l.kind,
        amountCents: l.amountCents,
        balanceAfterCents: l.balanceAfterCents,
        actorEmail: l.actorUserId ? (userOf.get(l.actorUserId)?.email ?? null) : null,
        storeName: l.storeId ? (storeOf.get(l.storeId)?.name ?? null) : null,
        order: orderLink(l.orderId),
        reason: l.reason,
        transactionId: l.transactionId,
        createdAt: l.createdAt,
        reversal: l.reversesId !== null,
      }),
    ),
  };
}

function unique(ids: Array<string | null>): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** The stores a member may issue cards in (every store of the merchant, or the member's). */
export async function listIssuingStores(merchantId: MerchantId, storeIds: StoreId[] | null): Promise<IssuingStore[]> {
  return db.store.findMany({
    where: storeIds ? { merchantId, id: { in: storeIds } } : { merchantId },
    select: { id: true, name: true, currency: true, timeZone: true, defaultLocale: true },
    orderBy: { name: "asc" },
  });
}

/** The default expiry and, per currency of the merchant's stores, the bonus promotion. */
export async function findGiftCardSettings(merchantId: MerchantId): Promise<GiftCardSettings> {
  const [merchant, stores, promotions] = await Promise.all([
    db.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { giftCardExpiryMonths: true, giftCardsToCredit: true } }),
    db.store.findMany({ where: { merchantId }, select: { currency: true }, distinct: ["currency"], orderBy: { currency: "asc" } }),
    db.giftCardPromotion.findMany({
      where: { merchantId },
      select: { currency: true, minPurchaseCents: true, bonusCents: true, bonusValidDays: true, active: true },
    }),
  ]);
  return {
    expiryMonths: merchant.giftCardExpiryMonths,
    giftCardsToCredit: merchant.giftCardsToCredit,
    currencies: stores.map((s) => ({ currency: s.currency, promotion: promotions.find((p) => p.currency === s.currency) ?? null })),
  };
}

/**
 * The gift-card figures per currency (see `GiftCardCurrencyReport`): what was issued and moved
 * in the period (days in `timeZone`), and the liability now. Currencies without any figure are
 * left out.
 */
export async function giftCardReport(merchantId: MerchantId, period: Period, timeZone: string): Promise<GiftCardCurrencyReport[]> {
  const start = startOfDayKey(period.from, timeZone);
  const end = startOfDayKey(addDays(period.to, 1), timeZone);
  const [issued, moved, owed] = await Promise.all([
    db.$queryRaw<{ currency: string; source: GiftCardSource; count: number; cents: bigint }[]>`
      SELECT currency, source, COUNT(*)::int AS count, SUM("initialCents")::bigint AS cents
      FROM "GiftCard" WHERE "merchantId" = ${merchantId} AND "createdAt" >= ${start} AND "createdAt" < ${end}
      GROUP BY currency, source`,
    db.$queryRaw<{ currency: string; redeemed: bigint; adjusted: bigint; expired: bigint }[]>`
      SELECT g.currency,
        SUM(CASE WHEN l.kind IN ('REDEEM', 'RELEASE', 'REFUND') OR (l.kind = 'ADJUST' AND l."reversesId" IS NOT NULL) THEN -l."amountCents" ELSE 0 END)::bigint AS redeemed,
        SUM(CASE WHEN l.kind = 'ADJUST' AND l."reversesId" IS NULL THEN l."amountCents" ELSE 0 END)::bigint AS adjusted,
        SUM(CASE WHEN l.kind = 'EXPIRE' THEN -l."amountCents" ELSE 0 END)::bigint AS expired
      FROM "GiftCardLedger" l JOIN "GiftCard" g ON g.id = l."cardId" AND g."merchantId" = l."merchantId"
      WHERE l."merchantId" = ${merchantId} AND l."createdAt" >= ${start} AND l."createdAt" < ${end} AND l.kind <> 'ISSUE'
      GROUP BY g.currency`,
    db.$queryRaw<{ currency: string; cents: bigint; count: number }[]>`
      SELECT currency, SUM("balanceCents")::bigint AS cents, COUNT(*)::int AS count
      FROM "GiftCard" WHERE "merchantId" = ${merchantId} AND status IN ('ACTIVE', 'DISABLED') AND "balanceCents" > 0
      GROUP BY currency`,
  ]);
  const currencies = [...new Set([...issued, ...moved, ...owed].map((r) => r.currency))].sort();
  return currencies.map((currency) => {
    const of = (source: GiftCardSource) => {
      const row = issued.find((r) => r.currency === currency && r.source === source);
      return { count: row?.count ?? 0, cents: Number(row?.cents ?? 0) };
    };
    const m = moved.find((r) => r.currency === currency);
    const o = owed.find((r) => r.currency === currency);
    return {
      currency,
      sold: of("PURCHASE"),
      bonus: of("BONUS"),
      manual: of("MANUAL"),
      redeemedCents: Number(m?.redeemed ?? 0),
      adjustedCents: Number(m?.adjusted ?? 0),
      expiredCents: Number(m?.expired ?? 0),
      liabilityCents: Number(o?.cents ?? 0),
      liabilityCards: o?.count ?? 0,
    };
  });
}

const EXPORT_BATCH = 500;

export interface CardExportRow extends RawRow {
  storeName: string | null;
  buyerEmail: string | null;
}

/** Every card of the merchant, newest first, in batches read by keyset pagination. */
export async function* exportCardBatches(merchantId: MerchantId, now: Date = new Date()): AsyncGenerator<CardExportRow[]> {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows: CardExportRow[] = await db.$queryRaw<CardExportRow[]>`
      SELECT g.id, g.last4, g.source, g.currency, g."initialCents", g."balanceCents", g.status, g."expiresAt",
        g."recipientName", g."recipientEmail", g."createdAt", s.name AS "storeName", COALESCE(c.email, o.email) AS "buyerEmail"
      FROM "GiftCard" g
        LEFT JOIN "Store" s ON s.id = g."storeId" AND s."merchantId" = g."merchantId"
        LEFT JOIN "Customer" c ON c.id = g."purchaserCustomerId" AND c."merchantId" = g."merchantId"
        LEFT JOIN "Order" o ON o.id = g."orderId" AND o."merchantId" = g."merchantId"
      WHERE g."merchantId" = ${merchantId}
        ${after ? Prisma.sql`AND (g."createdAt", g.id) < (${after.createdAt}, ${after.id})` : Prisma.empty}
      ORDER BY g."createdAt" DESC, g.id DESC
      LIMIT ${EXPORT_BATCH}`;
    if (rows.length === 0) return;
    yield rows.map((r) => ({ ...r, status: visibleStatus(r, now) }));
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
    if (rows.length < EXPORT_BATCH) return;
  }
}

export interface LedgerExportRow {
  id: string;
  createdAt: Date;
  last4: string;
  currency: string;
  kind: string;
  amountCents: number;
  balanceAfterCents: number;
  storeName: string | null;
  orderNumber: string | null;
  actorEmail: string | null;
  reason: string | null;
  transactionId: string;
}

/** The merchant's ledger rows of the period (days in `timeZone`), oldest first, in batches. */
export async function* exportLedgerBatches(merchantId: MerchantId, period: Period, timeZone: string): AsyncGenerator<LedgerExportRow[]> {
  const start = startOfDayKey(period.from, timeZone);
  const end = startOfDayKey(addDays(period.to, 1), timeZone);
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows: LedgerExportRow[] = await db.$queryRaw<LedgerExportRow[]>`
      SELECT l.id, l."createdAt", g.last4, g.currency, l.kind::text AS kind, l."amountCents", l."balanceAfterCents",
        s.name AS "storeName", o.number AS "orderNumber", u.email AS "actorEmail", l.reason, l."transactionId"
      FROM "GiftCardLedger" l
        JOIN "GiftCard" g ON g.id = l."cardId" AND g."merchantId" = l."merchantId"
        LEFT JOIN "Store" s ON s.id = l."storeId" AND s."merchantId" = l."merchantId"
        LEFT JOIN "Order" o ON o.id = l."orderId" AND o."merchantId" = l."merchantId"
        LEFT JOIN "User" u ON u.id = l."actorUserId"
      WHERE l."merchantId" = ${merchantId} AND l."createdAt" >= ${start} AND l."createdAt" < ${end}
        ${after ? Prisma.sql`AND (l."createdAt", l.id) > (${after.createdAt}, ${after.id})` : Prisma.empty}
      ORDER BY l."createdAt", l.id
      LIMIT ${EXPORT_BATCH}`;
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
    if (rows.length < EXPORT_BATCH) return;
  }
}
