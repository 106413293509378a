import type { Locale } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

/** Pure catalog rules shared by the merchant area, the storefront and the cart. */

export const SLUG_MAX_LENGTH = 80;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A product slug: lowercase letters and digits in words joined by single hyphens. Input is trimmed and lower-cased first. */
export function normalizeSlug(raw: string): string {
  return raw.trim().toLowerCase();
}

export function isValidSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(slug);
}

/**
 * The text of a product in `locale`, else in the store's default locale, else `fallback`.
 * Blank translations count as missing.
 */
export function pickTranslation<T extends { locale: string; title: string }>(
  translations: readonly T[],
  locale: Locale,
  defaultLocale: Locale,
): T | undefined {
  const usable = (l: Locale) => translations.find((t) => t.locale === l && t.title.trim() !== "");
  return usable(locale) ?? usable(defaultLocale);
}

export type ProductVisibility = "DRAFT" | "HIDDEN" | "PUBLIC";

/** Whether a customer may open (and buy) a product: public or hidden, and not archived. */
export function isOnSale(product: { visibility: ProductVisibility; archivedAt: Date | null }): boolean {
  return product.archivedAt === null && product.visibility !== "DRAFT";
}

export const STOREFRONT_PAGE_SIZE = 12;

/** The page a listing path segment (/page/N) names: a positive integer without leading zeros, else null. */
export function listingPageNumber(raw: string): number | null {
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null;
}

/** The storefront path of catalog page `page`: the home page for page 1, /page/N after it. */
export function storefrontListingPath(page: number, locale: Locale, defaultLocale: Locale): string {
  return localizedPath(page === 1 ? "/" : `/page/${page}`, locale, defaultLocale);
}

/**
 * The page numbers a pagination shows: the first and last page, the current one and `radius`
 * on each side of it; "gap" where numbers are left out. A catalog of hundreds of pages stays a
 * short list.
 */
export function pageWindow(page: number, pageCount: number, radius = 2): Array<number | "gap"> {
  const kept = (n: number) => n === 1 || n === pageCount || Math.abs(n - page) <= radius;
  const shown: Array<number | "gap"> = [];
  for (let n = 1; n <= pageCount; n++) {
    // A gap would hide a single page: show that page instead.
    if (kept(n) || (kept(n - 1) && kept(n + 1))) shown.push(n);
    else if (shown.at(-1) !== "gap") shown.push("gap");
  }
  return shown;
}

/** Number of pages for `total` items (at least 1, so an empty catalog still has its first page). */
export function pageCount(total: number, pageSize = STOREFRONT_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Where a product image is served (same path on the apex and on every store host). */
export function productImageUrl(storageKey: string): string {
  return `/api/files/${storageKey}`;
}
