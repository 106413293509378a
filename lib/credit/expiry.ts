import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";
import { expireAccount } from "./ledger";

export interface CreditExpirySummary {
  /** Accounts that had money written off. */
  accounts: number;
  /** What was written off, in minor units of whatever currency (a count for the job's log). */
  cents: number;
}

/**
 * The daily expiry sweep (platform-wide, for the store-credit-expiry job): every account with a
 * lot whose `expiresAt` is at or before `now` and that still holds money. Each account is settled
 * in a transaction of its own by `expireAccount` (under the account's lock, with its merchant in
 * the WHERE, re-checked there): a second run, or one overlapping this one, writes nothing twice.
 * Accounts are read in batches after the last one seen, so an account that another writer keeps
 * busy cannot hold the sweep in a loop.
 */
export async function expireDueCredit(options: { now?: Date; batchSize?: number } = {}): Promise<CreditExpirySummary> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 200;
  const summary: CreditExpirySummary = { accounts: 0, cents: 0 };
  let after = "";
  for (;;) {
    const due = await db.$queryRaw<Array<{ accountId: string; merchantId: string }>>`
      SELECT DISTINCT "accountId", "merchantId" FROM "StoreCreditLot"
      WHERE "remainingCents" > 0 AND "expiresAt" <= ${now} AND "accountId" > ${after}
      ORDER BY "accountId" LIMIT ${batchSize}`;
    for (const account of due) {
      const cents = await db.$transaction((tx) =>
        expireAccount(tx, { merchantId: account.merchantId as MerchantId, transactionId: randomUUID(), at: now }, account.accountId),
      );
      if (cents > 0) {
        summary.accounts++;
        summary.cents += cents;
      }
    }
    if (due.length < batchSize) break;
    after = due[due.length - 1]!.accountId;
  }
  return summary;
}
