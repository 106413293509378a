import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Capability tokens derived from AUTH_SECRET: an HMAC of a purpose and a row's id. Whoever holds
 * the token may do that one thing with that one row (view an order as a guest, pay a payment
 * request, stop a payer's reminders). Nothing is stored; a token of one purpose or row never
 * verifies for another.
 */
function secret(): string {
  const value = env().AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is required to sign links");
  return value;
}

export function signToken(purpose: string, id: string): string {
  return createHmac("sha256", secret()).update(`${purpose}:${id}`).digest("base64url");
}

/** Constant-time check of a token from a URL or a form; false for anything missing or malformed. */
export function verifyToken(purpose: string, id: string, token: unknown): boolean {
  if (!token || typeof token !== "string" || token.length > 128) return false;
  const expected = Buffer.from(signToken(purpose, id));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
