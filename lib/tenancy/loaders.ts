import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { requestHostContext } from "./request";
import type { MerchantId, StoreId } from "./types";
import type { UrlTarget } from "./urls";

export interface Storefront {
  id: StoreId;
  merchantId: MerchantId;
  slug: string;
  name: string;
  currency: string;
  defaultLocale: Locale;
  locales: Locale[];
  /** False when the store is closed or its merchant suspended: the storefront shows a closed page. */
  isOpen: boolean;
  /** Where links to this storefront point for the current request. */
  target: UrlTarget;
  merchantName: string;
  /** What the storefront shows about the store (lib/stores turns it into texts per locale). */
  profile: {
    logoKey: string | null;
    contactEmail: string | null;
    contactPhone: string | null;
    contactAddress: string | null;
    translations: Array<{ locale: string; name: string; tagline: string; description: string; closedMessage: string }>;
  };
}

/**
 * The store behind the current storefront request. 404 unless the proxy routed this request
 * to exactly this store, so the internal segment can never be reached from another host.
 */
export const loadStorefront = cache(async (slug: string): Promise<Storefront> => {
  const ctx = await requestHostContext();
  if (ctx.kind !== "subdomain" && ctx.kind !== "custom-domain") notFound();
  const store = await db.store.findFirst({
    where: { slug, id: ctx.storeId ?? "" },
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
      // One statement for the store, its merchant and its texts: every storefront page needs them.
      translations: { select: { locale: true, name: true, tagline: true, description: true, closedMessage: true } },
      merchant: { select: { status: true, name: true } },
    },
  });
  if (!store) notFound();
  const locales = store.locales.filter(isLocale);
  const defaultLocale = isLocale(store.defaultLocale) ? store.defaultLocale : "en";
  return {
    id: store.id as StoreId,
    merchantId: store.merchantId as MerchantId,
    slug: store.slug,
    name: store.name,
    currency: store.currency,
    defaultLocale,
    locales,
    isOpen: store.status === "OPEN" && store.merchant.status === "ACTIVE",
    target:
      ctx.kind === "custom-domain" && ctx.host
        ? { kind: "custom-domain", domain: ctx.host, defaultLocale }
        : { kind: "store", slug: store.slug, defaultLocale },
    merchantName: store.merchant.name,
    profile: {
      logoKey: store.logoKey,
      contactEmail: store.contactEmail,
      contactPhone: store.contactPhone,
      contactAddress: store.contactAddress,
      translations: store.translations,
    },
  };
});

/** The store's page for a locale it does not offer is not a page. */
export function assertStoreLocale(store: Storefront, locale: string): asserts locale is Locale {
  if (!isLocale(locale) || !store.locales.includes(locale)) notFound();
}

/** A storefront page's store and locale (404 for a locale the store does not offer). */
export async function loadStorefrontPage(params: Promise<{ locale: string; store: string }>): Promise<{ store: Storefront; locale: Locale }> {
  const { locale, store: slug } = await params;
  const store = await loadStorefront(slug);
  assertStoreLocale(store, locale);
  return { store, locale };
}
