import "server-only";
import { cache } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { PublicStorefront } from "@/lib/tenancy/loaders";
import { storefrontCached } from "@/lib/tenancy/storefront-cache";
import { findStorefrontProduct, listPublicProducts } from "./data";
import type { StorefrontPage, StorefrontProduct } from "./types";

/** One page of a store's public catalog, from the store's cache. */
export function loadStorefrontListing(store: PublicStorefront, locale: Locale, page: number): Promise<StorefrontPage> {
  return storefrontCached(store.slug, ["listing", locale, String(page)], () =>
    listPublicProducts(store.merchantId, store.id, locale, store.defaultLocale, page),
  );
}

/** A storefront product page's product (null: no such page), from the store's cache; one read per render. */
export const loadStorefrontProduct = cache(
  (store: PublicStorefront, slug: string, locale: Locale): Promise<StorefrontProduct | null> =>
    storefrontCached(store.slug, ["product", locale, slug], () => findStorefrontProduct(store.merchantId, store.id, slug, locale, store.defaultLocale)),
);
