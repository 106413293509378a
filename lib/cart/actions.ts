"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { fail, failFields, ok, type Outcome } from "@/lib/actions/pipeline";
import { storefrontAction } from "@/lib/auth/action-clients";
import { clientIp, consumeLimit, refundLimit, retryAfterMinutes } from "@/lib/auth/rate-limit";
import type { CouponReason } from "@/lib/coupons/types";
import { countCartItems } from "./data";
import { loadCouponOnCart } from "./loaders";
import { addCartItem, attachCoupon, detachCoupon, removeCartItem, setCartItemQuantity, type CartMutationResult } from "./mutations";
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

export const setCartItemQuantityAction = storefrontAction({
  schema: setCartItemQuantitySchema,
  messages: "Cart.errors",
  handler: async (input, ctx) => {
    const cart = await currentCart(ctx.store, ctx.customer);
    if (!cart) return fail("Cart.errors.cartNotFound");
    return done(ctx.store, cart.cartId, await setCartItemQuantity(ctx.store.merchantId, ctx.store.id, cart.cartId, input.productId, input.quantity));
  },
});

export const removeCartItemAction = storefrontAction({
  schema: removeCartItemSchema,
  messages: "Cart.errors",
  handler: async (input, ctx) => {
    const cart = await currentCart(ctx.store, ctx.customer);
    if (!cart) return fail("Cart.errors.cartNotFound");
    return done(ctx.store, cart.cartId, await removeCartItem(ctx.store.merchantId, ctx.store.id, cart.cartId, input.productId));
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
