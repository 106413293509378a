-- Store credit, points as payment, and refunds of part of an order.

-- CreateEnum
CREATE TYPE "StoreCreditLedgerKind" AS ENUM ('CREDIT', 'DEBIT', 'RELEASE', 'EXPIRE', 'ADJUST');

-- CreateEnum
CREATE TYPE "StoreCreditOrigin" AS ENUM ('REFUND', 'GOODWILL', 'GIFT_CARD');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SETTLED', 'FAILED');

-- CreateEnum
CREATE TYPE "RefundPartKind" AS ENUM ('PAYMENT', 'STORE_CREDIT', 'GIFT_CARD', 'LOYALTY_POINTS');

-- DropIndex
DROP INDEX "GiftCardLedger_cardId_orderId_kind_key";

-- DropIndex
DROP INDEX "LoyaltyLedger_orderId_kind_key";

-- AlterTable
ALTER TABLE "Cart" ADD COLUMN     "pointsQuantity" INTEGER,
ADD COLUMN     "pointsRewardId" TEXT,
ADD COLUMN     "storeCreditCents" INTEGER;

-- AlterTable
ALTER TABLE "GiftCardLedger" ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "refundId" TEXT;

-- AlterTable
-- Existing rows get a transaction id of their own (the column default fills them without an UPDATE,
-- which the ledger's append-only trigger would refuse); new rows always name theirs.
ALTER TABLE "LoyaltyLedger" ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "refundId" TEXT,
ADD COLUMN     "transactionId" TEXT NOT NULL DEFAULT gen_random_uuid()::text;
ALTER TABLE "LoyaltyLedger" ALTER COLUMN "transactionId" DROP DEFAULT;

-- AlterTable
ALTER TABLE "LoyaltyReward" ADD COLUMN     "onlineCurrency" CHAR(3),
ADD COLUMN     "onlineValueCents" INTEGER;

-- AlterTable
ALTER TABLE "Merchant" ADD COLUMN     "giftCardsToCredit" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "refundCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "refundedCents" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "refundedQuantity" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OrderTender" ADD COLUMN     "loyaltyCardId" TEXT,
ADD COLUMN     "points" INTEGER,
ADD COLUMN     "rewardId" TEXT,
ADD COLUMN     "storeCreditAccountId" TEXT;

-- CreateTable
CREATE TABLE "StoreCreditAccount" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "balanceCents" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoreCreditAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreCreditLedger" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" "StoreCreditLedgerKind" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "balanceAfterCents" INTEGER NOT NULL,
    "origin" "StoreCreditOrigin",
    "expiresAt" TIMESTAMPTZ(3),
    "storeId" TEXT,
    "orderId" TEXT,
    "refundId" TEXT,
    "giftCardId" TEXT,
    "actorUserId" TEXT,
    "transactionId" TEXT NOT NULL,
    "reason" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoreCreditLedger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreCreditLot" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "ledgerId" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3),
    "remainingCents" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoreCreditLot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreCreditSpend" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "debitId" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "returnedCents" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StoreCreditSpend_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "providerCents" INTEGER NOT NULL,
    "toStoreCredit" BOOLEAN NOT NULL,
    "restock" BOOLEAN NOT NULL,
    "reason" TEXT,
    "actorUserId" TEXT,
    "status" "RefundStatus" NOT NULL DEFAULT 'PENDING',
    "transactionId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "settledAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefundLine" (
    "id" TEXT NOT NULL,
    "refundId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,

    CONSTRAINT "RefundLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefundPart" (
    "id" TEXT NOT NULL,
    "refundId" TEXT NOT NULL,
    "kind" "RefundPartKind" NOT NULL,
    "tenderId" TEXT,
    "amountCents" INTEGER NOT NULL,
    "points" INTEGER,

    CONSTRAINT "RefundPart_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StoreCreditAccount_id_merchantId_key" ON "StoreCreditAccount"("id", "merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "StoreCreditAccount_merchantId_customerId_currency_key" ON "StoreCreditAccount"("merchantId", "customerId", "currency");

-- CreateIndex
CREATE UNIQUE INDEX "StoreCreditLedger_idempotencyKey_key" ON "StoreCreditLedger"("idempotencyKey");

-- CreateIndex
CREATE INDEX "StoreCreditLedger_accountId_createdAt_idx" ON "StoreCreditLedger"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "StoreCreditLedger_merchantId_createdAt_idx" ON "StoreCreditLedger"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "StoreCreditLedger_orderId_idx" ON "StoreCreditLedger"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "StoreCreditLedger_id_merchantId_key" ON "StoreCreditLedger"("id", "merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "StoreCreditLot_ledgerId_key" ON "StoreCreditLot"("ledgerId");

-- CreateIndex
CREATE INDEX "StoreCreditLot_accountId_remainingCents_idx" ON "StoreCreditLot"("accountId", "remainingCents");

-- CreateIndex
CREATE INDEX "StoreCreditLot_expiresAt_idx" ON "StoreCreditLot"("expiresAt");

-- CreateIndex
CREATE INDEX "StoreCreditSpend_lotId_idx" ON "StoreCreditSpend"("lotId");

-- CreateIndex
CREATE UNIQUE INDEX "StoreCreditSpend_debitId_lotId_key" ON "StoreCreditSpend"("debitId", "lotId");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_idempotencyKey_key" ON "Refund"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Refund_status_createdAt_idx" ON "Refund"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_id_merchantId_key" ON "Refund"("id", "merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_orderId_number_key" ON "Refund"("orderId", "number");

-- CreateIndex
CREATE INDEX "RefundLine_orderLineId_idx" ON "RefundLine"("orderLineId");

-- CreateIndex
CREATE UNIQUE INDEX "RefundLine_refundId_orderLineId_key" ON "RefundLine"("refundId", "orderLineId");

-- CreateIndex
CREATE INDEX "RefundPart_refundId_idx" ON "RefundPart"("refundId");

-- CreateIndex
CREATE INDEX "RefundPart_tenderId_idx" ON "RefundPart"("tenderId");

-- CreateIndex
CREATE UNIQUE INDEX "GiftCardLedger_idempotencyKey_key" ON "GiftCardLedger"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyLedger_idempotencyKey_key" ON "LoyaltyLedger"("idempotencyKey");

-- CreateIndex
CREATE INDEX "LoyaltyLedger_orderId_idx" ON "LoyaltyLedger"("orderId");

-- AddForeignKey
ALTER TABLE "OrderTender" ADD CONSTRAINT "OrderTender_storeCreditAccountId_merchantId_fkey" FOREIGN KEY ("storeCreditAccountId", "merchantId") REFERENCES "StoreCreditAccount"("id", "merchantId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderTender" ADD CONSTRAINT "OrderTender_loyaltyCardId_merchantId_fkey" FOREIGN KEY ("loyaltyCardId", "merchantId") REFERENCES "LoyaltyCard"("id", "merchantId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoreCreditAccount" ADD CONSTRAINT "StoreCreditAccount_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoreCreditAccount" ADD CONSTRAINT "StoreCreditAccount_customerId_merchantId_fkey" FOREIGN KEY ("customerId", "merchantId") REFERENCES "Customer"("id", "merchantId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoreCreditLedger" ADD CONSTRAINT "StoreCreditLedger_accountId_merchantId_fkey" FOREIGN KEY ("accountId", "merchantId") REFERENCES "StoreCreditAccount"("id", "merchantId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoreCreditLot" ADD CONSTRAINT "StoreCreditLot_accountId_merchantId_fkey" FOREIGN KEY ("accountId", "merchantId") REFERENCES "StoreCreditAccount"("id", "merchantId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoreCreditLot" ADD CONSTRAINT "StoreCreditLot_ledgerId_fkey" FOREIGN KEY ("ledgerId") REFERENCES "StoreCreditLedger"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoreCreditSpend" ADD CONSTRAINT "StoreCreditSpend_debitId_merchantId_fkey" FOREIGN KEY ("debitId", "merchantId") REFERENCES "StoreCreditLedger"("id", "merchantId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoreCreditSpend" ADD CONSTRAINT "StoreCreditSpend_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "StoreCreditLot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_orderId_merchantId_fkey" FOREIGN KEY ("orderId", "merchantId") REFERENCES "Order"("id", "merchantId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundPart" ADD CONSTRAINT "RefundPart_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundPart" ADD CONSTRAINT "RefundPart_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "OrderTender"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: the keys the order-tied rows of the ledgers would have been written with, so the
-- unique keys keep guarding them as the dropped (order, kind) uniques did.
ALTER TABLE "LoyaltyLedger" DISABLE TRIGGER loyalty_ledger_append_only;
UPDATE "LoyaltyLedger" SET "idempotencyKey" = 'order:' || "orderId" || ':' || lower("kind"::text) WHERE "orderId" IS NOT NULL;
ALTER TABLE "LoyaltyLedger" ENABLE TRIGGER loyalty_ledger_append_only;
UPDATE "GiftCardLedger" SET "idempotencyKey" = 'order:' || "orderId" || ':' || lower("kind"::text) || ':' || "cardId" WHERE "orderId" IS NOT NULL;

-- Backfill: every refunded order had one refund of all of it; the settled ones are SETTLED, the
-- others stay PENDING for the interrupted-refund sweep.
INSERT INTO "Refund" ("id", "merchantId", "storeId", "orderId", "number", "amountCents", "providerCents", "toStoreCredit", "restock",
  "status", "transactionId", "idempotencyKey", "settledAt", "createdAt", "updatedAt")
SELECT 'legacy-' || o."id", o."merchantId", o."storeId", o."id", 1, o."totalCents",
  CASE WHEN o."paymentProvider" = 'STRIPE' AND NOT o."paymentWaived" THEN o."amountDueCents" ELSE 0 END, false, false,
  CASE WHEN o."refundSettledAt" IS NULL THEN 'PENDING'::"RefundStatus" ELSE 'SETTLED'::"RefundStatus" END,
  gen_random_uuid()::text, 'legacy:' || o."id", o."refundSettledAt", coalesce(o."refundedAt", o."updatedAt"), coalesce(o."refundedAt", o."updatedAt")
FROM "Order" o WHERE o."status" = 'REFUNDED';
UPDATE "Order" SET "refundedCents" = "totalCents", "refundCount" = 1 WHERE "status" = 'REFUNDED';
UPDATE "OrderLine" l SET "refundedQuantity" = l."quantity" FROM "Order" o WHERE o."id" = l."orderId" AND o."status" = 'REFUNDED';
ALTER TABLE "Order" DROP COLUMN "refundSettledAt";

-- Money and counts that must hold whatever the code does.
ALTER TABLE "Order" ADD CONSTRAINT "Order_refunded_within_total" CHECK ("refundedCents" BETWEEN 0 AND "totalCents" AND "refundCount" >= 0);
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_refunded_within_quantity" CHECK ("refundedQuantity" BETWEEN 0 AND "quantity");
ALTER TABLE "Cart" ADD CONSTRAINT "Cart_tenders" CHECK (
  ("storeCreditCents" IS NULL OR "storeCreditCents" > 0)
  AND (("pointsRewardId" IS NULL) = ("pointsQuantity" IS NULL))
  AND ("pointsQuantity" IS NULL OR "pointsQuantity" BETWEEN 1 AND 99)
);
ALTER TABLE "LoyaltyReward" ADD CONSTRAINT "LoyaltyReward_online_value" CHECK (
  (("onlineValueCents" IS NULL) = ("onlineCurrency" IS NULL)) AND ("onlineValueCents" IS NULL OR "onlineValueCents" > 0)
);
ALTER TABLE "LoyaltyLedger" DROP CONSTRAINT "LoyaltyLedger_amount_check";
ALTER TABLE "LoyaltyLedger" ADD CONSTRAINT "LoyaltyLedger_amount_check" CHECK (
  "amount" <> 0
  AND ("kind" NOT IN ('EARN', 'BONUS', 'RELEASE') OR "amount" > 0)
  AND ("kind" <> 'REDEEM' OR ("amount" < 0 AND "rewardId" IS NOT NULL))
  AND ("kind" <> 'REVERSAL' OR "reversesId" IS NOT NULL)
  AND ("kind" <> 'RELEASE' OR "orderId" IS NOT NULL)
  AND ("kind" <> 'REFUND' OR ("orderId" IS NOT NULL AND "refundId" IS NOT NULL))
);
ALTER TABLE "OrderTender" ADD CONSTRAINT "OrderTender_store_credit" CHECK (("kind" = 'STORE_CREDIT') = ("storeCreditAccountId" IS NOT NULL));
ALTER TABLE "OrderTender" ADD CONSTRAINT "OrderTender_points" CHECK (
  ("kind" = 'LOYALTY_POINTS') = ("loyaltyCardId" IS NOT NULL)
  AND ("kind" = 'LOYALTY_POINTS') = ("rewardId" IS NOT NULL)
  AND ("kind" = 'LOYALTY_POINTS') = ("points" IS NOT NULL)
  AND ("points" IS NULL OR "points" > 0)
);
ALTER TABLE "StoreCreditAccount" ADD CONSTRAINT "StoreCreditAccount_balance_nonnegative" CHECK ("balanceCents" >= 0);
ALTER TABLE "StoreCreditLedger" ADD CONSTRAINT "StoreCreditLedger_balance_nonnegative" CHECK ("balanceAfterCents" >= 0);
ALTER TABLE "StoreCreditLedger" ADD CONSTRAINT "StoreCreditLedger_amount_sign" CHECK (
  ("kind" IN ('CREDIT', 'RELEASE') AND "amountCents" > 0)
  OR ("kind" IN ('DEBIT', 'EXPIRE') AND "amountCents" < 0)
  OR ("kind" = 'ADJUST' AND "amountCents" <> 0)
);
ALTER TABLE "StoreCreditLedger" ADD CONSTRAINT "StoreCreditLedger_origin" CHECK (("kind" = 'CREDIT') = ("origin" IS NOT NULL));
ALTER TABLE "StoreCreditLot" ADD CONSTRAINT "StoreCreditLot_remaining_nonnegative" CHECK ("remainingCents" >= 0);
ALTER TABLE "StoreCreditSpend" ADD CONSTRAINT "StoreCreditSpend_amounts" CHECK ("amountCents" > 0 AND "returnedCents" BETWEEN 0 AND "amountCents");
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_amounts" CHECK ("number" > 0 AND "amountCents" >= 0 AND "providerCents" BETWEEN 0 AND "amountCents");
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_amounts" CHECK ("quantity" > 0 AND "amountCents" >= 0);
ALTER TABLE "RefundPart" ADD CONSTRAINT "RefundPart_amounts" CHECK (
  "amountCents" > 0
  AND (("kind" = 'LOYALTY_POINTS') = ("points" IS NOT NULL))
  AND ("points" IS NULL OR "points" >= 0)
  AND ("kind" NOT IN ('GIFT_CARD', 'LOYALTY_POINTS') OR "tenderId" IS NOT NULL)
  AND ("kind" <> 'PAYMENT' OR "tenderId" IS NULL)
);

-- The store-credit ledger is append-only: corrections are ADJUST rows.
CREATE FUNCTION store_credit_ledger_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'StoreCreditLedger rows are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER store_credit_ledger_append_only BEFORE UPDATE ON "StoreCreditLedger" FOR EACH ROW EXECUTE FUNCTION store_credit_ledger_append_only();

CREATE TRIGGER set_updated_at BEFORE UPDATE ON "StoreCreditAccount" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "Refund" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
