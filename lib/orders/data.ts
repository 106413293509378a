import "server-only";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import type { ProductKind } from "@/lib/catalog/types";
import type { OrderStatus } from "./lifecycle";
import { inTenderOrder } from "@/lib/pricing/tenders";
import { refundableTotalCents } from "./refund-plan";

const ORDER_DETAIL_SELECT = {
  id: true,
  number: true,
  status: true,
  email: true,
  customerId: true,
  locale: true,
  currency: true,
  subtotalCents: true,
  discountCents: true,
  totalCents: true,
  shippingAddress: true,
  paymentProvider: true,
  paymentRequestId: true,
  paymentWaived: true,
  paymentRef: true,
  transactionId: true,
  createdAt: true,
  paidAt: true,
  fulfilledAt: true,
  refundedAt: true,
  cancelledAt: true,
  lines: {
    select: { id: true, title: true, kind: true, quantity: true, refundedQuantity: true, unitPriceCents: true, totalCents: true, downloadToken: true },
    orderBy: { id: "asc" as const },
  },
  discounts: { select: { code: true, amountCents: true }, orderBy: { id: "asc" as const } },
  tenderedCents: true,
  amountDueCents: true,
  tenders: { select: { kind: true, label: true, amountCents: true }, orderBy: { label: "asc" as const } },
  refundedCents: true,
  refunds: {
    select: {
      id: true,
      number: true,
      amountCents: true,
      status: true,
      toStoreCredit: true,
      restock: true,
      createdAt: true,
      settledAt: true,
      lines: { select: { orderLineId: true, quantity: true, amountCents: true }, orderBy: { id: "asc" as const } },
      parts: { select: { kind: true, amountCents: true, points: true, tender: { select: { kind: true, label: true } } }, orderBy: { id: "asc" as const } },
    },
    orderBy: { number: "asc" as const },
  },
} as const;

export type { OrderStatus };

export interface OrderDetail {
  id: string;
  number: string;
  status: OrderStatus;
  email: string;
  customerId: string | null;
  locale: string;
  currency: string;
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
  shippingAddress: unknown;
  paymentProvider: "NONE" | "TEST" | "STRIPE";
  /** The payment request this order pays, if any. */
  paymentRequestId: string | null;
  /** Completed without payment although the total was above zero (below the payment minimum). */
  paymentWaived: boolean;
  paymentRef: string | null;
  transactionId: string;
  createdAt: Date;
  paidAt: Date | null;
  fulfilledAt: Date | null;
  refundedAt: Date | null;
  cancelledAt: Date | null;
  lines: Array<{
    id: string;
    title: string;
    kind: ProductKind;
    quantity: number;
    /** Units given back by refunds (pending or settled; a failed refund gives its units back). */
    refundedQuantity: number;
    unitPriceCents: number;
    totalCents: number;
    downloadToken: string | null;
  }>;
  discounts: Array<{ code: string; amountCents: number }>;
  /** What gift cards (and later other tenders) paid; the provider was asked for amountDueCents. */
  tenderedCents: number;
  amountDueCents: number;
  tenders: Array<{ kind: "GIFT_CARD" | "STORE_CREDIT" | "LOYALTY_POINTS"; label: string; amountCents: number }>;
  /** What refunds (pending or settled) gave back so far. */
  refundedCents: number;
  /** What can still be refunded: what the tenders and the provider took, less refundedCents. */
  refundableCents: number;
  /** Every refund of the order, oldest first, failed ones included (the pages choose what to show). */
  refunds: OrderRefund[];
}

export type RefundStatus = "PENDING" | "SETTLED" | "FAILED";
export type RefundPartKind = "PAYMENT" | "STORE_CREDIT" | "GIFT_CARD" | "LOYALTY_POINTS";

/** One refund of an order: how much, where the money went (its parts) and the units it covered. */
export interface OrderRefund {
  id: string;
  number: number;
  amountCents: number;
  status: RefundStatus;
  toStoreCredit: boolean;
  restock: boolean;
  createdAt: Date;
  settledAt: Date | null;
  lines: Array<{ orderLineId: string; quantity: number; amountCents: number }>;
  /**
   * Where the money went: PAYMENT to the card; STORE_CREDIT without a tender is the card's share
   * sent to store credit; a tender (gift card: its last four in `label`) gets back its own share.
   */
  parts: Array<{ kind: RefundPartKind; amountCents: number; points: number | null; tender: { kind: "GIFT_CARD" | "STORE_CREDIT" | "LOYALTY_POINTS"; label: string } | null }>;
}

/** What an order can still give back: what its tenders and its provider took, less what refunds gave. */
export function refundableCents(order: { tenderedCents: number; amountDueCents: number; paymentWaived: boolean; refundedCents: number }): number {
  return Math.max(0, refundableTotalCents(order) - order.refundedCents);
}

/** One order of this store, or null (another store's or merchant's id). */
export async function findStoreOrder(merchantId: MerchantId, storeId: StoreId, orderId: string): Promise<OrderDetail | null> {
  const order = await db.order.findFirst({ where: { id: orderId, merchantId, storeId }, select: ORDER_DETAIL_SELECT });
  return order && { ...order, tenders: inTenderOrder(order.tenders), refundableCents: refundableCents(order) };
}

/** Who made each refund of an order and why: for the merchant's order page only, never the buyer's. */
export interface RefundNote {
  reason: string | null;
  /** The staff member's email; null when the refund was made by the platform (or the user is gone). */
  actorEmail: string | null;
}

/** The reason and the author of each refund of an order of this store, by refund id (empty for another store's order). */
export async function findRefundNotes(merchantId: MerchantId, storeId: StoreId, orderId: string): Promise<Map<string, RefundNote>> {
  const refunds = await db.refund.findMany({ where: { merchantId, storeId, orderId }, select: { id: true, reason: true, actorUserId: true } });
  const userIds = [...new Set(refunds.map((r) => r.actorUserId).filter((id): id is string => id !== null))];
  // Users are global; these ids come from this merchant's own refunds.
  const users = userIds.length > 0 ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [];
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  return new Map(refunds.map((r) => [r.id, { reason: r.reason, actorEmail: r.actorUserId ? (emailOf.get(r.actorUserId) ?? null) : null }]));
}

export interface OrderListItem {
  id: string;
  number: string;
  status: OrderStatus;
  email: string;
  currency: string;
  totalCents: number;
  createdAt: Date;
}

const LIST_SELECT = { id: true, number: true, status: true, email: true, currency: true, totalCents: true, createdAt: true } as const;

/** The store's orders, newest first (merchant area). */
export async function listStoreOrders(merchantId: MerchantId, storeId: StoreId, take = 100): Promise<OrderListItem[]> {
  return db.order.findMany({ where: { merchantId, storeId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take, select: LIST_SELECT });
}

/** A customer's orders in one store, newest first. */
export async function listCustomerOrders(merchantId: MerchantId, storeId: StoreId, customerId: string, take = 100): Promise<OrderListItem[]> {
  return db.order.findMany({
    where: { merchantId, storeId, customerId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: LIST_SELECT,
  });
}

/** The order line behind a download token, with what the route needs to decide. */
export async function findDownload(token: string) {
  return db.orderLine.findUnique({
    where: { downloadToken: token },
    select: {
      id: true,
      title: true,
      kind: true,
      order: { select: { id: true, merchantId: true, storeId: true, status: true, customerId: true } },
      product: { select: { digitalFileKey: true, merchantId: true } },
    },
  });
}
