-- Order numbers come from a counter on the store (taken under the store row's lock) rather than
-- from counting the store's orders.
ALTER TABLE "Store" ADD COLUMN "lastOrderNumber" INTEGER NOT NULL DEFAULT 0;
UPDATE "Store" s SET "lastOrderNumber" = o.n FROM (SELECT "storeId", count(*)::int AS n FROM "Order" GROUP BY "storeId") o WHERE o."storeId" = s.id;
ALTER TABLE "Store" ADD CONSTRAINT "Store_lastOrderNumber_nonnegative" CHECK ("lastOrderNumber" >= 0);
