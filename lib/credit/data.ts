import "server-only";
import { db, type Tx } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";

export interface AvailableCredit {
  accountId: string;
  /** The balance without the lots already past their expiry (written off at the next lock or sweep). */
  availableCents: number;
}

/**
 * What a customer can spend of their store credit at the merchant in `currency` at `now`; null
 * without an account. A read, not a hold: the checkout's debit re-checks it under the account's lock.
 */
export async function findAvailableCredit(
  merchantId: MerchantId | string,
  customerId: string,
  currency: string,
  now: Date,
  tx?: Tx,
): Promise<AvailableCredit | null> {
  const [row] = await (tx ?? db).$queryRaw<AvailableCredit[]>`
    SELECT a.id AS "accountId",
      a."balanceCents" - coalesce((
        SELECT sum(l."remainingCents") FROM "StoreCreditLot" l
        WHERE l."accountId" = a.id AND l."remainingCents" > 0 AND l."expiresAt" <= ${now}), 0)::int AS "availableCents"
    FROM "StoreCreditAccount" a
    WHERE a."merchantId" = ${merchantId} AND a."customerId" = ${customerId} AND a.currency = ${currency}`;
  return row ?? null;
}
