import "server-only";
import { db } from "@/lib/db";
import { isLocale, type Locale } from "@/lib/locales";
import { cachedLookup } from "./routing-cache";
import type { MerchantId, StoreId, StoreTenant } from "./types";

/** A store tenant before it is bound to the exact host of a request (resolve.ts adds that). */
export type StoreOfHost = Omit<StoreTenant, "host" | "origin">;

const routingSelect = {
  id: true,
  merchantId: true,
  slug: true,
  defaultLocale: true,
  locales: true,
} as const;

function toRouting(
  store: { id: string; merchantId: string; slug: string; defaultLocale: string; locales: string[] },
  via: StoreTenant["via"],
): StoreOfHost {
  const locales = store.locales.filter(isLocale);
  const defaultLocale: Locale = isLocale(store.defaultLocale) ? store.defaultLocale : (locales[0] ?? "en");
  return {
    kind: "store",
    storeId: store.id as StoreId,
    merchantId: store.merchantId as MerchantId,
    slug: store.slug,
    defaultLocale,
    locales: locales.includes(defaultLocale) ? locales : [defaultLocale, ...locales],
    via,
  };
}

/** The store served on `<slug>.<root domain>`, or null. Cached per process (see routing-cache). */
export function findStoreRoutingBySlug(slug: string): Promise<StoreOfHost | null> {
  return cachedLookup(`slug:${slug}`, async () => {
    const store = await db.store.findUnique({ where: { slug }, select: routingSelect });
    return store ? toRouting(store, "subdomain") : null;
  });
}

/** The store served on a verified custom domain, or null. Cached per process (see routing-cache). */
export function findStoreRoutingByDomain(domain: string): Promise<StoreOfHost | null> {
  return cachedLookup(`domain:${domain}`, async () => {
    const row = await db.storeDomain.findFirst({
      where: { domain, status: "VERIFIED" },
      select: { store: { select: routingSelect } },
    });
    return row ? toRouting(row.store, "custom-domain") : null;
  });
}
