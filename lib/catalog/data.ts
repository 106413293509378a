import "server-only";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";

export interface ProductCard {
  id: string;
  slug: string;
  title: string;
  priceCents: number;
}

/**
 * Public products of a store for its storefront, newest first, titled in `locale` with the
 * store's default locale as the fallback. One query whatever the catalog size.
 */
export async function listPublicProducts(
  merchantId: MerchantId,
  storeId: StoreId,
  locale: Locale,
  defaultLocale: Locale,
  { take = 24, skip = 0 }: { take?: number; skip?: number } = {},
): Promise<ProductCard[]> {
  const rows = await db.product.findMany({
    where: { merchantId, storeId, visibility: "PUBLIC" },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    skip,
    select: {
      id: true,
      slug: true,
      priceCents: true,
      translations: { where: { locale: { in: [locale, defaultLocale] } }, select: { locale: true, title: true } },
    },
  });
  return rows.map((p) => {
    const title =
      p.translations.find((t) => t.locale === locale)?.title ?? p.translations.find((t) => t.locale === defaultLocale)?.title ?? p.slug;
    return { id: p.id, slug: p.slug, title, priceCents: p.priceCents };
  });
}
