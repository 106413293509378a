import "server-only";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import type { ProductKind } from "@/lib/catalog/types";
import type { OrderStatus } from "./lifecycle";

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
  paymentWaived: true,
  paymentRef: true,
  transactionId: true,
  createdAt: true,
  paidAt: true,
  fulfilledAt: true,
  refundedAt: true,
  cancelledAt: true,
  lines: {
    select: { id: true, title: true, kind: true, quantity: true, unitPriceCents: true, totalCents: true, downloadToken: true },
    orderBy: { id: "asc" as const },
  },
  discounts: { select: { code: true, amountCents: true }, orderBy: { id: "asc" as const } },
  tenderedCents: true,
  amountDueCents: true,
  tenders: { select: { kind: true, label: true, amountCents: true }, orderBy: { label: "asc" as const } },
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
  /** Completed without payment although the total was above zero (below the payment minimum). */
  paymentWaived: boolean;
  paymentRef: string | null;
  transactionId: string;
  createdAt: Date;
  paidAt: Date | null;
  fulfilledAt: Date | null;
  refundedAt: Date | null;
  cancelledAt: Date | null;
  lines: Array<{ id: string; title: string; kind: ProductKind; quantity: number; unitPriceCents: number; totalCents: number; downloadToken: string | null }>;
  discounts: Array<{ code: string; amountCents: number }>;
  /** What gift cards (and later other tenders) paid; the provider was asked for amountDueCents. */
  tenderedCents: number;
  amountDueCents: number;
  tenders: Array<{ kind: "GIFT_CARD" | "STORE_CREDIT" | "LOYALTY_POINTS"; label: string; amountCents: number }>;
}

/** One order of this store, or null (another store's or merchant's id). */
export async function findStoreOrder(merchantId: MerchantId, storeId: StoreId, orderId: string): Promise<OrderDetail | null> {
  return db.order.findFirst({ where: { id: orderId, merchantId, storeId }, select: ORDER_DETAIL_SELECT });
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
