"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { fail, failFields, ok, type Outcome } from "@/lib/actions/pipeline";
import { storefrontAction } from "@/lib/auth/action-clients";
import { clientIp, consumeLimit, refundLimit, retryAfterMinutes } from "@/lib/auth/rate-limit";
import type { CouponReason } from "@/lib/coupons/types";
import { countCartItems } from "./data";
import { loadCouponOnCart } from "./loaders";
import { GIFT_CARD_MESSAGE_MAX } from "@/lib/gift-cards/rules";
import { addGiftCardSchema } from "@/lib/gift-cards/schema";
import { formatMoney } from "@/lib/money";
import { todayKey } from "@/lib/time";
import {
  addCartItem,
  addGiftCardItem,
  attachCoupon,
  detachCoupon,
  removeCartItem,
  setCartItemQuantity,
  type CartLineRef,
  type CartMutationResult,
} from "./mutations";
import { currentCart, ensureCurrentCart, type CartStore } from "./request";
import { addCartItemSchema, applyCouponSchema, removeCartItemSchema, removeCouponSchema, setCartItemQuantitySchema } from "./schema";

/**
 * Storefront cart actions, on the storefront client: the store comes from the proxy-stamped
 * request and the cart from the customer's session or the signed guest cookie (never from the
 * client). Each calls one mutation and refreshes the page that asked. Refusals are texts of
 * `Cart.errors`. Prices are never taken from the client: the cart page re-reads them from the catalog.
 */

/** What a cart change hands back: the number of items now in the cart (the header's count). */
export interface CartChange {
  itemCount: number;
}

async function done(store: CartStore, cartId: string, result: CartMutationResult): Promise<Outcome<CartChange>> {
  if (!result.ok) return fail(`Cart.errors.${result.error}`, result.params);
  // The cart page is per visitor: it re-renders with the new lines. Cached storefront pages hold
  // nothing of the cart (the header's count is fetched by the browser after announceCartChanged).
  refresh();
  return ok({ itemCount: await countCartItems(store.merchantId, store.id, cartId) });
}

export const addToCartAction = storefrontAction({
  schema: addCartItemSchema,
  messages: "Cart.errors",
  handler: async (input, ctx) => {
    const cart = await ensureCurrentCart(ctx.store, ctx.customer);
    return done(ctx.store, cart.cartId, await addCartItem(ctx.store.merchantId, ctx.store.id, cart.cartId, input.productId, input.quantity));
  },
});

/** The line named by the input: its id when given, else the plain product's line. */
function lineOf(input: { lineId?: string; productId?: string }): CartLineRef {
  return input.lineId !== undefined ? { lineId: input.lineId } : { productId: input.productId! };
}

export const setCartItemQuantityAction = storefrontAction({
  schema: setCartItemQuantitySchema,
  messages: "Cart.errors",
  handler: async (input, ctx) => {
    const cart = await currentCart(ctx.store, ctx.customer);
    if (!cart) return fail("Cart.errors.cartNotFound");
    return done(ctx.store, cart.cartId, await setCartItemQuantity(ctx.store.merchantId, ctx.store.id, cart.cartId, lineOf(input), input.quantity));
  },
});

export const removeCartItemAction = storefrontAction({
  schema: removeCartItemSchema,
  messages: "Cart.errors",
  handler: async (input, ctx) => {
    const cart = await currentCart(ctx.store, ctx.customer);
    if (!cart) return fail("Cart.errors.cartNotFound");
    return done(ctx.store, cart.cartId, await removeCartItem(ctx.store.merchantId, ctx.store.id, cart.cartId, lineOf(input)));
  },
});

/**
 * The product page's gift-card form: one or more cards of an amount the product offers, for the
 * buyer or for someone else on a day from today (in the store's time zone) to a year ahead.
 * Field refusals are texts of `GiftCards.product.errors`; the amount's limits are shown in the
 * store's currency. Creates the cart when there is none yet.
 */
export const addGiftCardToCartAction = storefrontAction({
  schema: (ctx) => addGiftCardSchema(todayKey(ctx.store.timeZone)),
  messages: "GiftCards.product.errors",
  messageParams: () => ({ max: GIFT_CARD_MESSAGE_MAX }),
  invalid: "GiftCards.product.invalid",
  handler: async (input, ctx) => {
    const cart = await ensureCurrentCart(ctx.store, ctx.customer);
    const result = await addGiftCardItem(ctx.store.merchantId, ctx.store.id, cart.cartId, input);
    if (!result.ok && "field" in result) {
      const limit = result.limitCents === undefined ? undefined : { limit: formatMoney(result.limitCents, result.currency, ctx.locale) };
      return failFields({ amount: `GiftCards.product.errors.${result.error}` }, "GiftCards.product.invalid", limit);
    }
    if (!result.ok && result.error === "unknownProduct") return fail("GiftCards.product.errors.unknownProduct");
    return done(ctx.store, cart.cartId, result);
  },
});

/**
 * A code on the cart: `applied` when it takes its discount off the cart; otherwise it is on the
 * cart but does not qualify, and `reason` says why (translated under `Coupons.reasons`).
 */
export type AppliedCoupon = { code: string; applied: true } | { code: string; applied: false; reason: CouponReason };

/**
 * The cart's code form and "Apply to my cart" on a coupon page: attaches a coupon of this store
 * by code, creating the cart when there is none yet. Codes that do not apply count against the
 * cart and the client's address (code guessing); an applied code gives its point back.
 */
export const applyCouponAction = storefrontAction({
  schema: applyCouponSchema,
  messages: "Cart.errors",
  handler: async (input, ctx): Promise<Outcome<AppliedCoupon>> => {
    const cart = await ensureCurrentCart(ctx.store, ctx.customer);
    const keys = { ip: clientIp(await headers()), cart: cart.cartId };
    const limit = await consumeLimit("couponApply", keys);
    if (!limit.ok) return fail("Cart.errors.rateLimited", { minutes: retryAfterMinutes(limit.retryAfterMs) });
    const result = await attachCoupon(ctx.store.merchantId, ctx.store.id, cart.cartId, input.couponCode);
    if (!result.ok) return failFields({ couponCode: `Cart.errors.${result.error}` });
    await refundLimit("couponApply", keys);
    refresh();
    // Say at once whether the code takes anything off: a code that does not qualify stays on the
    // cart with its reason (and is left out at checkout), so the visitor knows what is missing.
    const buyer = { customerId: ctx.customer?.customerId, email: ctx.customer?.email };
    const standing = await loadCouponOnCart(ctx.store, cart.cartId, result.couponId, buyer);
    if (standing && !standing.qualified) return ok({ code: result.code, applied: false, reason: standing.reason });
    return ok({ code: result.code, applied: true });
  },
});

export const removeCouponAction = storefrontAction({
  schema: removeCouponSchema,
  messages: "Cart.errors",
  handler: async (input, ctx) => {
    const cart = await currentCart(ctx.store, ctx.customer);
    if (!cart) return fail("Cart.errors.cartNotFound");
    return done(ctx.store, cart.cartId, await detachCoupon(ctx.store.merchantId, ctx.store.id, cart.cartId, input.couponId));
  },
});
