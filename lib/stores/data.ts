import "server-only";
import { db, type Tx } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";

/** A store's settings for its form; null unless the store belongs to `merchantId`. */
export function findStoreSettings(merchantId: MerchantId, storeId: StoreId) {
  return db.store.findFirst({
    where: { id: storeId, merchantId },
    select: {
      id: true,
      name: true,
      status: true,
      logoKey: true,
      contactEmail: true,
      contactPhone: true,
      contactAddress: true,
      shippingCountries: true,
      smallOrderPolicy: true,
      timeZone: true,
      translations: {
        where: { merchantId },
        select: { locale: true, name: true, tagline: true, description: true, closedMessage: true },
      },
    },
  });
}

/**
 * What the store does with orders above zero but below the payment minimum (WAIVE when the store
 * is not the merchant's). Pass `tx` to read inside the checkout transaction.
 */
export async function findSmallOrderPolicy(merchantId: MerchantId, storeId: StoreId, tx?: Tx): Promise<"WAIVE" | "REFUSE"> {
  const store = await (tx ?? db).store.findFirst({ where: { id: storeId, merchantId }, select: { smallOrderPolicy: true } });
  return store?.smallOrderPolicy ?? "WAIVE";
}

/** True when `storageKey` is the current logo of a store of `merchantId` (the file route serves only those). */
export async function isStoreLogoKey(merchantId: string, storageKey: string): Promise<boolean> {
  return (await db.store.count({ where: { merchantId, logoKey: storageKey } })) > 0;
}
