import type { Locale } from "@/lib/i18n/locales";

/** What the proxy needs to route a storefront request; small enough to cache per process. */
export interface StoreRouting {
  storeId: string;
  merchantId: string;
  slug: string;
  defaultLocale: Locale;
  locales: Locale[];
  /** The host the request came through: the store's subdomain or one of its custom domains. */
  via: "subdomain" | "custom-domain";
}

/** A merchant id that only the authorization gate or the host resolver hands out. */
export type MerchantId = string & { readonly __brand: "MerchantId" };
export type StoreId = string & { readonly __brand: "StoreId" };
