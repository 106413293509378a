-- CreateEnum
CREATE TYPE "LoyaltyProgramType" AS ENUM ('POINTS', 'STAMPS');

-- CreateEnum
CREATE TYPE "LoyaltyProgramStatus" AS ENUM ('DRAFT', 'ACTIVE');

-- CreateEnum
CREATE TYPE "LoyaltyLedgerKind" AS ENUM ('EARN', 'REDEEM', 'BONUS', 'REVERSAL');

-- CreateTable
CREATE TABLE "LoyaltyProgram" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "type" "LoyaltyProgramType" NOT NULL,
    "status" "LoyaltyProgramStatus" NOT NULL DEFAULT 'DRAFT',
    "pointsPerUnit" INTEGER,
    "welcomeBonus" INTEGER NOT NULL DEFAULT 0,
    "stampsPerVisit" INTEGER,
    "cooldownMinutes" INTEGER NOT NULL DEFAULT 0,
    "dailyCap" INTEGER,
    "termsText" TEXT,
    "termsUrl" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoyaltyProgram_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoyaltyReward" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "cost" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoyaltyReward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoyaltyRewardTranslation" (
    "rewardId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "LoyaltyRewardTranslation_pkey" PRIMARY KEY ("rewardId","locale")
);

-- CreateTable
CREATE TABLE "LoyaltyCard" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "storeId" TEXT,
    "lastEarnedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoyaltyCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoyaltyLedger" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "kind" "LoyaltyLedgerKind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "storeId" TEXT,
    "staffUserId" TEXT,
    "orderId" TEXT,
    "rewardId" TEXT,
    "reversesId" TEXT,
    "spendCents" INTEGER,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoyaltyLedger_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyProgram_merchantId_key" ON "LoyaltyProgram"("merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyProgram_id_merchantId_key" ON "LoyaltyProgram"("id", "merchantId");

-- CreateIndex
CREATE INDEX "LoyaltyReward_programId_idx" ON "LoyaltyReward"("programId");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyReward_id_merchantId_key" ON "LoyaltyReward"("id", "merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyCard_number_key" ON "LoyaltyCard"("number");

-- CreateIndex
CREATE INDEX "LoyaltyCard_merchantId_createdAt_idx" ON "LoyaltyCard"("merchantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyCard_id_merchantId_key" ON "LoyaltyCard"("id", "merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyCard_customerId_merchantId_key" ON "LoyaltyCard"("customerId", "merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyLedger_reversesId_key" ON "LoyaltyLedger"("reversesId");

-- CreateIndex
CREATE INDEX "LoyaltyLedger_cardId_createdAt_idx" ON "LoyaltyLedger"("cardId", "createdAt");

-- CreateIndex
CREATE INDEX "LoyaltyLedger_merchantId_createdAt_idx" ON "LoyaltyLedger"("merchantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyLedger_orderId_kind_key" ON "LoyaltyLedger"("orderId", "kind");

-- AddForeignKey
ALTER TABLE "LoyaltyProgram" ADD CONSTRAINT "LoyaltyProgram_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoyaltyReward" ADD CONSTRAINT "LoyaltyReward_programId_merchantId_fkey" FOREIGN KEY ("programId", "merchantId") REFERENCES "LoyaltyProgram"("id", "merchantId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoyaltyRewardTranslation" ADD CONSTRAINT "LoyaltyRewardTranslation_rewardId_fkey" FOREIGN KEY ("rewardId") REFERENCES "LoyaltyReward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoyaltyCard" ADD CONSTRAINT "LoyaltyCard_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoyaltyCard" ADD CONSTRAINT "LoyaltyCard_customerId_merchantId_fkey" FOREIGN KEY ("customerId", "merchantId") REFERENCES "Customer"("id", "merchantId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoyaltyLedger" ADD CONSTRAINT "LoyaltyLedger_cardId_merchantId_fkey" FOREIGN KEY ("cardId", "merchantId") REFERENCES "LoyaltyCard"("id", "merchantId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoyaltyLedger" ADD CONSTRAINT "LoyaltyLedger_rewardId_merchantId_fkey" FOREIGN KEY ("rewardId", "merchantId") REFERENCES "LoyaltyReward"("id", "merchantId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoyaltyLedger" ADD CONSTRAINT "LoyaltyLedger_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "LoyaltyLedger"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Invariants the application relies on
ALTER TABLE "LoyaltyProgram" ADD CONSTRAINT "LoyaltyProgram_rules_check" CHECK (
  "welcomeBonus" >= 0 AND "cooldownMinutes" >= 0
  AND ("dailyCap" IS NULL OR "dailyCap" > 0)
  AND ("type" <> 'POINTS' OR ("pointsPerUnit" IS NOT NULL AND "pointsPerUnit" > 0))
  AND ("type" <> 'STAMPS' OR ("stampsPerVisit" IS NOT NULL AND "stampsPerVisit" > 0))
);
-- A published program always has terms: a text or a link.
ALTER TABLE "LoyaltyProgram" ADD CONSTRAINT "LoyaltyProgram_terms_check" CHECK (
  "status" <> 'ACTIVE' OR "termsText" IS NOT NULL OR "termsUrl" IS NOT NULL
);
ALTER TABLE "LoyaltyReward" ADD CONSTRAINT "LoyaltyReward_cost_check" CHECK ("cost" > 0);
ALTER TABLE "LoyaltyCard" ADD CONSTRAINT "LoyaltyCard_balance_check" CHECK ("balance" >= 0);
ALTER TABLE "LoyaltyLedger" ADD CONSTRAINT "LoyaltyLedger_amount_check" CHECK (
  "amount" <> 0
  AND ("kind" NOT IN ('EARN', 'BONUS') OR "amount" > 0)
  AND ("kind" <> 'REDEEM' OR ("amount" < 0 AND "rewardId" IS NOT NULL))
  AND ("kind" <> 'REVERSAL' OR "reversesId" IS NOT NULL)
);

-- The ledger is append-only: corrections are REVERSAL rows.
CREATE FUNCTION loyalty_ledger_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'LoyaltyLedger rows are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER loyalty_ledger_append_only BEFORE UPDATE ON "LoyaltyLedger" FOR EACH ROW EXECUTE FUNCTION loyalty_ledger_append_only();

CREATE TRIGGER set_updated_at BEFORE UPDATE ON "LoyaltyProgram" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "LoyaltyReward" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "LoyaltyCard" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
