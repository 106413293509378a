import "server-only";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/locales";
import { offerOf } from "@/lib/gift-cards/rules";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { isOnSale, pageCount, pickTranslation, STOREFRONT_PAGE_SIZE } from "./rules";
import type { CatalogProductForCart, ProductForEdit, ProductListItem, StorefrontPage, StorefrontProduct } from "./types";

/**
 * Catalog reads. Every function takes the branded MerchantId (only the gates hand it out) and
 * the store id, and both go into every `where`: a product of another merchant or store is
 * simply not found.
 */

const offerColumns = { kind: true, giftCardAmounts: true, giftCardMinCents: true, giftCardMaxCents: true } as const;

/** A gift-card product's offer; null for other kinds. */
function giftCardOfferOf(p: { kind: string; giftCardAmounts: number[]; giftCardMinCents: number | null; giftCardMaxCents: number | null }) {
  return p.kind === "GIFT_CARD" ? offerOf(p) : null;
}

const firstImage = { orderBy: [{ position: "asc" as const }, { createdAt: "asc" as const }], take: 1, select: { storageKey: true } };

function titleOf(translations: Array<{ locale: string; title: string }>, locale: Locale, defaultLocale: Locale, slug: string): string {
  return pickTranslation(translations, locale, defaultLocale)?.title ?? slug;
}

/**
 * One page of a storefront's listing: public, non-archived products, newest first, titled in
 * `locale` with the store's default locale as the fallback. A page past the end is empty.
 */
export async function listPublicProducts(
  merchantId: MerchantId,
  storeId: StoreId,
  locale: Locale,
  defaultLocale: Locale,
  page = 1,
  pageSize = STOREFRONT_PAGE_SIZE,
): Promise<StorefrontPage> {
  const where = { merchantId, storeId, visibility: "PUBLIC" as const, archivedAt: null };
  const [total, rows] = await Promise.all([
    db.product.count({ where }),
    db.product.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: pageSize,
      skip: (page - 1) * pageSize,
      select: {
        id: true,
        slug: true,
        priceCents: true,
        stock: true,
        ...offerColumns,
        translations: { where: { locale: { in: [locale, defaultLocale] } }, select: { locale: true, title: true } },
        images: firstImage,
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: pageCount(total, pageSize),
    products: rows.map((p) => ({
      id: p.id,
      slug: p.slug,
      title: titleOf(p.translations, locale, defaultLocale, p.slug),
      priceCents: p.priceCents,
      stock: p.stock,
      imageKey: p.images[0]?.storageKey ?? null,
      giftCardOffer: giftCardOfferOf(p),
    })),
  };
}

/**
 * A product page of the storefront: public or hidden (hidden ones open by link only), never a
 * draft or an archived product. Title and description in `locale`, else the default locale.
 */
export async function findStorefrontProduct(
  merchantId: MerchantId,
  storeId: StoreId,
  slug: string,
  locale: Locale,
  defaultLocale: Locale,
): Promise<StorefrontProduct | null> {
  const p = await db.product.findFirst({
    where: { merchantId, storeId, slug, archivedAt: null, visibility: { in: ["PUBLIC", "HIDDEN"] } },
    select: {
      id: true,
      slug: true,
      priceCents: true,
      stock: true,
      ...offerColumns,
      visibility: true,
      translations: { where: { locale: { in: [locale, defaultLocale] } }, select: { locale: true, title: true, description: true } },
      images: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { storageKey: true } },
    },
  });
  if (!p || p.visibility === "DRAFT") return null;
  const text = pickTranslation(p.translations, locale, defaultLocale);
  return {
    id: p.id,
    slug: p.slug,
    title: text?.title ?? p.slug,
    description: text?.description ?? "",
    priceCents: p.priceCents,
    stock: p.stock,
    kind: p.kind,
    visibility: p.visibility,
    imageKeys: p.images.map((i) => i.storageKey),
    giftCardOffer: giftCardOfferOf(p),
  };
}

/** Every product of a store for the merchant area, archived ones last, titled in the store's default locale. */
export async function listStoreProducts(merchantId: MerchantId, storeId: StoreId, defaultLocale: Locale): Promise<ProductListItem[]> {
  const rows = await db.product.findMany({
    where: { merchantId, storeId },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      priceCents: true,
      stock: true,
      kind: true,
      visibility: true,
      archivedAt: true,
      translations: { where: { locale: defaultLocale }, select: { locale: true, title: true } },
      images: firstImage,
    },
  });
  return rows.map((p) => ({
    id: p.id,
    slug: p.slug,
    title: titleOf(p.translations, defaultLocale, defaultLocale, p.slug),
    priceCents: p.priceCents,
    stock: p.stock,
    kind: p.kind,
    visibility: p.visibility,
    archived: p.archivedAt !== null,
    imageKey: p.images[0]?.storageKey ?? null,
  }));
}

/** A product of the store with everything the edit form shows, or null (another store's or merchant's id included). */
export async function findProductForEdit(merchantId: MerchantId, storeId: StoreId, productId: string): Promise<ProductForEdit | null> {
  const p = await db.product.findFirst({
    where: { id: productId, merchantId, storeId },
    select: {
      id: true,
      slug: true,
      priceCents: true,
      stock: true,
      kind: true,
      visibility: true,
      archivedAt: true,
      digitalFileKey: true,
      giftCardAmounts: true,
      giftCardMinCents: true,
      giftCardMaxCents: true,
      translations: { select: { locale: true, title: true, description: true } },
      images: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, storageKey: true } },
    },
  });
  if (!p) return null;
  return {
    id: p.id,
    slug: p.slug,
    priceCents: p.priceCents,
    stock: p.stock,
    kind: p.kind,
    visibility: p.visibility,
    archived: p.archivedAt !== null,
    hasDigitalFile: p.digitalFileKey !== null,
    giftCardOffer: giftCardOfferOf(p),
    translations: p.translations,
    images: p.images,
  };
}

/**
 * Live catalog data of some products of one store, for carts and checkout: ids of another store
 * or merchant are left out. Titles in `locale` with the default locale as the fallback.
 */
export async function findProductsForCart(
  merchantId: MerchantId,
  storeId: StoreId,
  productIds: readonly string[],
  locale: Locale,
  defaultLocale: Locale,
): Promise<CatalogProductForCart[]> {
  if (productIds.length === 0) return [];
  const rows = await db.product.findMany({
    where: { merchantId, storeId, id: { in: [...new Set(productIds)] } },
    select: {
      id: true,
      slug: true,
      priceCents: true,
      stock: true,
      kind: true,
      visibility: true,
      archivedAt: true,
      translations: { where: { locale: { in: [locale, defaultLocale] } }, select: { locale: true, title: true } },
      images: firstImage,
    },
  });
  return rows.map((p) => ({
    id: p.id,
    slug: p.slug,
    title: titleOf(p.translations, locale, defaultLocale, p.slug),
    priceCents: p.priceCents,
    stock: p.stock,
    kind: p.kind,
    visibility: p.visibility,
    archived: p.archivedAt !== null,
    onSale: isOnSale(p),
    imageKey: p.images[0]?.storageKey ?? null,
  }));
}

/** Whether a storage key is an image of a product of `merchantId` (the file route serves nothing else). */
export async function isProductImageKey(merchantId: string, storageKey: string): Promise<boolean> {
  const image = await db.productImage.findFirst({ where: { merchantId, storageKey }, select: { id: true } });
  return image !== null;
}
