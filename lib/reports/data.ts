import "server-only";
import { db, Prisma } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { addDays } from "@/lib/time";
import { daysOf, type Period } from "./period";
import type { CouponUsage, CurrencySummary, DailySales, SalesReport, TopProduct } from "./types";

/**
 * Report figures, aggregated by PostgreSQL (GROUP BY, date_trunc): no query here loads the
 * orders of a period into memory. `storeIds` null means every store of the merchant.
 */

const COUNTED = Prisma.sql`o.status IN ('PAID', 'FULFILLED') AND NOT o."paymentWaived"`;
// Orders with money given back, in full (REFUNDED) or in part: the refunded amounts are shown apart.
const REFUNDED = Prisma.sql`o.status IN ('PAID', 'FULFILLED', 'REFUNDED') AND NOT o."paymentWaived" AND o."refundedCents" > 0`;
// Completed without payment although the total was above zero: never revenue, shown apart.
const WAIVED = Prisma.sql`o.status IN ('PAID', 'FULFILLED') AND o."paymentWaived"`;

function scope(merchantId: MerchantId, storeIds: StoreId[] | null, period: Period, timeZone: string) {
  // Local midnights of the first day and of the day after the last, as instants.
  return Prisma.sql`o."merchantId" = ${merchantId}
    AND (${storeIds}::text[] IS NULL OR o."storeId" = ANY(${storeIds}::text[]))
    AND o."createdAt" >= (${period.from}::date)::timestamp AT TIME ZONE ${timeZone}
    AND o."createdAt" < (${addDays(period.to, 1)}::date)::timestamp AT TIME ZONE ${timeZone}`;
}

const n = (value: bigint | number | null): number => Number(value ?? 0);

async function summaries(where: Prisma.Sql): Promise<CurrencySummary[]> {
  const rows = await db.$queryRaw<
    Array<{
      currency: string;
      orders: bigint;
      revenue: bigint;
      discount: bigint;
      average: bigint | null;
      refunded: bigint;
      refundedCents: bigint;
      cancelled: bigint;
      waived: bigint;
      waivedCents: bigint;
    }>
  >`
    SELECT o.currency,
           count(*) FILTER (WHERE ${COUNTED}) AS orders,
           coalesce(sum(o."totalCents" - o."refundedCents") FILTER (WHERE ${COUNTED}), 0) AS revenue,
           coalesce(sum(o."discountCents") FILTER (WHERE ${COUNTED}), 0) AS discount,
           round(avg(o."totalCents") FILTER (WHERE ${COUNTED}))::bigint AS average,
           count(*) FILTER (WHERE ${REFUNDED}) AS refunded,
           coalesce(sum(o."refundedCents") FILTER (WHERE ${REFUNDED}), 0) AS "refundedCents",
           count(*) FILTER (WHERE o.status = 'CANCELLED') AS cancelled,
           count(*) FILTER (WHERE ${WAIVED}) AS waived,
           coalesce(sum(o."totalCents") FILTER (WHERE ${WAIVED}), 0) AS "waivedCents"
      FROM "Order" o
     WHERE ${where} AND o.status IN ('PAID', 'FULFILLED', 'REFUNDED', 'CANCELLED')
     GROUP BY o.currency
     ORDER BY o.currency`;
  return rows.map((r) => ({
    currency: r.currency,
    orders: n(r.orders),
    revenueCents: n(r.revenue),
    discountCents: n(r.discount),
    averageOrderCents: r.average === null ? null : n(r.average),
    refundedOrders: n(r.refunded),
    refundedCents: n(r.refundedCents),
    cancelledOrders: n(r.cancelled),
    waivedOrders: n(r.waived),
    waivedCents: n(r.waivedCents),
  }));
}

async function daily(where: Prisma.Sql, period: Period, timeZone: string, currencies: string[]): Promise<DailySales[]> {
  const rows = await db.$queryRaw<Array<{ day: string; currency: string; orders: bigint; revenue: bigint }>>`
    SELECT to_char(date_trunc('day', o."createdAt" AT TIME ZONE ${timeZone}), 'YYYY-MM-DD') AS day,
           o.currency,
           count(*) AS orders,
           sum(o."totalCents" - o."refundedCents") AS revenue
      FROM "Order" o
     WHERE ${where} AND ${COUNTED}
     GROUP BY 1, 2`;
  const days = daysOf(period.from, period.to);
  return currencies.map((currency) => {
    const byDay = new Map(rows.filter((r) => r.currency === currency).map((r) => [r.day, r]));
    return {
      currency,
      days: days.map((day) => ({ day, orders: n(byDay.get(day)?.orders ?? 0), revenueCents: n(byDay.get(day)?.revenue ?? 0) })),
    };
  });
}

export const TOP_PRODUCTS_LIMIT = 10;

async function topProducts(where: Prisma.Sql): Promise<TopProduct[]> {
  const rows = await db.$queryRaw<Array<{ productId: string | null; title: string; currency: string; quantity: bigint; orders: bigint; revenue: bigint }>>`
    SELECT max(l."productId") AS "productId",
           (array_agg(l.title ORDER BY o."createdAt" DESC))[1] AS title,
           o.currency,
           sum(l.quantity) AS quantity,
           count(DISTINCT o.id) AS orders,
           sum(l."totalCents") AS revenue
      FROM "OrderLine" l
      JOIN "Order" o ON o.id = l."orderId"
     WHERE ${where} AND ${COUNTED}
     GROUP BY coalesce(l."productId", 'title:' || l.title), o.currency
     ORDER BY revenue DESC, quantity DESC, title ASC
     LIMIT ${TOP_PRODUCTS_LIMIT}`;
  return rows.map((r) => ({ productId: r.productId, title: r.title, currency: r.currency, quantity: n(r.quantity), orders: n(r.orders), revenueCents: n(r.revenue) }));
}

async function couponUsage(where: Prisma.Sql): Promise<CouponUsage[]> {
  const rows = await db.$queryRaw<Array<{ code: string; currency: string; orders: bigint; discount: bigint }>>`
    SELECT d.code, o.currency, count(DISTINCT o.id) AS orders, sum(d."amountCents") AS discount
      FROM "OrderDiscount" d
      JOIN "Order" o ON o.id = d."orderId"
     WHERE ${where} AND ${COUNTED}
     GROUP BY d.code, o.currency
     ORDER BY orders DESC, discount DESC, d.code ASC`;
  return rows.map((r) => ({ code: r.code, currency: r.currency, orders: n(r.orders), discountCents: n(r.discount) }));
}

/**
 * The sales report of a merchant's stores (all, or `storeIds`) over `period`, days read in
 * `timeZone`. The caller passed the report gate, which produced `merchantId` and the store scope.
 */
export async function salesReport(merchantId: MerchantId, storeIds: StoreId[] | null, period: Period, timeZone: string): Promise<SalesReport> {
  const where = scope(merchantId, storeIds, period, timeZone);
  const [summaryRows, products, coupons] = await Promise.all([summaries(where), topProducts(where), couponUsage(where)]);
  const currencies = summaryRows.filter((s) => s.orders > 0).map((s) => s.currency);
  return {
    period,
    timeZone,
    summaries: summaryRows,
    daily: await daily(where, period, timeZone, currencies),
    topProducts: products,
    coupons,
  };
}

export interface OrderExportRow {
  id: string;
  number: string;
  storeSlug: string;
  createdAt: Date;
  status: string;
  email: string;
  currency: string;
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
  couponCodes: string | null;
  paidAt: Date | null;
  refundedAt: Date | null;
  cancelledAt: Date | null;
  paymentWaived: boolean;
}

export const EXPORT_BATCH_SIZE = 500;

/**
 * Every order of the period (any status), oldest first, in batches of EXPORT_BATCH_SIZE read
 * by keyset pagination, so an export of any size holds one batch in memory at a time.
 */
export async function* exportOrderBatches(
  merchantId: MerchantId,
  storeIds: StoreId[] | null,
  period: Period,
  timeZone: string,
): AsyncGenerator<OrderExportRow[]> {
  const where = scope(merchantId, storeIds, period, timeZone);
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const cursor: Prisma.Sql = after ? Prisma.sql`AND (o."createdAt", o.id) > (${after.createdAt}, ${after.id})` : Prisma.empty;
    const rows: Array<Omit<OrderExportRow, "subtotalCents" | "discountCents" | "totalCents"> & { subtotalCents: number; discountCents: number; totalCents: number }> =
      await db.$queryRaw`
        SELECT o.id, o.number, s.slug AS "storeSlug", o."createdAt", o.status::text AS status, o.email, o.currency,
               o."subtotalCents", o."discountCents", o."totalCents",
               (SELECT string_agg(d.code, ' ' ORDER BY d.code) FROM "OrderDiscount" d WHERE d."orderId" = o.id) AS "couponCodes",
               o."paidAt", o."refundedAt", o."cancelledAt", o."paymentWaived"
          FROM "Order" o
          JOIN "Store" s ON s.id = o."storeId" AND s."merchantId" = o."merchantId"
         WHERE ${where} ${cursor}
         ORDER BY o."createdAt", o.id
         LIMIT ${EXPORT_BATCH_SIZE}`;
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < EXPORT_BATCH_SIZE) return;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
