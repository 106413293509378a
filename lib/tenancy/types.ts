import type { Locale } from "@/lib/locales";

/** A merchant id that only the authorization gate or the host resolver hands out. */
export type MerchantId = string & { readonly __brand: "MerchantId" };
export type StoreId = string & { readonly __brand: "StoreId" };

/**
 * Who a request is for, resolved once from its host by the proxy (lib/tenancy/resolve.ts) and
 * read back with `currentTenant()` (lib/tenancy/request.ts). The one shape of a tenant: Auth.js,
 * the cart, URL building, page loaders and route handlers all take it.
 *
 * `host` is the host the request was addressed to (lower-cased, with its port, no trailing dot:
 * what sessions are bound to) and `origin` the URL origin on it. The apex offers every locale.
 */
export type Tenant = PlatformTenant | StoreTenant;

export interface PlatformTenant {
  kind: "platform";
  host: string;
  origin: string;
  defaultLocale: Locale;
  locales: readonly Locale[];
}

export interface StoreTenant {
  kind: "store";
  /** How the request reached the store: its subdomain of the platform or one of its custom domains. */
  via: "subdomain" | "custom-domain";
  host: string;
  origin: string;
  storeId: StoreId;
  merchantId: MerchantId;
  slug: string;
  defaultLocale: Locale;
  locales: readonly Locale[];
}
