import "server-only";
import { isLocale, type Locale } from "@/lib/locales";
import { signToken, verifyToken } from "@/lib/security/tokens";
import { urlConfig } from "@/lib/tenancy/request";
import { absoluteUrl, storeAddress } from "@/lib/tenancy/urls";

/**
 * The secret links of payment requests (capability tokens, lib/security/tokens.ts): a request's
 * pay page and a payer's unsubscribe page, both on the store's storefront. A token signs one
 * request (or payer) for one purpose: a link of another request, or a tampered one, verifies for
 * nothing.
 */
const PAY = "payment-request:pay";
const UNSUBSCRIBE = "payer:unsubscribe";

export function payRequestPath(requestId: string): string {
  return `/pay/r/${encodeURIComponent(requestId)}?token=${signToken(PAY, requestId)}`;
}

export function verifyPayToken(requestId: string, token: unknown): boolean {
  return verifyToken(PAY, requestId, token);
}

export function unsubscribePath(payerId: string): string {
  return `/pay/unsubscribe/${encodeURIComponent(payerId)}?token=${signToken(UNSUBSCRIBE, payerId)}`;
}

export function verifyUnsubscribeToken(payerId: string, token: unknown): boolean {
  return verifyToken(UNSUBSCRIBE, payerId, token);
}

/** An absolute URL on a store's storefront, in `locale` when the store offers it (else its default). */
export function storefrontUrl(store: { slug: string; defaultLocale: string; locales: readonly string[] }, path: string, locale: Locale): string {
  const defaultLocale: Locale = isLocale(store.defaultLocale) ? store.defaultLocale : "en";
  const config = urlConfig();
  return absoluteUrl(
    storeAddress({ slug: store.slug, defaultLocale }, config),
    path,
    store.locales.includes(locale) ? locale : defaultLocale,
    config,
  );
}
