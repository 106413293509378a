import "server-only";
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { loadCustomerSession } from "@/lib/auth/loaders";
import type { CustomerSession } from "@/lib/auth/types";
import { isPurchasable, loadCartForCheckout } from "@/lib/cart/data";
import { currentCart } from "@/lib/cart/request";
import type { CartLineView } from "@/lib/cart/types";
import { loadCouponUsage } from "@/lib/coupons/data";
import type { Locale } from "@/lib/i18n/locales";
import type { Storefront } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";
import { priceCart, type PricedCart } from "./pricing";
import { cartReviewPath } from "./types";

export interface CheckoutPage {
  customer: CustomerSession | null;
  lines: CartLineView[];
  priced: PricedCart;
  /** Any physical line: the form asks for a shipping address. */
  physical: boolean;
  /** A fresh key per rendered page: a double-clicked "Place order" sends the same one. */
  idempotencyKey: string;
}

/**
 * The checkout page's data (phase 1 at the door: validate and price without writing). A cart
 * that cannot be ordered as it is (empty, unavailable or short product, a coupon that does not
 * qualify) sends the visitor back to the cart page, which shows each reason.
 */
export async function loadCheckoutPage(store: Storefront, locale: Locale, now = new Date()): Promise<CheckoutPage> {
  const cartPath = localizedPath("/cart", locale, store.defaultLocale);
  const customer = await loadCustomerSession(store.id);
  const current = await currentCart(store, customer);
  const cart = current ? await loadCartForCheckout(store.merchantId, store.id, current.cartId, { locale, defaultLocale: store.defaultLocale }) : null;
  if (!cart || cart.lines.length === 0) redirect(cartPath);
  const blocked = cart.lines.some((l) => !isPurchasable(l.product) || (l.product.stock !== null && l.product.stock < l.quantity));
  if (blocked) redirect(cartReviewPath(cartPath, "notEnoughStock"));
  const usage = await loadCouponUsage(
    store.merchantId,
    cart.coupons.map((c) => c.id),
    { customerId: customer?.customerId, email: customer?.email },
  );
  const priced = priceCart({
    currency: store.currency,
    lines: cart.lines.map((l) => ({ productId: l.productId, title: l.product.title, unitPriceCents: l.product.priceCents, quantity: l.quantity })),
    coupons: cart.coupons,
    now,
    usage,
  });
  if (priced.coupons.some((c) => !c.qualified)) redirect(cartReviewPath(cartPath, "couponNotQualified"));
  return {
    customer,
    lines: cart.lines,
    priced,
    physical: cart.lines.some((l) => l.product.kind === "PHYSICAL"),
    idempotencyKey: randomUUID(),
  };
}
