-- The storefront listing reads a store's public products newest first, with the id as a tie-breaker.
DROP INDEX "Product_storeId_visibility_createdAt_idx";
CREATE INDEX "Product_storeId_visibility_createdAt_id_idx" ON "Product"("storeId", "visibility", "createdAt" DESC, "id");

-- A store's orders in the merchant area, newest first.
CREATE INDEX "Order_storeId_createdAt_id_idx" ON "Order"("storeId", "createdAt" DESC, "id");
