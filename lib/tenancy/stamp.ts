import { isLocale, type Locale } from "@/lib/locales";
import { INTERNAL_HEADERS } from "./internal";
import type { MerchantId, StoreId, Tenant } from "./types";

/**
 * How the proxy hands the tenant it resolved to the rest of the request: one internal header
 * holding the `Tenant` as JSON, which the proxy strips from what clients send before it sets it.
 * Pure module: proxy.ts writes with `stampTenant`, and only `currentTenant()` (request.ts) reads
 * with `readTenantStamp`.
 */

/** Sets (or, for a request that belongs to no tenant, removes) the tenant stamp on `headers`. */
export function stampTenant(headers: Headers, tenant: Tenant | null): void {
  if (tenant) headers.set(INTERNAL_HEADERS.tenant, JSON.stringify(tenant));
  else headers.delete(INTERNAL_HEADERS.tenant);
}

const isString = (value: unknown): value is string => typeof value === "string" && value.length > 0;

function localesOf(value: unknown): Locale[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  return value.every(isLocale) ? value : null;
}

/**
 * The tenant stamped on `headers`, or null when there is none or it is not a whole tenant (a
 * stamp is only ever written by the proxy, but a half-read tenant must never pass for one).
 */
export function readTenantStamp(headers: Pick<Headers, "get">): Tenant | null {
  const raw = headers.get(INTERNAL_HEADERS.tenant);
  if (!raw) return null;
  let value: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== "object") return null;
    value = parsed as Record<string, unknown>;
  } catch {
    return null;
  }
  const { host, origin, defaultLocale } = value;
  const locales = localesOf(value.locales);
  if (!isString(host) || !isString(origin) || !isLocale(defaultLocale) || !locales || !locales.includes(defaultLocale)) return null;
  if (value.kind === "platform") return { kind: "platform", host, origin, defaultLocale, locales };
  if (value.kind !== "store") return null;
  const { via, storeId, merchantId, slug } = value;
  if ((via !== "subdomain" && via !== "custom-domain") || !isString(storeId) || !isString(merchantId) || !isString(slug)) return null;
  return {
    kind: "store",
    via,
    host,
    origin,
    storeId: storeId as StoreId,
    merchantId: merchantId as MerchantId,
    slug,
    defaultLocale,
    locales,
  };
}
