-- Orders whose total is above zero but below the payment minimum: each store chooses to complete
-- them without payment (as before, now marked on the order) or to refuse them.
CREATE TYPE "SmallOrderPolicy" AS ENUM ('WAIVE', 'REFUSE');

ALTER TABLE "Store" ADD COLUMN "smallOrderPolicy" "SmallOrderPolicy" NOT NULL DEFAULT 'WAIVE';

ALTER TABLE "Order" ADD COLUMN "paymentWaived" BOOLEAN NOT NULL DEFAULT false;

-- Orders completed without payment before this column existed: nothing was charged for a total above zero.
UPDATE "Order" SET "paymentWaived" = true WHERE "paymentProvider" = 'NONE' AND "totalCents" > 0;
