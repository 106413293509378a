import { hostWithPort } from "@/lib/tenancy/host";

/**
 * Sessions are bound to the host they were issued for. Pure module: the JWT callback and the
 * route handler use it, and it is table-tested.
 */

/**
 * The host (and port) a request was addressed to, lower-cased and without a trailing dot, as
 * recorded in session tokens; null when the header is not a plausible host.
 */
export function sessionHost(raw: string | null | undefined): string | null {
  return hostWithPort(raw);
}

/** True when a token recorded for `tokenHost` may be used on `requestHost`. */
export function isTokenForHost(tokenHost: unknown, requestHost: string | null | undefined): boolean {
  if (typeof tokenHost !== "string") return false;
  const expected = sessionHost(requestHost);
  return expected !== null && sessionHost(tokenHost) === expected;
}
