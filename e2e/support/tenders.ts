/**
 * Points and store credit for specs that pay with them: rows written as the ledgers would, so
 * every cached balance equals its ledger's sum.
 */
import type pg from "pg";
import { newId, type Tenant } from "./db";

async function customerId(db: pg.Pool, tenant: Tenant, email: string): Promise<string> {
  const { rows } = await db.query(`SELECT id FROM "Customer" WHERE "merchantId" = $1 AND email = $2`, [tenant.merchant.id, email]);
  if (rows.length !== 1) throw new Error(`No customer ${email} at ${tenant.merchant.name}`);
  return (rows[0] as { id: string }).id;
}

/** Gives the reward an online value in EUR: what it takes off an online order. */
export async function setOnlineValue(db: pg.Pool, rewardId: string, valueCents: number): Promise<void> {
  await db.query(`UPDATE "LoyaltyReward" SET "onlineValueCents" = $2, "onlineCurrency" = 'EUR' WHERE id = $1`, [rewardId, valueCents]);
}

/** A loyalty card holding `points` (one BONUS row) for the existing customer `email`. */
export async function giveCard(db: pg.Pool, tenant: Tenant, email: string, points: number): Promise<string> {
  const cardId = newId();
  await db.query(`INSERT INTO "LoyaltyCard" (id, "merchantId", "customerId", number, balance, "storeId") VALUES ($1, $2, $3, $4, $5, $6)`, [
    cardId,
    tenant.merchant.id,
    await customerId(db, tenant, email),
    `E2E-${cardId.slice(-8).toUpperCase()}`,
    points,
    tenant.store.id,
  ]);
  await db.query(`INSERT INTO "LoyaltyLedger" (id, "merchantId", "cardId", kind, amount, "storeId", "transactionId") VALUES ($1, $2, $3, 'BONUS', $4, $5, $6)`, [
    newId(),
    tenant.merchant.id,
    cardId,
    points,
    tenant.store.id,
    newId(),
  ]);
  return cardId;
}

/** `cents` of EUR store credit (a goodwill CREDIT with its lot) for the existing customer `email`; returns the account id. */
export async function giveStoreCredit(db: pg.Pool, tenant: Tenant, email: string, cents: number): Promise<string> {
  const accountId = newId();
  const ledgerId = newId();
  await db.query(`INSERT INTO "StoreCreditAccount" (id, "merchantId", "customerId", currency, "balanceCents") VALUES ($1, $2, $3, 'EUR', $4)`, [
    accountId,
    tenant.merchant.id,
    await customerId(db, tenant, email),
    cents,
  ]);
  await db.query(
    `INSERT INTO "StoreCreditLedger" (id, "merchantId", "accountId", kind, "amountCents", "balanceAfterCents", origin, "transactionId", reason)
     VALUES ($1, $2, $3, 'CREDIT', $4, $4, 'GOODWILL', $5, 'Welcome credit')`,
    [ledgerId, tenant.merchant.id, accountId, cents, newId()],
  );
  await db.query(`INSERT INTO "StoreCreditLot" (id, "merchantId", "accountId", "ledgerId", "remainingCents") VALUES ($1, $2, $3, $4, $5)`, [
    newId(),
    tenant.merchant.id,
    accountId,
    ledgerId,
    cents,
  ]);
  return accountId;
}

/** The account's cached balance, the sum of its ledger and what its lots hold. */
export async function storeCreditState(db: pg.Pool, accountId: string): Promise<{ balance: number; ledger: number; lots: number }> {
  const { rows } = await db.query(
    `SELECT a."balanceCents" AS balance,
       (SELECT coalesce(sum("amountCents"), 0)::int FROM "StoreCreditLedger" WHERE "accountId" = a.id) AS ledger,
       (SELECT coalesce(sum("remainingCents"), 0)::int FROM "StoreCreditLot" WHERE "accountId" = a.id) AS lots
     FROM "StoreCreditAccount" a WHERE a.id = $1`,
    [accountId],
  );
  return rows[0] as { balance: number; ledger: number; lots: number };
}
