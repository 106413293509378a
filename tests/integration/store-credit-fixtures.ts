import { randomUUID } from "node:crypto";
import { creditAccount, ensureAccount, type CreditOrigin } from "@/lib/credit/ledger";
import { db } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";

/**
 * Store credit for tests, written through the ledger as the product writes it, and the one
 * invariant every test checks after it: the cached balance, the sum of the ledger and what the
 * lots still hold are the same number.
 */

/** The customer's account at the merchant in `currency` (created empty when missing). */
export function creditAccountOf(merchantId: string, customerId: string, currency = "EUR"): Promise<string> {
  return db.$transaction((tx) => ensureAccount(tx, merchantId as MerchantId, customerId, currency));
}

/** Gives the account a lot of `amountCents` (a GOODWILL CREDIT by default), created at `at`. */
export async function giveCredit(
  merchantId: string,
  accountId: string,
  amountCents: number,
  options: { expiresAt?: Date | null; origin?: CreditOrigin; at?: Date; storeId?: string; orderId?: string } = {},
) {
  const result = await db.$transaction((tx) =>
    creditAccount(
      tx,
      { merchantId: merchantId as MerchantId, transactionId: randomUUID(), at: options.at, storeId: options.storeId, orderId: options.orderId },
      accountId,
      { kind: "CREDIT", origin: options.origin ?? "GOODWILL", amountCents, expiresAt: options.expiresAt ?? null },
    ),
  );
  if (!result.ok) throw new Error(`credit refused: ${result.reason}`);
  return result;
}

/** The account's cached balance, the sum of its ledger and what its lots hold: always equal. */
export async function creditState(accountId: string): Promise<{ balanceCents: number; ledgerSumCents: number; lotsRemainingCents: number }> {
  const [account, ledger, lots] = await Promise.all([
    db.storeCreditAccount.findUniqueOrThrow({ where: { id: accountId }, select: { balanceCents: true } }),
    db.storeCreditLedger.aggregate({ where: { accountId }, _sum: { amountCents: true } }),
    db.storeCreditLot.aggregate({ where: { accountId }, _sum: { remainingCents: true } }),
  ]);
  return { balanceCents: account.balanceCents, ledgerSumCents: ledger._sum.amountCents ?? 0, lotsRemainingCents: lots._sum.remainingCents ?? 0 };
}

/** Gives `customerId` store credit (a goodwill CREDIT) in a new or existing account; returns the account id. */
export async function giveStoreCredit(
  merchantId: string,
  customerId: string,
  amountCents: number,
  options: { currency?: string; expiresAt?: Date | null } = {},
): Promise<string> {
  const accountId = await creditAccountOf(merchantId, customerId, options.currency ?? "EUR");
  await giveCredit(merchantId, accountId, amountCents, { expiresAt: options.expiresAt ?? null });
  return accountId;
}
