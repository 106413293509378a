import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "./types";

/**
 * Public storefront pages (home, listing pages, product pages) are rendered once and served from
 * Next's page cache to every visitor: nothing on them depends on who asks (the header's cart count
 * is fetched by the browser). What they read goes through `storefrontCached`, which tags it with
 * the store, so a write that changes what a store shows calls `invalidateStorefronts` and the
 * store's pages render afresh on their next visit. Writes that happen outside a request (stock
 * taken by checkouts, released by expired payments) show within STOREFRONT_TTL_SECONDS.
 *
 * The page files repeat the TTL as the literal `export const revalidate = 60` (Next reads it
 * statically).
 */
export const STOREFRONT_TTL_SECONDS = 60;

export function storefrontTag(slug: string): string {
  return `storefront:${slug}`;
}

/** `read()` cached under `key` for the store `slug`, tagged so `invalidateStorefronts` reaches it. */
export function storefrontCached<T>(slug: string, key: string[], read: () => Promise<T>): Promise<T> {
  return unstable_cache(read, ["storefront", slug, ...key], { tags: [storefrontTag(slug)], revalidate: STOREFRONT_TTL_SECONDS })();
}

/**
 * Drops the cached pages of one store or of every store of a merchant: the next visit renders
 * them from the database (no stale page is served after a merchant's or an admin's change).
 * Call it from server actions and route handlers, after the write committed.
 */
export async function invalidateStorefronts(where: { merchantId: MerchantId | string; storeId?: StoreId | string }): Promise<void> {
  const stores = await db.store.findMany({
    where: { merchantId: where.merchantId, ...(where.storeId ? { id: where.storeId } : {}) },
    select: { slug: true },
  });
  for (const { slug } of stores) revalidateTag(storefrontTag(slug), { expire: 0 });
}
