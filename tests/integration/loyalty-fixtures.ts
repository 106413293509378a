import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { createTenant, createUser } from "./fixtures";

/** A tenant with a published loyalty program (points by default) and a second store. */
export async function createLoyaltyTenant(program: Partial<{ type: "POINTS" | "STAMPS"; pointsPerUnit: number; stampsPerVisit: number; welcomeBonus: number; cooldownMinutes: number; dailyCap: number | null }> = {}) {
  const tenant = await createTenant();
  const merchantId = tenant.merchant.id as MerchantId;
  const second = await db.store.create({
    data: { merchantId, slug: `store2-${tenant.tag}`, name: `Second ${tenant.tag}`, currency: "EUR", defaultLocale: "en", locales: ["en"] },
    select: { id: true },
  });
  const type = program.type ?? "POINTS";
  const row = await db.loyaltyProgram.create({
    data: {
      merchantId,
      type,
      status: "ACTIVE",
      pointsPerUnit: type === "POINTS" ? (program.pointsPerUnit ?? 1) : null,
      stampsPerVisit: type === "STAMPS" ? (program.stampsPerVisit ?? 1) : null,
      welcomeBonus: program.welcomeBonus ?? 0,
      cooldownMinutes: program.cooldownMinutes ?? 0,
      dailyCap: program.dailyCap ?? null,
      termsTexts: { en: "Terms of the program." },
    },
    select: { id: true },
  });
  const staff = await createUser(`staff-${tenant.tag}-${randomUUID().slice(0, 4)}@example.test`);
  await db.membership.create({ data: { userId: staff.id, merchantId, role: "STAFF" } });
  return {
    tenant,
    merchantId,
    programId: row.id,
    store: { id: tenant.store.id as StoreId, merchantId },
    secondStoreId: second.id as StoreId,
    staff,
    actor: { merchantId, storeId: tenant.store.id as StoreId, userId: staff.id },
  };
}

export async function createRewardRow(merchantId: string, programId: string, cost: number, name = `Reward ${cost}`) {
  return db.loyaltyReward.create({
    data: { merchantId, programId, cost, translations: { create: [{ locale: "en", name }, { locale: "fr", name: `${name} (fr)` }] } },
    select: { id: true },
  });
}
