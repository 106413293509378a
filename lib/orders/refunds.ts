import "server-only";
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { db, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { countUnusedOrderCards, voidRefundedCards } from "@/lib/gift-cards/refunds";
import { reverseOrderEarningShare } from "@/lib/loyalty/mutations";
import { isLocale, type Locale } from "@/lib/locales";
import { urlConfig } from "@/lib/tenancy/request";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { absoluteUrl, storeAddress } from "@/lib/tenancy/urls";
import { orderPath } from "./confirmation";
import { refundOrderHolds, type RefundShare } from "./holds";
import { transitionOrder, type OrderStatus } from "./lifecycle";
import { linesRefund, planRefund, refundableTotalCents, type RefundSource } from "./refund-plan";

/**
 * What a merchant refunds: some units of some lines, an amount, or (neither) everything left, which
 * counts as every unit left of every line as well (for restocking and for the gift cards it takes back).
 */
export interface RefundRequest {
  lines?: ReadonlyArray<{ lineId: string; quantity: number }>;
  amountCents?: number;
  /** The card payment's share goes to the customer's store credit instead of the card. */
  toStoreCredit?: boolean;
  /** Put the refunded lines' units back on sale. */
  restock?: boolean;
  reason?: string | null;
  /** The merchant's form submission: the same key refunds this order once (keys are the order's own). */
  idempotencyKey?: string;
}

export type RefundRefusal = "notFound" | "invalidState" | "nothingToRefund" | "moreThanRefundable" | "unknownLine" | "tooManyUnits" | "giftCardUsed";

export type RefundClaim =
  | {
      ok: true;
      refundId: string;
      /** What goes back through the payment provider (0: nothing, the refund is settled already). */
      providerCents: number;
      provider: "NONE" | "TEST" | "STRIPE";
      paymentRef: string | null;
      settled: boolean;
      /** True when the idempotency key had already made this refund. */
      replayed: boolean;
    }
  | { ok: false; error: RefundRefusal };

interface LockedOrder {
  id: string;
  status: OrderStatus;
  paymentProvider: "NONE" | "TEST" | "STRIPE";
  paymentRef: string | null;
  paymentWaived: boolean;
  discountCents: number;
  tenderedCents: number;
  amountDueCents: number;
  refundedCents: number;
  refundCount: number;
}


/**
 * The first half of a refund (MANAGER+, checked by the caller): under the order's row lock, the
 * refund's amount is found (lines, amount or everything left), split over what paid for the order
 * (lib/orders/refund-plan.ts) and written as a PENDING Refund with its lines and shares; the
 * order counts the amount and the units at once, so a second refund, concurrent or later, only
 * finds what is left. An order refunded in full becomes REFUNDED. Audited in the same transaction.
 *
 * When nothing goes back through the provider (a store-credit refund, a test or free order), the
 * refund is settled in the same transaction; otherwise the caller asks the provider and then
 * settles it (settleRefund), or fails it (failRefund) when the provider refuses.
 */
export async function claimRefund(
  merchantId: MerchantId,
  storeId: StoreId,
  orderId: string,
  actorUserId: string | null,
  request: RefundRequest = {},
): Promise<RefundClaim> {
  // Scoped to the order: a key sent with another order (or merchant) is another refund, never a clash.
  const idempotencyKey = `${merchantId}:${orderId}:${request.idempotencyKey ?? randomUUID()}`;
  return db.$transaction(async (tx) => {
    const [order] = await tx.$queryRaw<LockedOrder[]>`
      SELECT id, status::text AS status, "paymentProvider"::text AS "paymentProvider", "paymentRef", "paymentWaived",
        "discountCents", "tenderedCents", "amountDueCents", "refundedCents", "refundCount"
      FROM "Order" WHERE id = ${orderId} AND "merchantId" = ${merchantId} AND "storeId" = ${storeId} FOR UPDATE`;
    if (!order) return { ok: false, error: "notFound" } as const;
    const replay = await tx.refund.findFirst({
      where: { idempotencyKey, merchantId, orderId },
      select: { id: true, providerCents: true, status: true },
    });
    if (replay) {
      return {
        ok: true,
        refundId: replay.id,
        providerCents: replay.providerCents,
        provider: order.paymentProvider,
        paymentRef: order.paymentRef,
        settled: replay.status === "SETTLED",
        replayed: true,
      } as const;
    }
    if (order.status !== "PAID" && order.status !== "FULFILLED") return { ok: false, error: "invalidState" } as const;

    const lines = await tx.orderLine.findMany({
      where: { orderId, order: { merchantId } },
      select: { id: true, kind: true, productId: true, totalCents: true, quantity: true, refundedQuantity: true },
      orderBy: { id: "asc" },
    });
    const refundable = lines.map((l) => ({ id: l.id, giftCard: l.kind === "GIFT_CARD", totalCents: l.totalCents, quantity: l.quantity, refundedQuantity: l.refundedQuantity }));
    const everythingLeft = !(request.lines && request.lines.length > 0) && request.amountCents === undefined;
    const asked = everythingLeft ? refundable.map((l) => ({ lineId: l.id, quantity: l.quantity - l.refundedQuantity })) : (request.lines ?? []);
    let amountCents = request.amountCents ?? 0;
    let refundLines: Array<{ lineId: string; quantity: number; amountCents: number }> = [];
    if (asked.some((l) => l.quantity > 0)) {
      const priced = linesRefund(refundable, order.discountCents, asked);
      if (!priced.ok) return { ok: false, error: priced.reason } as const;
      amountCents = priced.amountCents;
      refundLines = priced.lines;
    }
    // Everything left is what the order can still give back, whatever earlier refunds by amount took.
    if (everythingLeft) amountCents = refundableTotalCents(order) - order.refundedCents;
    // A gift card can be refunded while nothing of it was spent; it is then taken back (settleRefund).
    for (const part of refundLines) {
      const line = lines.find((l) => l.id === part.lineId)!;
      if (line.kind === "GIFT_CARD" && (await countUnusedOrderCards(tx, merchantId, line.id)) < part.quantity) {
        return { ok: false, error: "giftCardUsed" } as const;
      }
    }

    const sources = await refundSources(tx, merchantId, order);
    const plan = planRefund(amountCents, sources, request.toStoreCredit ?? false);
    if (!plan.ok) {
      // A line-priced refund of lines worth nothing (fully discounted) still gives the units back.
      if (!(plan.reason === "moreThanRefundable" && amountCents === 0 && refundLines.length > 0)) return { ok: false, error: plan.reason } as const;
    }
    const shares = plan.ok ? plan.shares : [];
    const providerCents = shares.filter((share) => share.kind === "PAYMENT").reduce((sum, share) => sum + share.amountCents, 0);
    const transactionId = randomUUID();
    const refund = await tx.refund.create({
      data: {
        merchantId,
        storeId,
        orderId,
        number: order.refundCount + 1,
        amountCents,
        providerCents,
        toStoreCredit: request.toStoreCredit ?? false,
        restock: request.restock ?? false,
        reason: request.reason ?? null,
        actorUserId,
        transactionId,
        idempotencyKey,
        lines: { create: refundLines.map((l) => ({ orderLineId: l.lineId, quantity: l.quantity, amountCents: l.amountCents })) },
        parts: { create: shares.map((s) => ({ kind: s.kind, tenderId: s.tenderId, amountCents: s.amountCents, points: s.points })) },
      },
      select: { id: true },
    });
    for (const line of refundLines) {
      await tx.orderLine.updateMany({ where: { id: line.lineId, orderId }, data: { refundedQuantity: { increment: line.quantity } } });
    }
    const refundedCents = order.refundedCents + amountCents;
    await tx.order.updateMany({ where: { id: orderId, merchantId }, data: { refundedCents, refundCount: { increment: 1 } } });
    const full = refundedCents >= refundableTotalCents(order);
    if (full) await transitionOrder(tx, { merchantId, storeId, orderId, event: "refund" });
    await recordAuditEvent(tx, {
      merchantId,
      actorUserId,
      action: "order.refund",
      targetType: "Order",
      targetId: orderId,
      data: {
        refundId: refund.id,
        amountCents,
        full,
        toStoreCredit: request.toStoreCredit ?? false,
        restock: request.restock ?? false,
        lines: refundLines,
        previousStatus: order.status,
        provider: order.paymentProvider,
        reason: request.reason ?? null,
      },
    });
    // Nothing for the provider to do: everything goes back now, in this transaction.
    const settled = order.paymentProvider !== "STRIPE" || providerCents === 0 ? await settleRefundIn(tx, merchantId, refund.id) : false;
    return { ok: true, refundId: refund.id, providerCents, provider: order.paymentProvider, paymentRef: order.paymentRef, settled, replayed: false } as const;
  });
}

/** What paid for the order (the provider's payment and each tender) with what refunds gave back so far. */
async function refundSources(tx: Tx, merchantId: MerchantId, order: LockedOrder): Promise<RefundSource[]> {
  const [tenders, parts] = await Promise.all([
    tx.orderTender.findMany({
      where: { orderId: order.id, merchantId },
      select: { id: true, kind: true, amountCents: true, points: true, giftCardId: true },
    }),
    tx.refundPart.findMany({
      where: { refund: { orderId: order.id, merchantId, status: { not: "FAILED" } } },
      select: { tenderId: true, amountCents: true },
    }),
  ]);
  const given = (tenderId: string | null) => parts.filter((p) => p.tenderId === tenderId).reduce((sum, p) => sum + p.amountCents, 0);
  return [
    { kind: "PAYMENT", tenderId: null, paidCents: refundableTotalCents(order) - order.tenderedCents, refundedCents: given(null) },
    ...tenders.map((t) => ({
      kind: t.kind === "GIFT_CARD" ? ("GIFT_CARD" as const) : t.kind === "LOYALTY_POINTS" ? ("LOYALTY_POINTS" as const) : ("STORE_CREDIT" as const),
      tenderId: t.id,
      paidCents: t.amountCents,
      refundedCents: given(t.id),
      points: t.points ?? undefined,
      useOrder: t.giftCardId ?? undefined,
    })),
  ];
}

/**
 * The second half of a refund: its shares go back (gift cards, points, store credit, through the
 * order's holds), its units are restocked when asked, the gift cards it refunds are taken back, the
 * coupon uses come back when the order is refunded in full, a share of the points the order earned is taken back, and the buyer gets a
 * refund note in the order's language. Once per refund: the PENDING -> SETTLED update is the
 * claim, so a retry (the interrupted-refund sweep) or a concurrent call gives nothing back twice.
 * False when there was nothing left to settle.
 */
export async function settleRefund(merchantId: MerchantId, refundId: string): Promise<boolean> {
  return db.$transaction((tx) => settleRefundIn(tx, merchantId, refundId));
}

async function settleRefundIn(tx: Tx, merchantId: MerchantId, refundId: string): Promise<boolean> {
  const at = new Date();
  const { count } = await tx.refund.updateMany({ where: { id: refundId, merchantId, status: "PENDING" }, data: { status: "SETTLED", settledAt: at } });
  if (count === 0) return false;
  const refund = await tx.refund.findFirstOrThrow({
    where: { id: refundId, merchantId },
    select: {
      id: true,
      orderId: true,
      storeId: true,
      amountCents: true,
      restock: true,
      transactionId: true,
      lines: { select: { quantity: true, orderLine: { select: { id: true, productId: true, kind: true } } } },
      parts: {
        select: {
          kind: true,
          amountCents: true,
          points: true,
          tender: { select: { id: true, giftCardId: true, storeCreditAccountId: true, label: true } },
        },
        orderBy: { id: "asc" },
      },
      order: {
        select: {
          number: true,
          email: true,
          locale: true,
          currency: true,
          customerId: true,
          paymentWaived: true,
          tenderedCents: true,
          amountDueCents: true,
          status: true,
          store: { select: { name: true, slug: true, defaultLocale: true } },
        },
      },
    },
  });
  const { order } = refund;
  const refundable = refundableTotalCents(order);
  const settled = await tx.refund.aggregate({ where: { orderId: refund.orderId, merchantId, status: "SETTLED" }, _sum: { amountCents: true } });
  const settledCents = settled._sum.amountCents ?? 0;
  const shares: RefundShare[] = refund.parts.map((part) => ({
    kind: part.kind,
    tender: part.tender ? { id: part.tender.id, giftCardId: part.tender.giftCardId, storeCreditAccountId: part.tender.storeCreditAccountId } : null,
    amountCents: part.amountCents,
    points: part.points,
  }));
  await refundOrderHolds(tx, {
    merchantId,
    orderId: refund.orderId,
    storeId: refund.storeId,
    customerId: order.customerId,
    currency: order.currency,
    refundId: refund.id,
    transactionId: refund.transactionId,
    at,
    full: order.status === "REFUNDED" && settledCents >= refundable,
    shares,
    restock: refund.restock
      ? refund.lines.filter((l) => l.orderLine.productId !== null).map((l) => ({ productId: l.orderLine.productId!, quantity: l.quantity }))
      : [],
  });
  for (const line of refund.lines.filter((l) => l.orderLine.kind === "GIFT_CARD")) {
    const movement = { merchantId, transactionId: refund.transactionId, storeId: refund.storeId, orderId: refund.orderId, refundId: refund.id, at };
    await voidRefundedCards(tx, movement, line.orderLine.id, line.quantity);
  }
  await reverseOrderEarningShare(
    tx,
    { merchantId, orderId: refund.orderId, refundId: refund.id, transactionId: refund.transactionId },
    { numeratorCents: settledCents, denominatorCents: refundable },
  );
  if (refund.parts.length > 0) {
    const locale: Locale = isLocale(order.locale) ? order.locale : "en";
    const defaultLocale: Locale = isLocale(order.store.defaultLocale) ? order.store.defaultLocale : "en";
    await enqueueEmail(
      {
        to: order.email,
        template: "order-refund",
        locale,
        merchantId,
        idempotencyKey: `order-refund:${refund.id}`,
        data: {
          storeName: order.store.name,
          orderNumber: order.number,
          currency: order.currency,
          amountCents: refund.amountCents,
          full: order.status === "REFUNDED",
          shares: refund.parts.map((part) => ({
            kind: part.kind,
            label: part.kind === "GIFT_CARD" ? (part.tender?.label ?? "") : "",
            amountCents: part.amountCents,
            points: part.points,
          })),
          orderUrl: absoluteUrl(storeAddress({ slug: order.store.slug, defaultLocale }, urlConfig()), orderPath(refund.orderId), locale, urlConfig()),
        },
      },
      tx,
    );
  }
  return true;
}

/**
 * The provider refused a claimed refund: it becomes FAILED, nothing of it goes back, and the order
 * no longer counts its amount and units (a REFUNDED order returns to the state it had). Once per
 * refund (PENDING -> FAILED is the claim).
 */
export async function failRefund(merchantId: MerchantId, refundId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const refund = await tx.refund.findFirst({
      where: { id: refundId, merchantId },
      select: { orderId: true, amountCents: true, lines: { select: { orderLineId: true, quantity: true } } },
    });
    if (!refund) return false;
    const [order] = await tx.$queryRaw<Array<{ status: OrderStatus; fulfilledAt: Date | null }>>`
      SELECT status::text AS status, "fulfilledAt" FROM "Order" WHERE id = ${refund.orderId} AND "merchantId" = ${merchantId} FOR UPDATE`;
    const { count } = await tx.refund.updateMany({ where: { id: refundId, merchantId, status: "PENDING" }, data: { status: "FAILED", failedAt: new Date() } });
    if (count === 0 || !order) return false;
    for (const line of refund.lines) {
      await tx.orderLine.updateMany({ where: { id: line.orderLineId, orderId: refund.orderId }, data: { refundedQuantity: { decrement: line.quantity } } });
    }
    await tx.order.updateMany({ where: { id: refund.orderId, merchantId }, data: { refundedCents: { decrement: refund.amountCents } } });
    if (order.status === "REFUNDED") {
      await transitionOrder(tx, { merchantId, orderId: refund.orderId, event: "undoRefund", to: order.fulfilledAt ? "FULFILLED" : "PAID" });
    }
    return true;
  });
}

/**
 * Refunds whose provider part may not have completed: PENDING, with money for the provider,
 * claimed more than `olderThanSeconds` ago (the process stopped between the claim, the
 * provider's refund and the settling). Oldest first, platform-wide, for the sweep.
 */
export async function findUnsettledRefunds(now: Date, olderThanSeconds: number, limit: number) {
  const refunds = await db.refund.findMany({
    where: { status: "PENDING", createdAt: { lt: new Date(now.getTime() - olderThanSeconds * 1000) } },
    select: { id: true, merchantId: true, orderId: true, providerCents: true, order: { select: { paymentRef: true, paymentProvider: true } } },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  return refunds.map((r) => ({
    refundId: r.id,
    merchantId: r.merchantId as MerchantId,
    orderId: r.orderId,
    providerCents: r.providerCents,
    provider: r.order.paymentProvider,
    paymentRef: r.order.paymentRef,
  }));
}
