import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { db, type Tx } from "@/lib/db";
import { CACHE_CHANNEL, invalidationPayloads } from "./cache-handler.mjs";

/**
 * The one cache model. Reads that may be cached register under typed tags (`cached`); a mutation
 * says which tags it touched and the action pipeline invalidates them after the commit. lib/ names
 * no route of app/: a page shows fresh data because what it reads is tagged, not because its path
 * is known. Cached pages and data live in each Next process (lib/cache-handler.mjs, Next's
 * `cacheHandler`); an invalidation reaches every process at once through PostgreSQL NOTIFY.
 *
 * - `store(storeId)`: what one store's public storefront shows (its products, coupons, settings);
 * - `storefronts(merchantId)`: what every storefront of a merchant shows of the merchant (its
 *   status, its loyalty program);
 * - `account(merchantId)`: the merchant's account area (its pages render per request: the tag makes
 *   the page an action came from render afresh, and reaches any read of it that gets cached);
 * - `admin`: the platform admin's pages.
 *
 * A change to the account area alone (staff, orders) leaves the cached storefront pages alone.
 */
export type CacheTag = `store:${string}` | `storefronts:${string}` | `account:${string}` | "admin";

export const cacheTags = {
  store: (storeId: string): CacheTag => `store:${storeId}`,
  storefronts: (merchantId: string): CacheTag => `storefronts:${merchantId}`,
  account: (merchantId: string): CacheTag => `account:${merchantId}`,
  admin: "admin" as CacheTag,
};

/**
 * The tags of what a store's public storefront reads: its own, and its merchant's storefronts',
 * so a merchant-wide change (suspension, the loyalty program) reaches every store of the merchant.
 */
export function storefrontTags(store: { id: string; merchantId: string }): CacheTag[] {
  return [cacheTags.store(store.id), cacheTags.storefronts(store.merchantId)];
}

/**
 * A safety net: cached reads and the cached storefront pages are rendered afresh after this long
 * even when no invalidation came. The page files repeat it as the literal `export const
 * revalidate = 60` (Next reads it statically).
 */
export const CACHE_TTL_SECONDS = 60;

/**
 * `read()` cached under `key` and registered under `tags`: the same answer for every visitor until
 * one of the tags is invalidated (or CACHE_TTL_SECONDS pass). `key` must name everything the read
 * depends on (ids, locale, page). A page that calls it is cached under the same tags.
 */
export function cached<T>(tags: readonly CacheTag[], key: readonly string[], read: () => Promise<T>): Promise<T> {
  return unstable_cache(read, [...key], { tags: [...tags], revalidate: CACHE_TTL_SECONDS })();
}

/**
 * Drops everything cached under `tags` in every process; the next read renders from the database.
 * Call after the commit. In a server action or route handler Next also knows of it at once (the
 * action's own response renders fresh); elsewhere (the worker, scripts) the notification alone
 * carries it.
 */
export async function invalidate(tags: readonly CacheTag[]): Promise<void> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  try {
    // Next hands these to the cache handler after the action, which tells every process.
    for (const tag of unique) revalidateTag(tag, { expire: 0 });
    return;
  } catch {
    // Outside a request of a Next server: no Next cache here to tell.
  }
  for (const payload of invalidationPayloads(unique)) await db.$executeRaw`SELECT pg_notify(${CACHE_CHANNEL}, ${payload})`;
}

/**
 * Drops everything cached under `tags` in every process when `tx` commits (PostgreSQL delivers
 * the notification then; a rolled-back transaction drops nothing). For writes outside the action
 * pipeline that change what a storefront shows: stock taken by a checkout, released by a failed
 * or expired payment.
 */
export async function invalidateOnCommit(tx: Tx, tags: readonly CacheTag[]): Promise<void> {
  for (const payload of invalidationPayloads(tags)) await tx.$executeRaw`SELECT pg_notify(${CACHE_CHANNEL}, ${payload})`;
}
