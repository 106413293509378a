import "server-only";
import { Prisma, type Tx } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";

/**
 * The store-credit ledger: the only writer of a StoreCreditAccount's balance. Every change is one
 * StoreCreditLedger row written in the transaction that moves the cached balance, under the
 * account's row lock (taken first by every function here), so concurrent debits of one account
 * wait for each other and never overdraw it; the database refuses a balance below zero (CHECK)
 * as the last line.
 *
 * Money arrives in lots (StoreCreditLot: a CREDIT, or an ADJUST upwards, with its expiry). A debit
 * spends the lots that expire soonest first (lots that never expire last) and records what it took
 * from each (StoreCreditSpend), so a released order gives each lot back exactly what it took and
 * every lot keeps its own expiry. Lots past their expiry are written off (EXPIRE) whenever their
 * account is locked, and by the daily sweep: a balance never offers money that has expired.
 * Every function puts the merchant in its WHERE.
 */

export type CreditOrigin = "REFUND" | "GOODWILL" | "GIFT_CARD";

/** Who and what a movement belongs to; every row carries the transaction id. */
export interface CreditMovement {
  merchantId: MerchantId;
  transactionId: string;
  storeId?: string | null;
  orderId?: string | null;
  refundId?: string | null;
  giftCardId?: string | null;
  actorUserId?: string | null;
  reason?: string | null;
  /** At most one row per key (an order's debit, a refund's credit, a gift card moved in). */
  idempotencyKey?: string | null;
  at?: Date;
}

interface LockedAccount {
  id: string;
  balanceCents: number;
}

/**
 * The customer's account at the merchant in `currency`, created empty when missing (ON CONFLICT
 * DO NOTHING: two transactions creating it at once meet on the one row).
 */
export async function ensureAccount(tx: Tx, merchantId: MerchantId, customerId: string, currency: string): Promise<string> {
  await tx.storeCreditAccount.createMany({ data: [{ merchantId, customerId, currency }], skipDuplicates: true });
  const account = await tx.storeCreditAccount.findUniqueOrThrow({
    where: { merchantId_customerId_currency: { merchantId, customerId, currency } },
    select: { id: true },
  });
  return account.id;
}

/**
 * The account's row lock. NO KEY UPDATE: an order's tender row references the account (a KEY SHARE
 * lock until its checkout commits), which this lock must not wait for, or two checkouts of one
 * customer would each wait for the other's reference.
 */
async function lockAccount(tx: Tx, merchantId: string, accountId: string): Promise<LockedAccount | null> {
  const [row] = await tx.$queryRaw<LockedAccount[]>`
    SELECT id, "balanceCents" FROM "StoreCreditAccount" WHERE id = ${accountId} AND "merchantId" = ${merchantId} FOR NO KEY UPDATE`;
  return row ?? null;
}

async function moveBalance(tx: Tx, merchantId: string, account: LockedAccount, amountCents: number, at: Date): Promise<number> {
  const [row] = await tx.$queryRaw<{ balanceCents: number }[]>`
    UPDATE "StoreCreditAccount" SET "balanceCents" = "balanceCents" + ${amountCents}, "updatedAt" = ${at}
    WHERE id = ${account.id} AND "merchantId" = ${merchantId} RETURNING "balanceCents"`;
  account.balanceCents = row!.balanceCents;
  return row!.balanceCents;
}

async function writeRow(
  tx: Tx,
  movement: CreditMovement,
  accountId: string,
  row: { kind: "CREDIT" | "DEBIT" | "RELEASE" | "EXPIRE" | "ADJUST"; amountCents: number; balanceAfterCents: number; origin?: CreditOrigin; expiresAt?: Date | null },
  at: Date,
): Promise<string> {
  const created = await tx.storeCreditLedger.create({
    data: {
      merchantId: movement.merchantId,
      accountId,
      kind: row.kind,
      amountCents: row.amountCents,
      balanceAfterCents: row.balanceAfterCents,
      origin: row.origin ?? null,
      expiresAt: row.expiresAt ?? null,
      storeId: movement.storeId ?? null,
      orderId: movement.orderId ?? null,
      refundId: movement.refundId ?? null,
      giftCardId: movement.giftCardId ?? null,
      actorUserId: movement.actorUserId ?? null,
      transactionId: movement.transactionId,
      reason: movement.reason ?? null,
      idempotencyKey: movement.idempotencyKey ?? null,
      createdAt: at,
    },
    select: { id: true },
  });
  return created.id;
}

/**
 * Writes off what is left of the account's lots whose expiry is at or before `at`: one EXPIRE row
 * for all of them. Under the account lock the caller holds. Returns the amount written off.
 */
async function expireDueLots(tx: Tx, movement: CreditMovement, account: LockedAccount, at: Date): Promise<number> {
  const due = await tx.$queryRaw<{ id: string; remainingCents: number }[]>`
    SELECT id, "remainingCents" FROM "StoreCreditLot"
    WHERE "accountId" = ${account.id} AND "merchantId" = ${movement.merchantId} AND "remainingCents" > 0 AND "expiresAt" <= ${at}
    ORDER BY id FOR NO KEY UPDATE`;
  const total = due.reduce((sum, lot) => sum + lot.remainingCents, 0);
  if (total === 0) return 0;
  await tx.storeCreditLot.updateMany({ where: { id: { in: due.map((lot) => lot.id) }, merchantId: movement.merchantId }, data: { remainingCents: 0 } });
  const balanceAfterCents = await moveBalance(tx, movement.merchantId, account, -total, at);
  await writeRow(tx, { ...movement, orderId: null, refundId: null, giftCardId: null, actorUserId: null, idempotencyKey: null, reason: "expired" }, account.id, { kind: "EXPIRE", amountCents: -total, balanceAfterCents }, at);
  return total;
}

export type CreditResult = { ok: true; ledgerId: string; balanceAfterCents: number } | { ok: false; reason: "notFound" };

/**
 * Gives `amountCents` (> 0) to an account as a new lot: a CREDIT from `origin`, or a manager's
 * ADJUST upwards. `expiresAt` null: the money never expires.
 */
export async function creditAccount(
  tx: Tx,
  movement: CreditMovement,
  accountId: string,
  credit: { kind: "CREDIT"; origin: CreditOrigin; amountCents: number; expiresAt: Date | null } | { kind: "ADJUST"; amountCents: number; expiresAt: Date | null },
): Promise<CreditResult> {
  assertAmount(credit.amountCents);
  const at = movement.at ?? new Date();
  const account = await lockAccount(tx, movement.merchantId, accountId);
  if (!account) return { ok: false, reason: "notFound" };
  await expireDueLots(tx, movement, account, at);
  const balanceAfterCents = await moveBalance(tx, movement.merchantId, account, credit.amountCents, at);
  const ledgerId = await writeRow(
    tx,
    movement,
    account.id,
    { kind: credit.kind, amountCents: credit.amountCents, balanceAfterCents, origin: credit.kind === "CREDIT" ? credit.origin : undefined, expiresAt: credit.expiresAt },
    at,
  );
  await tx.storeCreditLot.create({
    data: { merchantId: movement.merchantId, accountId: account.id, ledgerId, expiresAt: credit.expiresAt, remainingCents: credit.amountCents, createdAt: at },
  });
  return { ok: true, ledgerId, balanceAfterCents };
}

export type DebitResult =
  | { ok: true; ledgerId: string; balanceAfterCents: number }
  /** `insufficient`: less than the amount is left once expired lots are written off. */
  | { ok: false; reason: "notFound" | "insufficient" };

/**
 * Takes `amountCents` (> 0) from an account: an order's DEBIT, or a manager's ADJUST downwards.
 * Lots that expire soonest go first, then the oldest; nothing is written when the balance
 * (after writing off expired lots) is below the amount.
 */
export async function debitAccount(tx: Tx, movement: CreditMovement, accountId: string, kind: "DEBIT" | "ADJUST", amountCents: number): Promise<DebitResult> {
  assertAmount(amountCents);
  const at = movement.at ?? new Date();
  const account = await lockAccount(tx, movement.merchantId, accountId);
  if (!account) return { ok: false, reason: "notFound" };
  await expireDueLots(tx, movement, account, at);
  if (account.balanceCents < amountCents) return { ok: false, reason: "insufficient" };
  const lots = await tx.$queryRaw<{ id: string; remainingCents: number }[]>`
    SELECT id, "remainingCents" FROM "StoreCreditLot"
    WHERE "accountId" = ${account.id} AND "merchantId" = ${movement.merchantId} AND "remainingCents" > 0
    ORDER BY "expiresAt" ASC NULLS LAST, "createdAt", id FOR NO KEY UPDATE`;
  const balanceAfterCents = await moveBalance(tx, movement.merchantId, account, -amountCents, at);
  const ledgerId = await writeRow(tx, movement, account.id, { kind, amountCents: -amountCents, balanceAfterCents }, at);
  let left = amountCents;
  const spends: Prisma.StoreCreditSpendCreateManyInput[] = [];
  for (const lot of lots) {
    if (left === 0) break;
    const taken = Math.min(left, lot.remainingCents);
    await tx.storeCreditLot.updateMany({ where: { id: lot.id, merchantId: movement.merchantId }, data: { remainingCents: lot.remainingCents - taken } });
    spends.push({ merchantId: movement.merchantId, debitId: ledgerId, lotId: lot.id, amountCents: taken });
    left -= taken;
  }
  // The lots always cover the balance; a gap means the cache and the lots disagree.
  if (left !== 0) throw new Error(`Store-credit account ${account.id} has ${left} cents of balance without a lot`);
  await tx.storeCreditSpend.createMany({ data: spends });
  return { ok: true, ledgerId, balanceAfterCents };
}

/**
 * Gives an order's debit back (RELEASE: its payment failed, expired or never started): each lot
 * gets exactly what the debit took from it, keeping its expiry (a lot that expired in between is
 * written off again at once). Once per debit: the spends record what was returned, and the row's
 * key is unique. Null when there is nothing left to give back.
 */
export async function releaseDebit(tx: Tx, movement: CreditMovement, debitId: string): Promise<CreditResult | null> {
  const at = movement.at ?? new Date();
  const debit = await tx.storeCreditLedger.findFirst({
    where: { id: debitId, merchantId: movement.merchantId, kind: "DEBIT" },
    select: { accountId: true },
  });
  if (!debit) return { ok: false, reason: "notFound" };
  const account = await lockAccount(tx, movement.merchantId, debit.accountId);
  if (!account) return { ok: false, reason: "notFound" };
  const spends = await tx.storeCreditSpend.findMany({
    where: { debitId, merchantId: movement.merchantId },
    select: { id: true, lotId: true, amountCents: true, returnedCents: true },
    orderBy: { lotId: "asc" },
  });
  let total = 0;
  for (const spend of spends) {
    const back = spend.amountCents - spend.returnedCents;
    if (back === 0) continue;
    await tx.storeCreditSpend.updateMany({ where: { id: spend.id, merchantId: movement.merchantId }, data: { returnedCents: spend.amountCents } });
    await tx.$executeRaw`UPDATE "StoreCreditLot" SET "remainingCents" = "remainingCents" + ${back} WHERE id = ${spend.lotId} AND "merchantId" = ${movement.merchantId}`;
    total += back;
  }
  if (total === 0) return null;
  const balanceAfterCents = await moveBalance(tx, movement.merchantId, account, total, at);
  const ledgerId = await writeRow(tx, movement, account.id, { kind: "RELEASE", amountCents: total, balanceAfterCents }, at);
  await expireDueLots(tx, movement, account, at);
  return { ok: true, ledgerId, balanceAfterCents: account.balanceCents };
}

/**
 * The expiry sweep for one account (the daily job): writes off its lots past their expiry, under
 * its lock. Returns the amount written off (0 when nothing was due, or another run did it).
 */
export async function expireAccount(tx: Tx, movement: CreditMovement, accountId: string): Promise<number> {
  const account = await lockAccount(tx, movement.merchantId, accountId);
  if (!account) return 0;
  return expireDueLots(tx, movement, account, movement.at ?? new Date());
}

function assertAmount(amountCents: number): void {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) throw new RangeError(`Invalid store-credit amount ${amountCents}`);
}
