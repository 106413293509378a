CREATE TYPE "PaymentRequestStatus" AS ENUM ('OPEN', 'OVERDUE', 'PAID', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PaymentRequestEventKind" AS ENUM ('CREATED', 'REMINDED', 'OVERDUE', 'PAID', 'CANCELLED');

-- AlterTable
ALTER TABLE "Merchant" ADD COLUMN     "paymentReminderDays" INTEGER DEFAULT 7,
ADD COLUMN     "paymentReminderMax" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "paymentRequestId" TEXT,
ADD COLUMN     "paymentUrl" TEXT;

-- CreateTable
CREATE TABLE "Payer" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "lookupKey" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "remindersStoppedAt" TIMESTAMPTZ(3),
    "reminderCount" INTEGER NOT NULL DEFAULT 0,
    "lastRemindedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentRequest" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "payerId" TEXT NOT NULL,
    "customerId" TEXT,
    "reference" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "dueOn" DATE,
    "note" TEXT,
    "status" "PaymentRequestStatus" NOT NULL DEFAULT 'OPEN',
    "sourceOrderId" TEXT,
    "reminderCount" INTEGER NOT NULL DEFAULT 0,
    "paidAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentRequestLine" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "productId" TEXT,
    "title" TEXT NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,

    CONSTRAINT "PaymentRequestLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentRequestEvent" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "kind" "PaymentRequestEventKind" NOT NULL,
    "actorUserId" TEXT,
    "orderId" TEXT,
    "emailId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentRequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Payer_merchantId_email_idx" ON "Payer"("merchantId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Payer_id_merchantId_key" ON "Payer"("id", "merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "Payer_merchantId_lookupKey_key" ON "Payer"("merchantId", "lookupKey");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentRequest_sourceOrderId_key" ON "PaymentRequest"("sourceOrderId");

-- CreateIndex
CREATE INDEX "PaymentRequest_merchantId_status_createdAt_idx" ON "PaymentRequest"("merchantId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "PaymentRequest_payerId_status_idx" ON "PaymentRequest"("payerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentRequest_id_merchantId_key" ON "PaymentRequest"("id", "merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentRequest_storeId_payerId_reference_key" ON "PaymentRequest"("storeId", "payerId", "reference");

-- CreateIndex
CREATE INDEX "PaymentRequestLine_productId_idx" ON "PaymentRequestLine"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentRequestLine_requestId_position_key" ON "PaymentRequestLine"("requestId", "position");

-- CreateIndex
CREATE INDEX "PaymentRequestEvent_requestId_createdAt_idx" ON "PaymentRequestEvent"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_paymentRequestId_idx" ON "Order"("paymentRequestId");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_paymentRequestId_merchantId_fkey" FOREIGN KEY ("paymentRequestId", "merchantId") REFERENCES "PaymentRequest"("id", "merchantId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payer" ADD CONSTRAINT "Payer_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentRequest" ADD CONSTRAINT "PaymentRequest_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentRequest" ADD CONSTRAINT "PaymentRequest_storeId_merchantId_fkey" FOREIGN KEY ("storeId", "merchantId") REFERENCES "Store"("id", "merchantId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentRequest" ADD CONSTRAINT "PaymentRequest_payerId_merchantId_fkey" FOREIGN KEY ("payerId", "merchantId") REFERENCES "Payer"("id", "merchantId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentRequest" ADD CONSTRAINT "PaymentRequest_customerId_merchantId_fkey" FOREIGN KEY ("customerId", "merchantId") REFERENCES "Customer"("id", "merchantId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentRequest" ADD CONSTRAINT "PaymentRequest_sourceOrderId_merchantId_fkey" FOREIGN KEY ("sourceOrderId", "merchantId") REFERENCES "Order"("id", "merchantId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentRequestLine" ADD CONSTRAINT "PaymentRequestLine_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "PaymentRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentRequestLine" ADD CONSTRAINT "PaymentRequestLine_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentRequestEvent" ADD CONSTRAINT "PaymentRequestEvent_requestId_merchantId_fkey" FOREIGN KEY ("requestId", "merchantId") REFERENCES "PaymentRequest"("id", "merchantId") ON DELETE CASCADE ON UPDATE CASCADE;


-- Amounts are whole minor units above zero; a line's total is its price times its quantity.
ALTER TABLE "PaymentRequest" ADD CONSTRAINT "PaymentRequest_amounts" CHECK ("totalCents" > 0 AND "reminderCount" >= 0);
ALTER TABLE "PaymentRequest" ADD CONSTRAINT "PaymentRequest_reference" CHECK (btrim("reference") <> '');
ALTER TABLE "PaymentRequest" ADD CONSTRAINT "PaymentRequest_status_stamps" CHECK (
  ("status" = 'PAID') = ("paidAt" IS NOT NULL) AND ("status" = 'CANCELLED') = ("cancelledAt" IS NOT NULL)
);
ALTER TABLE "PaymentRequestLine" ADD CONSTRAINT "PaymentRequestLine_amounts" CHECK (
  "position" >= 0 AND "quantity" > 0 AND "unitPriceCents" > 0 AND "totalCents"::bigint = "unitPriceCents"::bigint * "quantity"
);
ALTER TABLE "Payer" ADD CONSTRAINT "Payer_identity" CHECK (
  btrim("name") <> '' AND "reminderCount" >= 0
  AND "lookupKey" = CASE WHEN "email" IS NULL THEN 'name:' || lower(btrim("name")) ELSE 'email:' || "email" END
);
ALTER TABLE "Merchant" ADD CONSTRAINT "Merchant_payment_reminders" CHECK (
  ("paymentReminderDays" IS NULL OR "paymentReminderDays" BETWEEN 1 AND 90) AND "paymentReminderMax" BETWEEN 1 AND 12
);

-- A payment request's history is append-only.
CREATE FUNCTION payment_request_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'PaymentRequestEvent rows are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER payment_request_event_append_only BEFORE UPDATE ON "PaymentRequestEvent" FOR EACH ROW EXECUTE FUNCTION payment_request_event_append_only();

CREATE TRIGGER set_updated_at BEFORE UPDATE ON "Payer" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "PaymentRequest" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
