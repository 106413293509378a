import "server-only";
import { cacheTags, invalidate } from "@/lib/cache";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "./types";

/**
 * Drops the cached pages of one store or of every store of a merchant, in every process: the
 * next visit renders them from the database. Call after the write committed.
 *
 * @deprecated The storefront's reads are tagged through lib/cache.ts; call
 * `invalidate([cacheTags.store(storeId)])` or `invalidate([cacheTags.merchant(merchantId)])`
 * instead. Kept until every action returns its tags to the action pipeline.
 */
export async function invalidateStorefronts(where: { merchantId: MerchantId | string; storeId?: StoreId | string }): Promise<void> {
  if (!where.storeId) return invalidate([cacheTags.merchant(where.merchantId)]);
  // A store id of another merchant reaches nothing.
  const store = await db.store.findFirst({ where: { id: where.storeId, merchantId: where.merchantId }, select: { id: true } });
  if (store) await invalidate([cacheTags.store(store.id)]);
}
