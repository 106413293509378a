-- Points an order spent come back when its payment fails (RELEASE) and with its refunds (REFUND).
-- New enum values must be committed before a migration can use them, hence a migration of their own.
ALTER TYPE "LoyaltyLedgerKind" ADD VALUE 'RELEASE';
ALTER TYPE "LoyaltyLedgerKind" ADD VALUE 'REFUND';
