-- Program terms get a text per locale. An existing text is kept under the default locale of the
-- merchant's first store (the language its customers saw it in until now).
ALTER TABLE "LoyaltyProgram" ADD COLUMN "termsTexts" JSONB NOT NULL DEFAULT '{}';

UPDATE "LoyaltyProgram" p
SET "termsTexts" = jsonb_build_object(
  COALESCE((SELECT s."defaultLocale" FROM "Store" s WHERE s."merchantId" = p."merchantId" ORDER BY s."createdAt", s."id" LIMIT 1), 'en'),
  p."termsText"
)
WHERE p."termsText" IS NOT NULL;

-- A published program still always has terms: a non-blank text in some locale, or a link.
ALTER TABLE "LoyaltyProgram" DROP CONSTRAINT "LoyaltyProgram_terms_check";
ALTER TABLE "LoyaltyProgram" DROP COLUMN "termsText";
ALTER TABLE "LoyaltyProgram" ADD CONSTRAINT "LoyaltyProgram_termsTexts_check" CHECK (
  jsonb_typeof("termsTexts") = 'object'
  AND NOT jsonb_path_exists("termsTexts", '$.* ? (@.type() != "string")')
);
ALTER TABLE "LoyaltyProgram" ADD CONSTRAINT "LoyaltyProgram_terms_check" CHECK (
  "status" <> 'ACTIVE'
  OR "termsUrl" IS NOT NULL
  OR jsonb_path_exists("termsTexts", '$.* ? (@ like_regex "[^[:space:]]")')
);
