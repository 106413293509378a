import "server-only";
import { db, type Prisma } from "@/lib/db";
import { isLocale } from "@/lib/locales";
import { PAYMENT_MINIMUM_CENTS } from "@/lib/money";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { recordCreated, type RequestActor } from "./mutations";
import { NAME_MAX } from "./schema";

/**
 * Unpaid orders become payment requests. An order qualifies when its payment never came (it was
 * cancelled unpaid), it paid for no request itself, it bought no gift card (a request's payment
 * issues none), it cost at least the payment minimum, no request was made of it yet, and its cart
 * was not checked out again into an order that went on (the shopper retried and paid: billing the
 * first attempt would bill twice) nor into one that was billed already (two failed attempts at the
 * same cart are one purchase: one request). The merchant's button, the backfill's dry run and its
 * real run all use this one condition.
 */
export function convertibleOrderWhere(scope: OrderScope = {}): Prisma.OrderWhereInput {
  return {
    ...(scope.merchantId ? { merchantId: scope.merchantId } : {}),
    ...(scope.storeId ? { storeId: scope.storeId } : {}),
    status: "CANCELLED",
    paidAt: null,
    paymentRequestId: null,
    totalCents: { gte: PAYMENT_MINIMUM_CENTS },
    requestsFromOrder: { none: {} },
    lines: { none: { kind: "GIFT_CARD" } },
    OR: [{ cartId: null }, { cart: { orders: { none: { OR: [{ status: { not: "CANCELLED" } }, { requestsFromOrder: { some: {} } }] } } } }],
  };
}

/** Which orders: platform-wide, or of one merchant, or of one store. */
export interface OrderScope {
  merchantId?: string;
  storeId?: string;
}

export interface ConvertibleOrder {
  id: string;
  merchantId: string;
  storeId: string;
  storeSlug: string;
  number: string;
  currency: string;
  totalCents: number;
}

/**
 * Every order that would become a request (oldest first), platform-wide or for one merchant or
 * store. Of the failed attempts at one cart, only the last: converting it makes the others stop
 * qualifying, so the dry run counts what the real run creates.
 */
export async function listConvertibleOrders(scope: OrderScope = {}): Promise<ConvertibleOrder[]> {
  const rows = await db.order.findMany({
    where: convertibleOrderWhere(scope),
    select: {
      id: true,
      merchantId: true,
      storeId: true,
      number: true,
      currency: true,
      totalCents: true,
      cartId: true,
      store: { select: { slug: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const lastOfCart = new Map(rows.flatMap((row) => (row.cartId ? [[row.cartId, row.id] as const] : [])));
  return rows
    .filter((row) => row.cartId === null || lastOfCart.get(row.cartId) === row.id)
    .map(({ id, merchantId, storeId, number, currency, totalCents, store }) => ({ id, merchantId, storeId, number, currency, totalCents, storeSlug: store.slug }));
}

/**
 * The backfill's --merchant and --store: the scope they name, or which of them names nothing
 * (a store of another merchant than the one named is unknown too).
 */
export async function findOrderScope(filter: {
  merchantId: string | null;
  storeSlug: string | null;
}): Promise<{ ok: true; scope: OrderScope } | { ok: false; reason: "unknownMerchant" | "unknownStore" }> {
  if (filter.merchantId && !(await db.merchant.findUnique({ where: { id: filter.merchantId }, select: { id: true } }))) {
    return { ok: false, reason: "unknownMerchant" };
  }
  if (!filter.storeSlug) return { ok: true, scope: filter.merchantId ? { merchantId: filter.merchantId } : {} };
  const store = await db.store.findFirst({
    where: { slug: filter.storeSlug, ...(filter.merchantId ? { merchantId: filter.merchantId } : {}) },
    select: { id: true, merchantId: true },
  });
  if (!store) return { ok: false, reason: "unknownStore" };
  return { ok: true, scope: { merchantId: store.merchantId, storeId: store.id } };
}

/** Requests made of orders so far (by the backfill or the merchant's button), per store and currency. */
export async function countRequestsFromOrders(scope: OrderScope = {}): Promise<Array<{ storeSlug: string; currency: string; requests: number }>> {
  const groups = await db.paymentRequest.groupBy({
    by: ["storeId", "currency"],
    where: {
      sourceOrderId: { not: null },
      ...(scope.merchantId ? { merchantId: scope.merchantId } : {}),
      ...(scope.storeId ? { storeId: scope.storeId } : {}),
    },
    _count: { _all: true },
  });
  if (groups.length === 0) return [];
  const stores = await db.store.findMany({
    where: { id: { in: [...new Set(groups.map((g) => g.storeId))] } },
    select: { id: true, slug: true },
  });
  const slugOf = new Map(stores.map((s) => [s.id, s.slug]));
  return groups.map((g) => ({ storeSlug: slugOf.get(g.storeId) ?? g.storeId, currency: g.currency, requests: g._count._all }));
}

export interface StoreSummary {
  storeSlug: string;
  currency: string;
  orders: number;
  totalCents: number;
}

/** Counts and totals per store (and currency), stores in slug order: what the backfill prints. */
export function summarizeByStore(orders: readonly ConvertibleOrder[]): StoreSummary[] {
  const byStore = new Map<string, StoreSummary>();
  for (const order of orders) {
    const key = `${order.storeSlug}\u0000${order.currency}`;
    const entry = byStore.get(key) ?? {
      storeSlug: order.storeSlug,
      currency: order.currency,
      orders: 0,
      totalCents: 0,
    };
    entry.orders += 1;
    entry.totalCents += order.totalCents;
    byStore.set(key, entry);
  }
  return [...byStore.values()].sort((a, b) => (a.storeSlug < b.storeSlug ? -1 : a.storeSlug > b.storeSlug ? 1 : a.currency < b.currency ? -1 : 1));
}

export type FromOrderResult = { ok: true; requestId: string; created: boolean } | { ok: false; reason: "notFound" | "notConvertible" };

/**
 * The request of one unpaid order of the merchant: its lines and total, billed to the buyer (a
 * payer by their email, in the order's language), referenced "order-<number>", no due date.
 * Idempotent: the order's row lock orders concurrent calls, and an order that already has its
 * request returns it (created: false).
 */
export async function requestFromOrder(actor: RequestActor, orderId: string, now: Date = new Date()): Promise<FromOrderResult> {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      Array<{ id: string; storeId: string; cartId: string | null }>
    >`SELECT id, "storeId", "cartId" FROM "Order" WHERE id = ${orderId} AND "merchantId" = ${actor.merchantId} FOR UPDATE`;
    if (!locked || (actor.storeIds !== null && !actor.storeIds.includes(locked.storeId as StoreId)))
      return { ok: false, reason: "notFound" } as const;
    // Two attempts at one cart are one purchase: their cart's lock orders their conversions, so
    // the second sees the first's request (convertibleOrderWhere) and bills nothing.
    if (locked.cartId) await tx.$queryRaw`SELECT id FROM "Cart" WHERE id = ${locked.cartId} AND "merchantId" = ${actor.merchantId} FOR UPDATE`;
    const existing = await tx.paymentRequest.findFirst({
      where: { merchantId: actor.merchantId, sourceOrderId: orderId },
      select: { id: true },
    });
    if (existing) return { ok: true, requestId: existing.id, created: false } as const;
    const order = await tx.order.findFirst({
      where: {
        id: orderId,
        ...convertibleOrderWhere({ merchantId: actor.merchantId }),
      },
      select: {
        id: true,
        storeId: true,
        number: true,
        email: true,
        locale: true,
        currency: true,
        totalCents: true,
        customerId: true,
        customer: { select: { name: true } },
        lines: {
          select: {
            productId: true,
            title: true,
            unitPriceCents: true,
            quantity: true,
            totalCents: true,
          },
          orderBy: { id: "asc" },
        },
      },
    });
    if (!order) return { ok: false, reason: "notConvertible" } as const;
    // A buyer without a name is named by their email, cut to what a payer's name holds.
    const name = (order.customer?.name?.trim() || order.email).slice(0, NAME_MAX).trim();
    const lookupKey = `email:${order.email}`;
    const payer = await tx.payer.upsert({
      where: {
        merchantId_lookupKey: { merchantId: actor.merchantId, lookupKey },
      },
      create: {
        merchantId: actor.merchantId,
        lookupKey,
        name,
        email: order.email,
        locale: isLocale(order.locale) ? order.locale : "en",
      },
      update: {},
      select: { id: true },
    });
    const request = await tx.paymentRequest.create({
      data: {
        merchantId: actor.merchantId as MerchantId,
        storeId: order.storeId,
        payerId: payer.id,
        customerId: order.customerId,
        reference: `order-${order.number}`,
        currency: order.currency,
        totalCents: order.totalCents,
        sourceOrderId: order.id,
        lines: { create: requestLinesOf(order.lines, order.totalCents) },
      },
      select: { id: true },
    });
    await recordCreated(tx, actor, request.id, now, {
      action: "paymentRequest.fromOrder",
      data: { orderId: order.id, number: order.number, totalCents: order.totalCents },
    });
    return { ok: true, requestId: request.id, created: true } as const;
  });
}

type OrderLineOfRequest = {
  productId: string | null;
  title: string;
  unitPriceCents: number;
  quantity: number;
  totalCents: number;
};

/**
 * The request's lines of an order's lines: the same lines when they add up to the order's total;
 * one line for the total when a discount took something off (a request's lines are positive
 * amounts), titled with the lines' titles.
 */
export function requestLinesOf(lines: readonly OrderLineOfRequest[], totalCents: number) {
  const sum = lines.reduce((acc, line) => acc + line.totalCents, 0);
  if (sum === totalCents) return lines.map((line, position) => ({ position, ...line }));
  const title = lines.map((line) => (line.quantity > 1 ? `${line.quantity} × ${line.title}` : line.title)).join(", ");
  return [
    {
      position: 0,
      productId: null,
      title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
      unitPriceCents: totalCents,
      quantity: 1,
      totalCents,
    },
  ];
}

/** Whether an order of the store would become a request (the merchant's order page offers the button then). */
export async function isConvertibleOrder(merchantId: MerchantId, storeId: StoreId, orderId: string): Promise<boolean> {
  return (await db.order.count({ where: { id: orderId, ...convertibleOrderWhere({ merchantId, storeId }) } })) === 1;
}
