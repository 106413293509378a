import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The guest cart cookie: "<cartId>.<signature>", signed with HMAC-SHA256 over the store id and
 * the cart id, so a cookie made for one store (or edited by hand) names no cart at all.
 * Pure: the secret is passed in.
 */
export const CART_COOKIE = "patron_cart";

function signature(secret: string, storeId: string, cartId: string): string {
  return createHmac("sha256", secret).update(`cart:${storeId}:${cartId}`).digest("base64url");
}

export function signCartCookie(secret: string, storeId: string, cartId: string): string {
  return `${cartId}.${signature(secret, storeId, cartId)}`;
}

/** The cart id the cookie names for this store, or null for anything missing, malformed or tampered. */
export function verifyCartCookie(secret: string, storeId: string, value: string | undefined | null): string | null {
  if (!value || value.length > 200) return null;
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const cartId = value.slice(0, dot);
  if (!/^[a-z0-9]+$/i.test(cartId)) return null;
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(signature(secret, storeId, cartId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? cartId : null;
}
