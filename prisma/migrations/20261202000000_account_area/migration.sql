-- Merchant account area: store texts per locale, logo and contacts; staff invitations, access codes, join requests.
-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "contactAddress" TEXT,
ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "contactPhone" TEXT,
ADD COLUMN     "logoKey" TEXT;

-- CreateTable
CREATE TABLE "StoreTranslation" (
    "storeId" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tagline" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "closedMessage" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoreTranslation_pkey" PRIMARY KEY ("storeId","locale")
);

-- CreateTable
CREATE TABLE "StaffInvitation" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "storeIds" TEXT[],
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessCode" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "phrase" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "storeIds" TEXT[],
    "multiUse" BOOLEAN NOT NULL,
    "moderated" BOOLEAN NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "useCount" INTEGER NOT NULL DEFAULT 0,
    "revokedAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MembershipRequest" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessCodeId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "storeIds" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MembershipRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StoreTranslation_merchantId_idx" ON "StoreTranslation"("merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "StaffInvitation_tokenHash_key" ON "StaffInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffInvitation_merchantId_createdAt_idx" ON "StaffInvitation"("merchantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AccessCode_phrase_key" ON "AccessCode"("phrase");

-- CreateIndex
CREATE INDEX "AccessCode_merchantId_createdAt_idx" ON "AccessCode"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "MembershipRequest_accessCodeId_idx" ON "MembershipRequest"("accessCodeId");

-- CreateIndex
CREATE UNIQUE INDEX "MembershipRequest_merchantId_userId_key" ON "MembershipRequest"("merchantId", "userId");

-- AddForeignKey
ALTER TABLE "StoreTranslation" ADD CONSTRAINT "StoreTranslation_storeId_merchantId_fkey" FOREIGN KEY ("storeId", "merchantId") REFERENCES "Store"("id", "merchantId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessCode" ADD CONSTRAINT "AccessCode_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipRequest" ADD CONSTRAINT "MembershipRequest_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipRequest" ADD CONSTRAINT "MembershipRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipRequest" ADD CONSTRAINT "MembershipRequest_accessCodeId_fkey" FOREIGN KEY ("accessCodeId") REFERENCES "AccessCode"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Timestamps are set by the database.
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "StoreTranslation" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "StaffInvitation" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "AccessCode" FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Invariants.
ALTER TABLE "StoreTranslation" ADD CONSTRAINT "StoreTranslation_name_present" CHECK (length(btrim("name")) > 0);
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_email_normalized" CHECK ("email" = lower(btrim("email")));
ALTER TABLE "AccessCode" ADD CONSTRAINT "AccessCode_phrase_normalized" CHECK ("phrase" ~ '^[a-z]+( [a-z]+)+$');
ALTER TABLE "AccessCode" ADD CONSTRAINT "AccessCode_uses_within_limit" CHECK ("useCount" >= 0 AND ("multiUse" OR "useCount" <= 1));
ALTER TABLE "AccessCode" ADD CONSTRAINT "AccessCode_not_owner" CHECK ("role" <> 'OWNER');
