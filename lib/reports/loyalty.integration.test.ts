import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import { createTenant } from "@/tests/integration/fixtures";
import { loyaltyFigures } from "./loyalty";

const TZ = DEFAULT_TIME_ZONE;

describe("loyalty figures in reports", () => {
  it("counts members and points of the period and the store, reversals netted, in Luxembourg days", async () => {
    const tenant = await createTenant();
    const merchantId = tenant.merchant.id as MerchantId;
    const storeId = tenant.store.id as StoreId;
    const other = await db.store.create({
      data: { merchantId, slug: `other-${tenant.tag}`, name: "Other", currency: "EUR", defaultLocale: "en", locales: ["en"] },
      select: { id: true },
    });
    const period = { from: "2026-11-01", to: "2026-11-30" };
    expect(await loyaltyFigures({ merchantId, storeIds: null, period, timeZone: TZ })).toBeNull();

    const program = await db.loyaltyProgram.create({ data: { merchantId, type: "POINTS", pointsPerUnit: 1, status: "ACTIVE", termsTexts: { en: "T" } }, select: { id: true } });
    const reward = await db.loyaltyReward.create({ data: { merchantId, programId: program.id, cost: 30 }, select: { id: true } });
    const card = async (n: number, store: string, createdAt: string) => {
      const customer = await db.customer.create({ data: { merchantId, email: `m${n}-${tenant.tag}@example.test` }, select: { id: true } });
      return (
        await db.loyaltyCard.create({ data: { merchantId, customerId: customer.id, number: `T${tenant.tag}${n}`, storeId: store, balance: 100, createdAt: new Date(createdAt) }, select: { id: true } })
      ).id;
    };
    // Joined in October (a member, not new), on 30 November at 23:30 in Luxembourg (new), on 1 December (not yet).
    const a = await card(1, storeId, "2026-10-15T10:00:00Z");
    await card(2, storeId, "2026-11-30T22:30:00Z");
    await card(3, other.id, "2026-11-10T10:00:00Z");
    await card(4, storeId, "2026-11-30T23:30:00Z");

    const row = (kind: "EARN" | "BONUS" | "REDEEM" | "REVERSAL", amount: number, at: string, extra: { storeId?: string; reversesId?: string; rewardId?: string } = {}) =>
      db.loyaltyLedger.create({ data: { merchantId, cardId: a, kind, amount, createdAt: new Date(at), storeId: extra.storeId ?? storeId, ...extra }, select: { id: true } });
    await row("BONUS", 10, "2026-11-02T10:00:00Z");
    const earn = await row("EARN", 50, "2026-11-03T10:00:00Z");
    await row("REVERSAL", -50, "2026-11-04T10:00:00Z", { reversesId: earn.id });
    await row("EARN", 40, "2026-11-05T10:00:00Z");
    const redeem = await row("REDEEM", -30, "2026-11-06T10:00:00Z", { rewardId: reward.id });
    await row("REDEEM", -30, "2026-11-07T10:00:00Z", { rewardId: reward.id });
    await row("REVERSAL", 30, "2026-11-08T10:00:00Z", { reversesId: redeem.id });
    await row("EARN", 7, "2026-11-09T10:00:00Z", { storeId: other.id });
    await row("EARN", 99, "2026-10-31T22:59:00Z"); // 23:59 on 31 October in Luxembourg: outside.

    expect(await loyaltyFigures({ merchantId, storeIds: null, period, timeZone: TZ })).toEqual({ members: 3, newMembers: 2, pointsIssued: 57, pointsRedeemed: 30 });
    expect(await loyaltyFigures({ merchantId, storeIds: [storeId], period, timeZone: TZ })).toEqual({ members: 2, newMembers: 1, pointsIssued: 50, pointsRedeemed: 30 });
    // Another merchant sees nothing of these.
    const stranger = await createTenant();
    expect(await loyaltyFigures({ merchantId: stranger.merchant.id as MerchantId, storeIds: null, period, timeZone: TZ })).toBeNull();
  });
});
