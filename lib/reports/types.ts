import type { Period } from "./period";

/**
 * Which orders count, everywhere in reports (see README "Reports"):
 *  - sales, orders, average order value, top products and coupon usage count PAID and FULFILLED
 *    orders only; sales (in total and per day) are net of what partial refunds gave back;
 *  - REFUNDED orders are left out of those figures; every order with money given back (in full or
 *    in part) is shown on its own with what was refunded (count and amount);
 *  - CANCELLED orders (failed or expired payments) are only counted, PENDING_PAYMENT not at all;
 *  - orders completed with the payment waived (a total above zero but below the payment minimum)
 *    are never revenue: they are left out of every figure and shown on their own (count and amount);
 *  - an order belongs to the day it was placed (createdAt) in the report's time zone.
 * Stores of one merchant may sell in different currencies, so every money figure is per currency.
 */
export const COUNTED_STATUSES = ["PAID", "FULFILLED"] as const;

export interface CurrencySummary {
  currency: string;
  orders: number;
  revenueCents: number;
  discountCents: number;
  /** Rounded half up to the minor unit; null without orders. */
  averageOrderCents: number | null;
  refundedOrders: number;
  refundedCents: number;
  cancelledOrders: number;
  /** PAID or FULFILLED with the payment waived: not in the figures above. */
  waivedOrders: number;
  /** What those orders' totals came to, never charged. */
  waivedCents: number;
}

export interface DailySales {
  currency: string;
  /** Every day of the period, in order, days without sales included (0). */
  days: Array<{ day: string; orders: number; revenueCents: number }>;
}

export interface TopProduct {
  /** Null when the product has since been deleted (the line keeps its title). */
  productId: string | null;
  title: string;
  currency: string;
  quantity: number;
  orders: number;
  /** Sum of the line totals, before order-level discounts. */
  revenueCents: number;
}

export interface CouponUsage {
  code: string;
  currency: string;
  orders: number;
  discountCents: number;
}

export interface SalesReport {
  period: Period;
  timeZone: string;
  summaries: CurrencySummary[];
  daily: DailySales[];
  topProducts: TopProduct[];
  coupons: CouponUsage[];
}

/** The report page's form problems, translated under `Reports.errors.<code>`. */
export type ReportInputError = "invalidDate" | "rangeOrder" | "rangeTooLong" | "invalidStore";
