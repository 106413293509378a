import { randomUUID } from "node:crypto";
import { creditAccount, ensureAccount } from "@/lib/credit/ledger";
import { db } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";

/** Gives `customerId` store credit through the ledger (a goodwill CREDIT); returns the account id. */
export async function giveStoreCredit(
  merchantId: string,
  customerId: string,
  amountCents: number,
  options: { currency?: string; expiresAt?: Date | null } = {},
): Promise<string> {
  return db.$transaction(async (tx) => {
    const accountId = await ensureAccount(tx, merchantId as MerchantId, customerId, options.currency ?? "EUR");
    const credited = await creditAccount(
      tx,
      { merchantId: merchantId as MerchantId, transactionId: randomUUID(), reason: "test credit" },
      accountId,
      { kind: "CREDIT", origin: "GOODWILL", amountCents, expiresAt: options.expiresAt ?? null },
    );
    if (!credited.ok) throw new Error("store credit not given");
    return accountId;
  });
}

/** The account's cached balance, the sum of its ledger and what its lots hold: all three must agree. */
export async function creditState(accountId: string) {
  const [account, ledger, lots] = await Promise.all([
    db.storeCreditAccount.findUniqueOrThrow({ where: { id: accountId }, select: { balanceCents: true } }),
    db.storeCreditLedger.aggregate({ where: { accountId }, _sum: { amountCents: true } }),
    db.storeCreditLot.aggregate({ where: { accountId }, _sum: { remainingCents: true } }),
  ]);
  return { balanceCents: account.balanceCents, ledgerSumCents: ledger._sum.amountCents ?? 0, lotsRemainingCents: lots._sum.remainingCents ?? 0 };
}
