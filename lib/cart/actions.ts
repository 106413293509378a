"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { loadCustomerSession } from "@/lib/auth/loaders";
import { clientIp, consumeLimit, refundLimit, retryAfterMinutes } from "@/lib/auth/rate-limit";
import type { CouponReason } from "@/lib/coupons/types";
import { countCartItems } from "./data";
import { loadCouponOnCart } from "./loaders";
import { addCartItem, attachCoupon, detachCoupon, removeCartItem, setCartItemQuantity, type CartMutationResult } from "./mutations";
import { currentCart, ensureCurrentCart, storeOfRequest, type CartStore } from "./request";
import { addCartItemSchema, applyCouponSchema, removeCartItemSchema, removeCouponSchema, setCartItemQuantitySchema } from "./schema";
import type { CartActionResult, CartErrorCode } from "./types";

/**
 * Storefront cart actions. Each one parses its input, finds the store from the proxy-stamped
 * request and the cart from the customer's session or the signed guest cookie (never from the
 * client), calls one mutation, refreshes the page that asked and returns a small typed result.
 * Prices are never taken from the client: the cart page re-reads them from the catalog.
 */

async function done(store: CartStore, cartId: string, result: CartMutationResult): Promise<CartActionResult> {
  if (!result.ok) return result;
  // The cart page re-renders with the new lines; cached storefront pages hold nothing of the cart
  // (the header's count is fetched by the browser after announceCartChanged).
  refresh();
  return { ok: true, itemCount: await countCartItems(store.merchantId, store.id, cartId) };
}

function failure(error: CartErrorCode): CartActionResult {
  return { ok: false, error };
}

export async function addToCartAction(input: { productId: string; quantity?: number }): Promise<CartActionResult> {
  const parsed = addCartItemSchema.safeParse(input);
  if (!parsed.success) return failure(parsed.error.issues.some((i) => i.path[0] === "quantity") ? "invalidQuantity" : "unknownProduct");
  const store = await storeOfRequest();
  if (!store) return failure("unavailable");
  const cart = await ensureCurrentCart(store, await loadCustomerSession(store.id));
  return done(store, cart.cartId, await addCartItem(store.merchantId, store.id, cart.cartId, parsed.data.productId, parsed.data.quantity));
}

export async function setCartItemQuantityAction(input: { productId: string; quantity: number }): Promise<CartActionResult> {
  const parsed = setCartItemQuantitySchema.safeParse(input);
  if (!parsed.success) return failure(parsed.error.issues.some((i) => i.path[0] === "quantity") ? "invalidQuantity" : "unknownProduct");
  const store = await storeOfRequest();
  if (!store) return failure("unavailable");
  const cart = await currentCart(store, await loadCustomerSession(store.id));
  if (!cart) return failure("cartNotFound");
  return done(store, cart.cartId, await setCartItemQuantity(store.merchantId, store.id, cart.cartId, parsed.data.productId, parsed.data.quantity));
}

export async function removeCartItemAction(input: { productId: string }): Promise<CartActionResult> {
  const parsed = removeCartItemSchema.safeParse(input);
  if (!parsed.success) return failure("unknownProduct");
  const store = await storeOfRequest();
  if (!store) return failure("unavailable");
  const cart = await currentCart(store, await loadCustomerSession(store.id));
  if (!cart) return failure("cartNotFound");
  return done(store, cart.cartId, await removeCartItem(store.merchantId, store.id, cart.cartId, parsed.data.productId));
}

export interface CouponFormState {
  /** applied: the code takes its discount off the cart; notApplied: it is on the cart but does not qualify. */
  status: "idle" | "applied" | "notApplied" | "error";
  code?: string;
  error?: CartErrorCode | "required" | "rateLimited";
  /** notApplied: why (translated under `Coupons.reasons`; the cart page shows it with its params). */
  reason?: CouponReason;
  /** With "rateLimited": whole minutes to wait. */
  retryAfterMinutes?: number;
}

/** The cart's code form (useActionState): attaches a coupon of this store by code. */
export async function applyCouponAction(_prev: CouponFormState, formData: FormData): Promise<CouponFormState> {
  return applyCouponCode(formData.get("code"));
}

/**
 * "Apply to my cart" on a coupon page: creates the cart when there is none yet. Codes that do not
 * apply count against the cart and the client's address (code guessing); an applied code gives
 * its point back.
 */
export async function applyCouponCode(rawCode: unknown): Promise<CouponFormState> {
  const parsed = applyCouponSchema.safeParse({ code: typeof rawCode === "string" ? rawCode : "" });
  if (!parsed.success) {
    // Longer than any code can be: no such code, which is what the shopper needs to hear.
    const tooLong = parsed.error.issues.some((i) => i.message === "tooLong");
    return tooLong ? { status: "error", error: "unknownCoupon" } : { status: "error", error: "required" };
  }
  const store = await storeOfRequest();
  if (!store) return { status: "error", error: "unavailable" };
  const customer = await loadCustomerSession(store.id);
  const cart = await ensureCurrentCart(store, customer);
  const keys = { ip: clientIp(await headers()), cart: cart.cartId };
  const limit = await consumeLimit("couponApply", keys);
  if (!limit.ok) return { status: "error", error: "rateLimited", code: parsed.data.code, retryAfterMinutes: retryAfterMinutes(limit.retryAfterMs) };
  const result = await attachCoupon(store.merchantId, store.id, cart.cartId, parsed.data.code);
  if (!result.ok) return { status: "error", error: result.error, code: parsed.data.code };
  await refundLimit("couponApply", keys);
  refresh();
  // Say at once whether the code takes anything off: a code that does not qualify stays on the
  // cart with its reason (and is left out at checkout), so the visitor knows what is missing.
  const standing = await loadCouponOnCart(store, cart.cartId, result.couponId, { customerId: customer?.customerId, email: customer?.email });
  if (standing && !standing.qualified) return { status: "notApplied", code: result.code, reason: standing.reason };
  return { status: "applied", code: result.code };
}

export async function removeCouponAction(input: { couponId: string }): Promise<CartActionResult> {
  const parsed = removeCouponSchema.safeParse(input);
  if (!parsed.success) return failure("unknownCoupon");
  const store = await storeOfRequest();
  if (!store) return failure("unavailable");
  const cart = await currentCart(store, await loadCustomerSession(store.id));
  if (!cart) return failure("cartNotFound");
  return done(store, cart.cartId, await detachCoupon(store.merchantId, store.id, cart.cartId, parsed.data.couponId));
}
