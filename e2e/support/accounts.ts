/**
 * Account-area arrangements specs cannot make through the UI yet: another member of a tenant
 * with a password (signing in as them goes through the real form).
 */
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import type pg from "pg";
import { newId, type Tenant } from "./db";

export async function addMember(db: pg.Pool, tenant: Tenant, role: "OWNER" | "MANAGER" | "STAFF") {
  const tag = randomUUID().slice(0, 8);
  const user = { id: newId(), email: `${role.toLowerCase()}-${tag}@example.test`, name: `${role} ${tag}`, password: `pw-${randomUUID()}` };
  await db.query(`INSERT INTO "User" (id, email, name, "passwordHash", "emailVerified") VALUES ($1, $2, $3, $4, now())`, [
    user.id,
    user.email,
    user.name,
    await bcrypt.hash(user.password, 10),
  ]);
  await db.query(`INSERT INTO "Membership" (id, "userId", "merchantId", role) VALUES ($1, $2, $3, $4)`, [newId(), user.id, tenant.merchant.id, role]);
  return user;
}
