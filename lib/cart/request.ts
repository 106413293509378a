import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import type { CustomerSession } from "@/lib/auth/types";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isHttpsRequest } from "@/lib/security/headers";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { CART_COOKIE, signCartCookie, verifyCartCookie } from "./cookie";
import { findCustomerCartId, findGuestCartId } from "./data";
import { createGuestCart, ensureCustomerCart, mergeGuestCart } from "./mutations";
import type { CurrentCart } from "./types";

/** What the cart needs to know about the store of the request. */
export interface CartStore {
  id: StoreId;
  merchantId: MerchantId;
}

const GUEST_CART_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

function cartSecret(): string | null {
  return env().AUTH_SECRET ?? null;
}

async function guestCartIdFromCookie(store: CartStore): Promise<string | null> {
  const secret = cartSecret();
  if (!secret) return null;
  const jar = await cookies();
  return verifyCartCookie(secret, store.id, jar.get(CART_COOKIE)?.value);
}

/**
 * The ACTIVE cart of this storefront request, or null when there is none yet: the signed-in
 * customer's cart, else the guest cart named by the signed cookie. A missing, tampered or stale
 * cookie means "no cart", never an error. Never creates a cart (a signed-in customer's request
 * that still carries a guest cookie adopts that cart first). Memoized per server render (the
 * header and the page ask for the same store and session objects).
 */
export const currentCart = cache(async (store: CartStore, customer: CustomerSession | null): Promise<CurrentCart | null> => {
  if (customer) {
    await adoptGuestCart(store, customer);
    const cartId = await findCustomerCartId(store.merchantId, store.id, customer.customerId);
    return cartId ? { cartId, customerId: customer.customerId } : null;
  }
  const cookieCartId = await guestCartIdFromCookie(store);
  if (!cookieCartId) return null;
  const cartId = await findGuestCartId(store.merchantId, store.id, cookieCartId);
  return cartId ? { cartId, customerId: null } : null;
});

/**
 * The cart a visitor filled before signing in follows them into their customer cart: the first
 * request of a signed-in customer that still carries this store's guest cookie merges the guest
 * cart into theirs (or makes it theirs). The merge runs once (the guest cart is MERGED after it);
 * the cookie is dropped where the request may change cookies (an action, a route handler).
 * Never fails the request: an error leaves both carts as they were.
 */
async function adoptGuestCart(store: CartStore, customer: CustomerSession): Promise<void> {
  try {
    const guestCartId = await guestCartIdFromCookie(store);
    if (!guestCartId) return;
    await mergeGuestCart(store.merchantId, store.id, guestCartId, customer.customerId);
    try {
      (await cookies()).delete(CART_COOKIE);
    } catch {
      // A server component's render cannot change cookies: the stale cookie names no active cart now.
    }
  } catch (error) {
    console.error("Could not merge the guest cart into the customer's", error);
  }
}

/**
 * The current cart, created when missing. Only for server actions and route handlers: a new
 * guest cart is handed to the browser in a signed, httpOnly cookie bound to this host.
 */
export async function ensureCurrentCart(store: CartStore, customer: CustomerSession | null): Promise<CurrentCart> {
  const existing = await currentCart(store, customer);
  if (existing) return existing;
  if (customer) {
    return { cartId: await ensureCustomerCart(store.merchantId, store.id, customer.customerId), customerId: customer.customerId };
  }
  const secret = cartSecret();
  if (!secret) throw new AppError("INTERNAL", "AUTH_SECRET is required to sign guest carts");
  const cartId = await createGuestCart(store.merchantId, store.id);
  const jar = await cookies();
  const https = isHttpsRequest((await headers()).get("x-forwarded-proto"), env().PLATFORM_PROTOCOL);
  // No Domain attribute: the cookie stays on this store's host only.
  jar.set(CART_COOKIE, signCartCookie(secret, store.id, cartId), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: https,
    maxAge: GUEST_CART_MAX_AGE_SECONDS,
  });
  return { cartId, customerId: null };
}
