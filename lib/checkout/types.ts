import type { CouponReason } from "@/lib/coupons/types";

/** Why checkout refused: translated under `Checkout.errors.<code>`. */
export type CheckoutErrorCode =
  | "cartNotFound"
  | "emptyCart"
  | "unavailable"
  | "notEnoughStock"
  | "couponNotQualified"
  | "emailRequired"
  | "shippingRequired"
  | "priceChanged"
  | "paymentUnavailable"
  /** The total is above zero but below the payment minimum, and the store refuses such orders. */
  | "belowPaymentMinimum"
  /** A payment is needed and no payment provider is configured (production without Stripe). */
  | "paymentsUnavailable"
  /** A gift card of the cart was spent elsewhere, disabled or expired since the page was shown. */
  | "giftCardChanged"
  /** The points the cart pays with are no longer held, or their reward changed. */
  | "pointsChanged"
  /** The store credit the cart pays with is no longer available. */
  | "storeCreditChanged"
  /** A tender's balance changed since the checkout page: the amount due is not what it showed. */
  | "amountDueChanged";

export interface CheckoutFailure {
  ok: false;
  error: CheckoutErrorCode;
  params?: Record<string, string | number>;
  /** For couponNotQualified: the coupon and its reason (translated under `Coupons.reasons`). */
  coupon?: { code: string; reason: CouponReason; params: Record<string, string | number> };
  /** For priceChanged: the total the cart costs now (recorded on the checkout attempt). */
  computedTotalCents?: number;
}

export interface PlacedOrder {
  ok: true;
  orderId: string;
  orderNumber: string;
  status: "PENDING_PAYMENT" | "PAID" | "FULFILLED" | "REFUNDED" | "CANCELLED";
  provider: "NONE" | "TEST" | "STRIPE";
  /** Where to send the buyer: the provider's page, or null when no payment is needed. */
  paymentUrl: string | null;
  /** True when the idempotency key had already placed this order. */
  replayed: boolean;
}

export type PlaceOrderResult = PlacedOrder | CheckoutFailure;

/** Why checkout sent the buyer back to the cart; the cart page says so above the lines. */
export const CART_REVIEW_REASONS = [
  "couponNotQualified",
  "notEnoughStock",
  "unavailable",
  "priceChanged",
  "paymentsUnavailable",
  "giftCardChanged",
  "pointsChanged",
  "storeCreditChanged",
  "amountDueChanged",
] as const;
export type CartReviewReason = (typeof CART_REVIEW_REASONS)[number];

export function cartReviewPath(cartPath: string, reason: CartReviewReason): string {
  return `${cartPath}?review=${reason}`;
}

export function isCartReviewReason(value: unknown): value is CartReviewReason {
  return typeof value === "string" && (CART_REVIEW_REASONS as readonly string[]).includes(value);
}
