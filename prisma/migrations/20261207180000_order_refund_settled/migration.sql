-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "refundSettledAt" TIMESTAMPTZ(3);

-- Refunds so far settled their give-backs when they were made.
UPDATE "Order" SET "refundSettledAt" = "refundedAt" WHERE status = 'REFUNDED';
