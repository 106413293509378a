import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Capability tokens for an order, derived from AUTH_SECRET: whoever holds the token of an
 * order may use it for one purpose only ("view" the confirmation as a guest, "pay" it with the
 * test provider). Nothing is stored: the token is an HMAC of the purpose and the order id.
 */
export type OrderTokenPurpose = "view" | "pay";

function secret(): string {
  const value = env().AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is required to sign order links");
  return value;
}

export function orderToken(orderId: string, purpose: OrderTokenPurpose): string {
  return createHmac("sha256", secret()).update(`order:${purpose}:${orderId}`).digest("base64url");
}

/** Constant-time check of a token from a URL; false for anything missing or malformed. */
export function verifyOrderToken(orderId: string, purpose: OrderTokenPurpose, token: string | null | undefined): boolean {
  if (!token || typeof token !== "string" || token.length > 128) return false;
  const expected = Buffer.from(orderToken(orderId, purpose));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
