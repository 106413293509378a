import "server-only";
import { revalidateTag } from "next/cache";

/**
 * The one cache model. Reads that may be cached register under typed tags; a mutation says which
 * tags it touched and the action pipeline invalidates them after the commit. lib/ names no route
 * of app/: a page shows fresh data because what it reads is tagged, not because its path is known.
 *
 * - `store(storeId)`: what one store's public storefront shows (its products, coupons, settings);
 * - `merchant(merchantId)`: everything of a merchant (its account area and all its storefronts);
 * - `admin`: the platform admin's pages.
 */
export type CacheTag = `store:${string}` | `merchant:${string}` | "admin";

export const cacheTags = {
  store: (storeId: string): CacheTag => `store:${storeId}`,
  merchant: (merchantId: string): CacheTag => `merchant:${merchantId}`,
  admin: "admin" as CacheTag,
};

/** Drops everything cached under `tags`; the next read renders from the database. Call after the commit. */
export function invalidate(tags: readonly CacheTag[]): void {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
}
