import "server-only";
import { cache } from "react";
import { cached, storefrontTags } from "@/lib/cache";
import type { Locale } from "@/lib/locales";
import type { PublicStorefront } from "@/lib/tenancy/loaders";
import { findStorefrontProduct, listPublicProducts } from "./data";
import type { StorefrontPage, StorefrontProduct } from "./types";

/** One page of a store's public catalog, cached under the store's tags. */
export function loadStorefrontListing(store: PublicStorefront, locale: Locale, page: number): Promise<StorefrontPage> {
  return cached(storefrontTags(store), ["storefront", store.id, "listing", locale, String(page)], () =>
    listPublicProducts(store.merchantId, store.id, locale, store.defaultLocale, page),
  );
}

/** A storefront product page's product (null: no such page), cached under the store's tags; one read per render. */
export const loadStorefrontProduct = cache(
  (store: PublicStorefront, slug: string, locale: Locale): Promise<StorefrontProduct | null> =>
    cached(storefrontTags(store), ["storefront", store.id, "product", locale, slug], () => findStorefrontProduct(store.merchantId, store.id, slug, locale, store.defaultLocale)),
);
