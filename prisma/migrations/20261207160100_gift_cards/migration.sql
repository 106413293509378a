-- CreateEnum
CREATE TYPE "TenderKind" AS ENUM ('GIFT_CARD', 'STORE_CREDIT', 'LOYALTY_POINTS');

-- CreateEnum
CREATE TYPE "GiftCardStatus" AS ENUM ('ACTIVE', 'DISABLED', 'EXPIRED', 'USED_UP');

-- CreateEnum
CREATE TYPE "GiftCardSource" AS ENUM ('PURCHASE', 'BONUS', 'MANUAL');

-- CreateEnum
CREATE TYPE "GiftCardLedgerKind" AS ENUM ('ISSUE', 'REDEEM', 'RELEASE', 'REFUND', 'ADJUST', 'EXPIRE');

-- DropIndex
DROP INDEX "CartLine_cartId_productId_key";

-- AlterTable
ALTER TABLE "CartLine" ADD COLUMN     "giftCard" JSONB,
ADD COLUMN     "giftCardAmountCents" INTEGER,
ADD COLUMN     "lineKey" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "sendAfter" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Merchant" ADD COLUMN     "giftCardExpiryMonths" INTEGER;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "amountDueCents" INTEGER,
ADD COLUMN     "tenderedCents" INTEGER NOT NULL DEFAULT 0;
-- Orders so far had no tenders: the provider was owed the whole total.
UPDATE "Order" SET "amountDueCents" = "totalCents";
ALTER TABLE "Order" ALTER COLUMN "amountDueCents" SET NOT NULL;

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "giftCard" JSONB;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "giftCardAmounts" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "giftCardMaxCents" INTEGER,
ADD COLUMN     "giftCardMinCents" INTEGER;

-- CreateTable
CREATE TABLE "CartGiftCard" (
    "cartId" TEXT NOT NULL,
    "giftCardId" TEXT NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CartGiftCard_pkey" PRIMARY KEY ("cartId","giftCardId")
);

-- CreateTable
CREATE TABLE "OrderTender" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" "TenderKind" NOT NULL,
    "giftCardId" TEXT,
    "amountCents" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderTender_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GiftCard" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "codeHash" TEXT NOT NULL,
    "last4" CHAR(4) NOT NULL,
    "initialCents" INTEGER NOT NULL,
    "balanceCents" INTEGER NOT NULL,
    "status" "GiftCardStatus" NOT NULL DEFAULT 'ACTIVE',
    "source" "GiftCardSource" NOT NULL,
    "expiresAt" TIMESTAMPTZ(3),
    "lockedCustomerId" TEXT,
    "storeId" TEXT,
    "orderId" TEXT,
    "orderLineId" TEXT,
    "unitIndex" INTEGER,
    "purchaserCustomerId" TEXT,
    "bonusForId" TEXT,
    "issuedByUserId" TEXT,
    "note" TEXT,
    "recipientName" TEXT,
    "recipientEmail" TEXT,
    "message" TEXT,
    "deliverAt" TIMESTAMPTZ(3),
    "deliveryLocale" TEXT NOT NULL,
    "deliveryEmailId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GiftCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GiftCardLedger" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "kind" "GiftCardLedgerKind" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "balanceAfterCents" INTEGER NOT NULL,
    "storeId" TEXT,
    "orderId" TEXT,
    "actorUserId" TEXT,
    "transactionId" TEXT NOT NULL,
    "reason" TEXT,
    "reversesId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GiftCardLedger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GiftCardPromotion" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "minPurchaseCents" INTEGER NOT NULL,
    "bonusCents" INTEGER NOT NULL,
    "bonusValidDays" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GiftCardPromotion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CartGiftCard_giftCardId_idx" ON "CartGiftCard"("giftCardId");

-- CreateIndex
CREATE INDEX "OrderTender_giftCardId_idx" ON "OrderTender"("giftCardId");

-- CreateIndex
CREATE UNIQUE INDEX "OrderTender_orderId_kind_giftCardId_key" ON "OrderTender"("orderId", "kind", "giftCardId");

-- CreateIndex
CREATE UNIQUE INDEX "GiftCard_codeHash_key" ON "GiftCard"("codeHash");

-- CreateIndex
CREATE UNIQUE INDEX "GiftCard_bonusForId_key" ON "GiftCard"("bonusForId");

-- CreateIndex
CREATE INDEX "GiftCard_merchantId_last4_idx" ON "GiftCard"("merchantId", "last4");

-- CreateIndex
CREATE INDEX "GiftCard_merchantId_createdAt_idx" ON "GiftCard"("merchantId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "GiftCard_merchantId_recipientEmail_idx" ON "GiftCard"("merchantId", "recipientEmail");

-- CreateIndex
CREATE INDEX "GiftCard_purchaserCustomerId_idx" ON "GiftCard"("purchaserCustomerId");

-- CreateIndex
CREATE INDEX "GiftCard_status_expiresAt_idx" ON "GiftCard"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "GiftCard_id_merchantId_key" ON "GiftCard"("id", "merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "GiftCard_orderLineId_unitIndex_key" ON "GiftCard"("orderLineId", "unitIndex");

-- CreateIndex
CREATE UNIQUE INDEX "GiftCardLedger_reversesId_key" ON "GiftCardLedger"("reversesId");

-- CreateIndex
CREATE INDEX "GiftCardLedger_cardId_createdAt_idx" ON "GiftCardLedger"("cardId", "createdAt");

-- CreateIndex
CREATE INDEX "GiftCardLedger_merchantId_createdAt_idx" ON "GiftCardLedger"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "GiftCardLedger_orderId_idx" ON "GiftCardLedger"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "GiftCardLedger_cardId_orderId_kind_key" ON "GiftCardLedger"("cardId", "orderId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "GiftCardPromotion_merchantId_currency_key" ON "GiftCardPromotion"("merchantId", "currency");

-- CreateIndex
CREATE UNIQUE INDEX "CartLine_cartId_productId_lineKey_key" ON "CartLine"("cartId", "productId", "lineKey");

-- AddForeignKey
ALTER TABLE "CartGiftCard" ADD CONSTRAINT "CartGiftCard_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "Cart"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartGiftCard" ADD CONSTRAINT "CartGiftCard_giftCardId_fkey" FOREIGN KEY ("giftCardId") REFERENCES "GiftCard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderTender" ADD CONSTRAINT "OrderTender_orderId_merchantId_fkey" FOREIGN KEY ("orderId", "merchantId") REFERENCES "Order"("id", "merchantId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderTender" ADD CONSTRAINT "OrderTender_giftCardId_merchantId_fkey" FOREIGN KEY ("giftCardId", "merchantId") REFERENCES "GiftCard"("id", "merchantId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftCard" ADD CONSTRAINT "GiftCard_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftCard" ADD CONSTRAINT "GiftCard_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftCard" ADD CONSTRAINT "GiftCard_bonusForId_fkey" FOREIGN KEY ("bonusForId") REFERENCES "GiftCard"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftCardLedger" ADD CONSTRAINT "GiftCardLedger_cardId_merchantId_fkey" FOREIGN KEY ("cardId", "merchantId") REFERENCES "GiftCard"("id", "merchantId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftCardLedger" ADD CONSTRAINT "GiftCardLedger_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "GiftCardLedger"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftCardPromotion" ADD CONSTRAINT "GiftCardPromotion_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Money and balances the application relies on, checked by the database too.
ALTER TABLE "Order" DROP CONSTRAINT "Order_money_consistent";
ALTER TABLE "Order" ADD CONSTRAINT "Order_money_consistent" CHECK (
  "subtotalCents" >= 0 AND "discountCents" >= 0 AND "totalCents" >= 0
  AND "totalCents" = "subtotalCents" - "discountCents"
  AND "tenderedCents" >= 0 AND "amountDueCents" >= 0
  AND "amountDueCents" = "totalCents" - "tenderedCents"
);
ALTER TABLE "OrderTender" ADD CONSTRAINT "OrderTender_amount_positive" CHECK ("amountCents" > 0);
ALTER TABLE "OrderTender" ADD CONSTRAINT "OrderTender_gift_card" CHECK (("kind" = 'GIFT_CARD') = ("giftCardId" IS NOT NULL));
ALTER TABLE "CartLine" ADD CONSTRAINT "CartLine_gift_card_amount" CHECK ("giftCardAmountCents" IS NULL OR "giftCardAmountCents" > 0);
ALTER TABLE "Product" ADD CONSTRAINT "Product_gift_card_amounts" CHECK (
  "kind" <> 'GIFT_CARD'
  OR (cardinality("giftCardAmounts") > 0 AND "giftCardMinCents" IS NULL AND "giftCardMaxCents" IS NULL
      AND 0 < ALL ("giftCardAmounts"))
  OR (cardinality("giftCardAmounts") = 0 AND "giftCardMinCents" > 0 AND "giftCardMaxCents" >= "giftCardMinCents")
);
ALTER TABLE "Merchant" ADD CONSTRAINT "Merchant_giftCardExpiryMonths_positive" CHECK ("giftCardExpiryMonths" IS NULL OR "giftCardExpiryMonths" BETWEEN 1 AND 240);
ALTER TABLE "GiftCard" ADD CONSTRAINT "GiftCard_balance_nonnegative" CHECK ("balanceCents" >= 0);
ALTER TABLE "GiftCard" ADD CONSTRAINT "GiftCard_initial_positive" CHECK ("initialCents" > 0);
ALTER TABLE "GiftCard" ADD CONSTRAINT "GiftCard_codeHash_format" CHECK ("codeHash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "GiftCard" ADD CONSTRAINT "GiftCard_last4_format" CHECK ("last4" ~ '^[0-9A-Z]{4}$');
ALTER TABLE "GiftCard" ADD CONSTRAINT "GiftCard_message_length" CHECK ("message" IS NULL OR char_length("message") <= 500);
ALTER TABLE "GiftCard" ADD CONSTRAINT "GiftCard_recipientEmail_normalized" CHECK ("recipientEmail" IS NULL OR "recipientEmail" = lower(btrim("recipientEmail")));
-- An active card holds money and a used-up one none; disabled and expired cards may hold either.
ALTER TABLE "GiftCard" ADD CONSTRAINT "GiftCard_status_balance" CHECK (
  ("status" <> 'ACTIVE' OR "balanceCents" > 0) AND ("status" <> 'USED_UP' OR "balanceCents" = 0)
);
ALTER TABLE "GiftCardLedger" ADD CONSTRAINT "GiftCardLedger_balance_nonnegative" CHECK ("balanceAfterCents" >= 0);
ALTER TABLE "GiftCardLedger" ADD CONSTRAINT "GiftCardLedger_amount_sign" CHECK (
  ("kind" IN ('ISSUE', 'RELEASE', 'REFUND') AND "amountCents" > 0)
  OR ("kind" IN ('REDEEM', 'EXPIRE') AND "amountCents" < 0)
  OR ("kind" = 'ADJUST' AND "amountCents" <> 0)
);
ALTER TABLE "GiftCardPromotion" ADD CONSTRAINT "GiftCardPromotion_amounts_positive" CHECK ("minPurchaseCents" > 0 AND "bonusCents" > 0 AND "bonusValidDays" BETWEEN 1 AND 3650);

CREATE TRIGGER set_updated_at BEFORE UPDATE ON "GiftCard" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "GiftCardPromotion" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
