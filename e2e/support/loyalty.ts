/**
 * Loyalty arrangements for specs that test what comes after setting a program up (the set-up
 * itself goes through the merchant's form in merchant-loyalty.spec.ts).
 */
import type pg from "pg";
import { newId, type Tenant } from "./db";

/** Publishes a points program (1 point per euro, no cooldown unless asked) for the tenant's merchant. */
export async function publishPointsProgram(db: pg.Pool, tenant: Tenant, options: { welcomeBonus?: number; cooldownMinutes?: number } = {}): Promise<string> {
  const id = newId();
  await db.query(
    `INSERT INTO "LoyaltyProgram" (id, "merchantId", type, status, "pointsPerUnit", "welcomeBonus", "cooldownMinutes", "termsTexts")
     VALUES ($1, $2, 'POINTS', 'ACTIVE', 1, $3, $4, '{"en": "Terms of the program."}'::jsonb)`,
    [id, tenant.merchant.id, options.welcomeBonus ?? 0, options.cooldownMinutes ?? 0],
  );
  return id;
}

/** Adds an active reward named `name` in every locale. */
export async function addReward(db: pg.Pool, tenant: Tenant, programId: string, cost: number, name: string): Promise<string> {
  const id = newId();
  await db.query(`INSERT INTO "LoyaltyReward" (id, "merchantId", "programId", cost) VALUES ($1, $2, $3, $4)`, [id, tenant.merchant.id, programId, cost]);
  for (const locale of ["en", "fr", "de", "lb"]) {
    await db.query(`INSERT INTO "LoyaltyRewardTranslation" ("rewardId", locale, name) VALUES ($1, $2, $3)`, [id, locale, name]);
  }
  return id;
}

/** A customer of the tenant with a card holding `balance` (one BONUS row), found on the terminal by email. */
export async function addCardHolder(db: pg.Pool, tenant: Tenant, email: string, balance: number): Promise<string> {
  const customerId = newId();
  const cardId = newId();
  await db.query(`INSERT INTO "Customer" (id, "merchantId", email, name) VALUES ($1, $2, $3, 'Lou Reding')`, [customerId, tenant.merchant.id, email]);
  await db.query(`INSERT INTO "LoyaltyCard" (id, "merchantId", "customerId", number, balance, "storeId") VALUES ($1, $2, $3, $4, $5, $6)`, [
    cardId,
    tenant.merchant.id,
    customerId,
    `E2E-${cardId.slice(-8).toUpperCase()}`,
    balance,
    tenant.store.id,
  ]);
  await db.query(`INSERT INTO "LoyaltyLedger" (id, "merchantId", "cardId", kind, amount, "storeId", "transactionId") VALUES ($1, $2, $3, 'BONUS', $4, $5, $6)`, [
    newId(),
    tenant.merchant.id,
    cardId,
    balance,
    tenant.store.id,
    newId(),
  ]);
  return cardId;
}
