import "server-only";
import type { Tx } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";

/**
 * Gives a written order the store's next number (dense per store: "000124"): the counter moves in
 * the same statement that numbers the order, so it stays locked only until the caller's commit.
 * Take it last in a transaction. Null when the store is not the merchant's.
 */
export async function numberOrder(tx: Tx, merchantId: MerchantId, storeId: StoreId | string, orderId: string): Promise<string | null> {
  const [numbered] = await tx.$queryRaw<{ number: string }[]>`
    WITH counter AS (
      UPDATE "Store" SET "lastOrderNumber" = "lastOrderNumber" + 1
      WHERE id = ${storeId} AND "merchantId" = ${merchantId}
      RETURNING "lastOrderNumber"::text AS n
    )
    UPDATE "Order" SET number = lpad(n, greatest(length(n), 6), '0') FROM counter WHERE "Order".id = ${orderId}
    RETURNING "Order".number`;
  return numbered?.number ?? null;
}
