import "server-only";
import { signToken, verifyToken } from "@/lib/security/tokens";

/**
 * Capability tokens for an order (lib/security/tokens.ts): whoever holds the token of an order
 * may use it for one purpose only ("view" the confirmation as a guest, "pay" it with the test
 * provider).
 */
export type OrderTokenPurpose = "view" | "pay";

export function orderToken(orderId: string, purpose: OrderTokenPurpose): string {
  return signToken(`order:${purpose}`, orderId);
}

/** Constant-time check of a token from a URL; false for anything missing or malformed. */
export function verifyOrderToken(orderId: string, purpose: OrderTokenPurpose, token: string | null | undefined): boolean {
  return verifyToken(`order:${purpose}`, orderId, token);
}
