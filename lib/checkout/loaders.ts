import "server-only";
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { loadCustomerSession } from "@/lib/auth/loaders";
import type { CustomerSession } from "@/lib/auth/types";
import { loadCartPage } from "@/lib/cart/loaders";
import type { CartLineView } from "@/lib/cart/types";
import type { Locale } from "@/lib/locales";
import { settleTotal } from "@/lib/payments/minimum";
import { findSmallOrderPolicy } from "@/lib/stores/data";
import type { Storefront } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";
import type { CartTendering } from "@/lib/cart/tendering";
import type { PricedCart } from "@/lib/pricing/pricing";
import { cartReviewPath } from "./types";

export interface CheckoutPage {
  customer: CustomerSession | null;
  lines: CartLineView[];
  priced: PricedCart;
  /** The cart's tenders (gift cards, points, store credit) and what remains due after them. */
  tenders: CartTendering;
  /** Any physical line: the form asks for a shipping address. */
  physical: boolean;
  /** A fresh key per rendered page: a double-clicked "Place order" sends the same one. */
  idempotencyKey: string;
  /** How the amount due would be settled now (see settleTotal): "refuse" when the store refuses a total this small. */
  settlement: ReturnType<typeof settleTotal>;
}

/**
 * The checkout page's data (phase 1 at the door: validate and price without writing), from the
 * same read and pricing as the cart page. A cart that cannot be ordered as it is (empty,
 * unavailable or short product) sends the visitor back to the cart page, which shows each reason.
 * A coupon that does not qualify is not applied and does not stop the order: the page lists it
 * with its reason.
 */
export async function loadCheckoutPage(store: Storefront, locale: Locale, now = new Date()): Promise<CheckoutPage> {
  const cartPath = localizedPath("/cart", locale, store.defaultLocale);
  const [customer, cart] = await Promise.all([loadCustomerSession(store.id), loadCartPage(store, locale, now)]);
  if (cart.lines.length === 0) redirect(cartPath);
  // A product no longer sold is not a question of stock: the cart says so and offers to remove it.
  if (cart.lines.some((l) => l.noLongerSold)) redirect(cartReviewPath(cartPath, "unavailable"));
  if (cart.lines.some((l) => l.amountNotOffered)) redirect(cartReviewPath(cartPath, "priceChanged"));
  if (cart.lines.some((l) => !l.available || (l.product.stock !== null && l.product.stock < l.quantity))) {
    redirect(cartReviewPath(cartPath, "notEnoughStock"));
  }
  const amountDueCents = cart.tenders.tendered.amountDueCents;
  let settlement = settleTotal(amountDueCents, "WAIVE");
  if (settlement === "waived") settlement = settleTotal(amountDueCents, await findSmallOrderPolicy(store.merchantId, store.id));
  return {
    customer,
    lines: cart.lines,
    priced: cart.priced,
    tenders: cart.tenders,
    physical: cart.lines.some((l) => l.product.kind === "PHYSICAL"),
    idempotencyKey: randomUUID(),
    settlement,
  };
}
