-- Checkout attempts, payment issues with their history, and the alert throttle.

-- CreateEnum
CREATE TYPE "CheckoutAttemptOutcome" AS ENUM ('PLACED', 'REFUSED', 'FAILED');

-- CreateEnum
CREATE TYPE "PaymentIssueReason" AS ENUM ('ORDER_CANCELLED', 'ORDER_UNKNOWN', 'ALREADY_PAID');

-- CreateEnum
CREATE TYPE "PaymentIssueStatus" AS ENUM ('OPEN', 'REFUNDED', 'REFUND_FAILED');

-- CreateTable
CREATE TABLE "CheckoutAttempt" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "transactionId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "cartId" TEXT,
    "email" TEXT,
    "expectedTotalCents" INTEGER,
    "computedTotalCents" INTEGER,
    "outcome" "CheckoutAttemptOutcome" NOT NULL,
    "reason" TEXT,
    "orderId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckoutAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentIssue" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT,
    "orderId" TEXT,
    "provider" "PaymentProviderKind" NOT NULL,
    "paymentRef" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "reason" "PaymentIssueReason" NOT NULL,
    "status" "PaymentIssueStatus" NOT NULL DEFAULT 'OPEN',
    "amountCents" INTEGER,
    "currency" CHAR(3),
    "email" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentIssueEntry" (
    "id" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentIssueEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertState" (
    "kind" TEXT NOT NULL,
    "lastSentAt" TIMESTAMPTZ(3),
    "windowStart" TIMESTAMPTZ(3),
    "windowCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AlertState_pkey" PRIMARY KEY ("kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "CheckoutAttempt_transactionId_key" ON "CheckoutAttempt"("transactionId");

-- CreateIndex
CREATE INDEX "CheckoutAttempt_merchantId_createdAt_idx" ON "CheckoutAttempt"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "CheckoutAttempt_orderId_idx" ON "CheckoutAttempt"("orderId");

-- CreateIndex
CREATE INDEX "PaymentIssue_status_createdAt_idx" ON "PaymentIssue"("status", "createdAt");

-- CreateIndex
CREATE INDEX "PaymentIssue_createdAt_idx" ON "PaymentIssue"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentIssue_provider_paymentRef_key" ON "PaymentIssue"("provider", "paymentRef");

-- CreateIndex
CREATE INDEX "PaymentIssueEntry_issueId_createdAt_idx" ON "PaymentIssueEntry"("issueId", "createdAt");

-- AddForeignKey
ALTER TABLE "PaymentIssueEntry" ADD CONSTRAINT "PaymentIssueEntry_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "PaymentIssue"("id") ON DELETE CASCADE ON UPDATE CASCADE;


CREATE TRIGGER set_updated_at BEFORE UPDATE ON "PaymentIssue" FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- CreateIndex
CREATE INDEX "Order_status_createdAt_idx" ON "Order"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Order_transactionId_idx" ON "Order"("transactionId");
