import "server-only";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { db, type Prisma } from "@/lib/db";
import { isLocale } from "@/lib/locales";
import { PAYMENT_MINIMUM_CENTS } from "@/lib/money";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import type { RequestActor } from "./mutations";

/**
 * Unpaid orders become payment requests. An order qualifies when its payment never came (it was
 * cancelled unpaid), it paid for no request itself, it bought no gift card (a request's payment
 * issues none), it cost at least the payment minimum, no request was made of it yet, and its cart was not checked
 * out again into an order that went on (the shopper retried and paid: billing the first attempt
 * would bill twice). The merchant's button, the backfill's dry run and its real run all use this
 * one condition.
 */
export function convertibleOrderWhere(scope: { merchantId?: string; storeId?: string } = {}): Prisma.OrderWhereInput {
  return {
    ...(scope.merchantId ? { merchantId: scope.merchantId } : {}),
    ...(scope.storeId ? { storeId: scope.storeId } : {}),
    status: "CANCELLED",
    paidAt: null,
    paymentRequestId: null,
    totalCents: { gte: PAYMENT_MINIMUM_CENTS },
    requestsFromOrder: { none: {} },
    lines: { none: { kind: "GIFT_CARD" } },
    OR: [{ cartId: null }, { cart: { orders: { none: { status: { not: "CANCELLED" } } } } }],
  };
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

/** Every order that would become a request (oldest first), platform-wide or for one merchant or store. */
export async function listConvertibleOrders(scope: { merchantId?: string; storeId?: string } = {}): Promise<ConvertibleOrder[]> {
  const rows = await db.order.findMany({
    where: convertibleOrderWhere(scope),
    select: {
      id: true,
      merchantId: true,
      storeId: true,
      number: true,
      currency: true,
      totalCents: true,
      store: { select: { slug: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(({ store, ...row }) => ({ ...row, storeSlug: store.slug }));
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
      Array<{ id: string; storeId: string }>
    >`SELECT id, "storeId" FROM "Order" WHERE id = ${orderId} AND "merchantId" = ${actor.merchantId} FOR UPDATE`;
    if (!locked || (actor.storeIds !== null && !actor.storeIds.includes(locked.storeId as StoreId)))
      return { ok: false, reason: "notFound" } as const;
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
    const name = order.customer?.name?.trim() || order.email;
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
        events: {
          create: {
            kind: "CREATED",
            actorUserId: actor.userId,
            createdAt: now,
          },
        },
      },
      select: { id: true },
    });
    if (actor.userId) {
      await recordAuditEvent(tx, {
        merchantId: actor.merchantId,
        actorUserId: actor.userId,
        action: "paymentRequest.fromOrder",
        targetType: "PaymentRequest",
        targetId: request.id,
        data: {
          orderId: order.id,
          number: order.number,
          totalCents: order.totalCents,
        },
      });
    }
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
