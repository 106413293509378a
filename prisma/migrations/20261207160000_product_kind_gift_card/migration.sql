-- A value added to an enum cannot be used in the transaction that adds it: the gift-card tables
-- and checks that name it follow in the next migration.
ALTER TYPE "ProductKind" ADD VALUE 'GIFT_CARD';
