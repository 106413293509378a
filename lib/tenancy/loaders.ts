import "server-only";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { cached, storefrontTags } from "@/lib/cache";
import { db } from "@/lib/db";
import { isLocale, type Locale } from "@/lib/locales";
import { findStoreRoutingBySlug } from "./data";
import { isValidStoreSlug } from "./host";
import { currentTenant } from "./request";
import type { MerchantId, StoreId, StoreTenant } from "./types";

/** What every storefront page shows about its store: the same for every visitor and host. */
export interface PublicStorefront {
  id: StoreId;
  merchantId: MerchantId;
  slug: string;
  name: string;
  currency: string;
  defaultLocale: Locale;
  locales: Locale[];
  /** False when the store is closed or its merchant suspended: the storefront shows a closed page. */
  isOpen: boolean;
  merchantName: string;
  /** ISO codes of the countries the store ships to (checkout offers these). */
  shippingCountries: string[];
  /** IANA zone the store counts its days in (lib/time.ts). */
  timeZone: string;
  /** What the storefront shows about the store (lib/stores turns it into texts per locale). */
  profile: {
    logoKey: string | null;
    contactEmail: string | null;
    contactPhone: string | null;
    contactAddress: string | null;
    translations: Array<{ locale: string; name: string; tagline: string; description: string; closedMessage: string }>;
  };
}

/** The store behind a storefront request, for pages and actions that act for the visitor. */
export interface Storefront extends PublicStorefront {
  /** The request's tenant: links to this storefront point at the host it came through. */
  target: StoreTenant;
}

async function readStorefront(slug: string): Promise<PublicStorefront> {
  // Only the proxy names a store here, but a slug that cannot exist never reaches the database.
  if (!isValidStoreSlug(slug)) notFound();
  const store = await db.store.findUnique({
    where: { slug },
    select: {
      id: true,
      merchantId: true,
      slug: true,
      name: true,
      currency: true,
      defaultLocale: true,
      locales: true,
      status: true,
      logoKey: true,
      contactEmail: true,
      contactPhone: true,
      contactAddress: true,
      shippingCountries: true,
      timeZone: true,
      // One statement for the store, its merchant and its texts: every storefront page needs them.
      translations: { select: { locale: true, name: true, tagline: true, description: true, closedMessage: true } },
      merchant: { select: { status: true, name: true } },
    },
  });
  // Thrown, not returned: a miss is never cached.
  if (!store) notFound();
  return {
    id: store.id as StoreId,
    merchantId: store.merchantId as MerchantId,
    slug: store.slug,
    name: store.name,
    currency: store.currency,
    defaultLocale: isLocale(store.defaultLocale) ? store.defaultLocale : "en",
    locales: store.locales.filter(isLocale),
    isOpen: store.status === "OPEN" && store.merchant.status === "ACTIVE",
    merchantName: store.merchant.name,
    shippingCountries: store.shippingCountries,
    timeZone: store.timeZone,
    profile: {
      logoKey: store.logoKey,
      contactEmail: store.contactEmail,
      contactPhone: store.contactPhone,
      contactAddress: store.contactAddress,
      translations: store.translations,
    },
  };
}

/**
 * The store of a public storefront page, cached under the store's tags (lib/cache.ts). It reads
 * nothing of the request, so the page can be cached; the proxy is what routes a host to its
 * store's pages (the internal segment answers 404 on every host). The slug is resolved through
 * the routing cache first, which every process drops when a slug changes.
 */
export const loadPublicStorefront = cache(async (slug: string): Promise<PublicStorefront> => {
  const routing = isValidStoreSlug(slug) ? await findStoreRoutingBySlug(slug) : null;
  if (!routing) notFound();
  const store = { id: routing.storeId, merchantId: routing.merchantId };
  return cached(storefrontTags(store), ["storefront", store.id, slug, "store"], () => readStorefront(slug));
});

/**
 * The store behind the current storefront request. 404 unless the proxy routed this request
 * to exactly this store, so the internal segment can never be reached from another host.
 */
export const loadStorefront = cache(async (slug: string): Promise<Storefront> => {
  const tenant = await currentTenant();
  if (tenant?.kind !== "store") notFound();
  const store = await loadPublicStorefront(slug);
  if (store.id !== tenant.storeId) notFound();
  return { ...store, target: tenant };
});

/** The store's page for a locale it does not offer is not a page. */
export function assertStoreLocale(store: PublicStorefront, locale: string): asserts locale is Locale {
  if (!isLocale(locale) || !store.locales.includes(locale)) notFound();
}

/** A storefront page's store and locale (404 for a locale the store does not offer). */
export async function loadStorefrontPage(params: Promise<{ locale: string; store: string }>): Promise<{ store: Storefront; locale: Locale }> {
  const { locale, store: slug } = await params;
  const store = await loadStorefront(slug);
  assertStoreLocale(store, locale);
  return { store, locale };
}

/**
 * The same for a public (cacheable) storefront page: nothing of the request is read, and the
 * locale is handed to next-intl so its translations do not look at the request either.
 */
export async function loadPublicStorefrontPage(params: Promise<{ locale: string; store: string }>): Promise<{ store: PublicStorefront; locale: Locale }> {
  const { locale, store: slug } = await params;
  const store = await loadPublicStorefront(slug);
  assertStoreLocale(store, locale);
  setRequestLocale(locale);
  return { store, locale };
}
