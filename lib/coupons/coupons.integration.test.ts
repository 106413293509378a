import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { testRequest } from "@/tests/doubles/auth";
import { IDLE } from "@/lib/actions/form-state";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { createCouponRow } from "@/tests/integration/cart-fixtures";
import { actAs as signedInAs, form, memberOf as member, outcome, redirectOf } from "@/tests/integration/actors";
import { createTenant } from "@/tests/integration/fixtures";
import { invalidatedTags } from "@/tests/integration/next-cache-stub";
import { createCouponAction, setCouponPausedAction, updateCouponAction } from "./actions";
import { findCoupon, listCoupons, listRedemptions, loadCouponUsage } from "./data";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return { headers: async () => testHeaders() };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
// The request's locale, and a translator whose texts are the keys and their placeholders.
const request = vi.hoisted(() => ({ locale: "en" }));
vi.mock("next-intl/server", () => ({
  getLocale: async () => request.locale,
  getTranslations: async () => (key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key),
}));

afterAll(async () => {
  await closeRateLimitPool();
});

beforeEach(() => {
  request.locale = "en";
  testRequest.host = "localhost:3000";
  testRequest.cookie = "";
});

describe("merchant coupon actions", () => {
  it("a manager creates, edits, pauses and resumes a coupon, each with an audit event", async () => {
    const tenant = await createTenant();
    const manager = await member(tenant, "MANAGER");
    await signedInAs(manager.email);
    const ids = { merchantId: tenant.merchant.id as MerchantId, storeId: tenant.store.id as StoreId };

    // The list it returns to is in the request's language.
    request.locale = "fr";
    invalidatedTags.length = 0;
    const created = await redirectOf(
      createCouponAction(ids.merchantId, ids.storeId, IDLE, form({ code: "bienvenue10", kind: "PERCENT", percent: "10", cap: "20", minimum: "50", perCustomerLimit: "1", totalLimit: "100", combinable: "on" })),
    );
    expect(created).toBe(`/fr/account/m/${ids.merchantId}/stores/${ids.storeId}/coupons`);
    // The store's storefront and the merchant's account area show the new coupon.
    expect(invalidatedTags).toEqual([`store:${ids.storeId}`, `account:${ids.merchantId}`]);
    request.locale = "en";
    const [coupon] = await listCoupons(ids.merchantId, ids.storeId);
    expect(coupon).toMatchObject({ code: "BIENVENUE10", kind: "PERCENT", percentBasisPoints: 1000, maxDiscountCents: 2000, minSubtotalCents: 5000, perCustomerLimit: 1, totalLimit: 100, combinable: true, paused: false });

    const edited = await redirectOf(updateCouponAction(ids.merchantId, ids.storeId, IDLE, form({ couponId: coupon!.id, code: "BIENVENUE10", kind: "FIXED", amount: "5" })));
    expect(edited).toContain("/coupons");
    expect(await findCoupon(ids.merchantId, ids.storeId, coupon!.id)).toMatchObject({ kind: "FIXED", amountCents: 500, percentBasisPoints: null, combinable: false });

    await setCouponPausedAction(ids.merchantId, ids.storeId, IDLE, form({ couponId: coupon!.id, paused: "true" }));
    expect((await findCoupon(ids.merchantId, ids.storeId, coupon!.id))?.paused).toBe(true);
    await setCouponPausedAction(ids.merchantId, ids.storeId, IDLE, form({ couponId: coupon!.id, paused: "false" }));
    expect((await findCoupon(ids.merchantId, ids.storeId, coupon!.id))?.paused).toBe(false);

    const events = await db.auditEvent.findMany({ where: { merchantId: ids.merchantId, targetId: coupon!.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorUserId: true } });
    expect(events.map((e) => e.action)).toEqual(["coupon.create", "coupon.update", "coupon.pause", "coupon.resume"]);
    expect(events.every((e) => e.actorUserId === manager.id)).toBe(true);
  });

  it("reads the dates typed in the form in the store's time zone", async () => {
    const tenant = await createTenant();
    await db.store.update({ where: { id: tenant.store.id }, data: { timeZone: "America/New_York" } });
    const manager = await member(tenant, "MANAGER");
    await signedInAs(manager.email);
    const ids = { merchantId: tenant.merchant.id as MerchantId, storeId: tenant.store.id as StoreId };
    await redirectOf(createCouponAction(ids.merchantId, ids.storeId, IDLE, form({ code: "NEWYEAR", kind: "FIXED", amount: "5", startsAt: "2027-01-01T00:00", endsAt: "2027-01-01T23:59" })));
    const [coupon] = await listCoupons(ids.merchantId, ids.storeId);
    expect(await findCoupon(ids.merchantId, ids.storeId, coupon!.id)).toMatchObject({
      startsAt: new Date("2027-01-01T05:00:00Z"),
      endsAt: new Date("2027-01-02T04:59:00Z"),
    });
  });

  it("codes are unique per store whatever the case, with a clear field error", async () => {
    const tenant = await createTenant();
    const other = await createTenant();
    const owner = await member(tenant, "OWNER");
    await createCouponRow(tenant, { code: "SUMMER" });
    await createCouponRow(other, { code: "WINTER" });
    await signedInAs(owner.email);
    const ids = { merchantId: tenant.merchant.id, storeId: tenant.store.id };
    expect(await createCouponAction(ids.merchantId, ids.storeId, IDLE, form({ code: "summer", kind: "FIXED", amount: "5" }))).toMatchObject({
      status: "error",
      fieldErrors: { code: { key: "Coupons.merchant.errors.codeTaken" } },
      values: { code: "summer" },
    });
    // Another store's code is no collision.
    expect(await redirectOf(createCouponAction(ids.merchantId, ids.storeId, IDLE, form({ code: "winter", kind: "FIXED", amount: "5" })))).toContain("/coupons");
    // Renaming onto an existing code is refused too.
    const winter = (await listCoupons(ids.merchantId as MerchantId, ids.storeId as StoreId)).find((c) => c.code === "WINTER")!;
    expect(await updateCouponAction(ids.merchantId, ids.storeId, IDLE, form({ couponId: winter.id, code: "Summer", kind: "FIXED", amount: "5" }))).toMatchObject({ fieldErrors: { code: { key: "Coupons.merchant.errors.codeTaken" } } });
  });

  it("bad input writes nothing and says which field", async () => {
    const tenant = await createTenant();
    const owner = await member(tenant, "OWNER");
    await signedInAs(owner.email);
    const result = await createCouponAction(tenant.merchant.id, tenant.store.id, IDLE, form({ code: "x/y", kind: "PERCENT", percent: "150", totalLimit: "-1" }));
    expect(result).toMatchObject({ status: "error", fieldErrors: { code: { key: "Coupons.merchant.errors.invalidCode" }, percent: { key: "Coupons.merchant.errors.invalidPercent" }, totalLimit: { key: "Coupons.merchant.errors.invalidNumber" } } });
    expect(await db.coupon.count({ where: { merchantId: tenant.merchant.id } })).toBe(0);
  });

  it("the total limit cannot drop below redemptions already counted", async () => {
    const tenant = await createTenant();
    const owner = await member(tenant, "OWNER");
    const coupon = await createCouponRow(tenant, { code: "LIMITED", totalLimit: 10 });
    await db.coupon.update({ where: { id: coupon.id }, data: { redemptionCount: 4 } });
    await signedInAs(owner.email);
    expect(await updateCouponAction(tenant.merchant.id, tenant.store.id, IDLE, form({ couponId: coupon.id, code: "LIMITED", kind: "FIXED", amount: "5", totalLimit: "3" }))).toMatchObject({
      fieldErrors: { totalLimit: { key: "Coupons.merchant.errors.limitBelowRedemptions", message: 'Coupons.merchant.errors.limitBelowRedemptions {"count":4}' } },
    });
    expect(await redirectOf(updateCouponAction(tenant.merchant.id, tenant.store.id, IDLE, form({ couponId: coupon.id, code: "LIMITED", kind: "FIXED", amount: "5", totalLimit: "4" })))).toContain("/coupons");
  });

  it("a member of another merchant gets notFound; staff get forbidden", async () => {
    const victim = await createTenant();
    const attacker = await createTenant();
    const coupon = await createCouponRow(victim, { code: "SECRET" });
    const attackerOwner = await member(attacker, "OWNER");
    await signedInAs(attackerOwner.email);
    const v = { merchantId: victim.merchant.id, storeId: victim.store.id };
    expect(await outcome(createCouponAction(v.merchantId, v.storeId, IDLE, form({ code: "EVIL", kind: "FIXED", amount: "5" })))).toBe("notFound");
    expect(await outcome(updateCouponAction(v.merchantId, v.storeId, IDLE, form({ couponId: coupon.id, code: "EVIL", kind: "FIXED", amount: "5" })))).toBe("notFound");
    expect(await outcome(setCouponPausedAction(v.merchantId, v.storeId, IDLE, form({ couponId: coupon.id, paused: "true" })))).toBe("notFound");
    // Their own store with the victim's coupon id: still notFound, and nothing changed.
    const a = { merchantId: attacker.merchant.id, storeId: attacker.store.id };
    expect(await outcome(updateCouponAction(a.merchantId, a.storeId, IDLE, form({ couponId: coupon.id, code: "EVIL", kind: "FIXED", amount: "5" })))).toMatchObject({ status: "error", error: { key: "Coupons.merchant.errors.notFound" } });
    expect(await outcome(setCouponPausedAction(a.merchantId, a.storeId, IDLE, form({ couponId: coupon.id, paused: "true" })))).toBe("notFound");
    expect(await db.coupon.findUnique({ where: { id: coupon.id }, select: { code: true, paused: true } })).toEqual({ code: "SECRET", paused: false });
    expect(await findCoupon(attacker.merchant.id as MerchantId, attacker.store.id as StoreId, coupon.id)).toBeNull();
    expect(await listRedemptions(attacker.merchant.id as MerchantId, attacker.store.id as StoreId, coupon.id)).toEqual([]);

    const staff = await member(victim, "STAFF");
    await signedInAs(staff.email);
    expect(await outcome(createCouponAction(v.merchantId, v.storeId, IDLE, form({ code: "STAFF", kind: "FIXED", amount: "5" })))).toBe("forbidden");
  });
});

describe("loadCouponUsage", () => {
  it("counts ACTIVE redemptions overall and for the buyer by customer id or normalized email", async () => {
    const tenant = await createTenant();
    const coupon = await createCouponRow(tenant, { code: "USED" });
    const customer = await db.customer.create({ data: { merchantId: tenant.merchant.id, email: "lea@example.test" }, select: { id: true } });
    const order = (n: string, email: string) =>
      db.order.create({
        data: {
          merchantId: tenant.merchant.id,
          storeId: tenant.store.id,
          number: n,
          email,
          locale: "en",
          currency: "EUR",
          subtotalCents: 1000,
          discountCents: 500,
          totalCents: 500,
          amountDueCents: 500,
          paymentProvider: "NONE",
          idempotencyKey: `${tenant.tag}-${n}`,
          transactionId: `${tenant.tag}-${n}`,
        },
        select: { id: true },
      });
    const o1 = await order("1", "lea@example.test");
    const o2 = await order("2", "guest@example.test");
    const o3 = await order("3", "guest@example.test");
    await db.couponRedemption.createMany({
      data: [
        { merchantId: tenant.merchant.id, couponId: coupon.id, orderId: o1.id, customerId: customer.id, email: "lea@example.test", amountCents: 500 },
        { merchantId: tenant.merchant.id, couponId: coupon.id, orderId: o2.id, email: "guest@example.test", amountCents: 500 },
        { merchantId: tenant.merchant.id, couponId: coupon.id, orderId: o3.id, email: "guest@example.test", amountCents: 500, status: "RELEASED" },
      ],
    });
    const mid = tenant.merchant.id as MerchantId;
    expect(await loadCouponUsage(mid, [coupon.id], { customerId: customer.id })).toEqual({ [coupon.id]: { total: 2, byCustomer: 1 } });
    expect(await loadCouponUsage(mid, [coupon.id], { email: " Guest@Example.test " })).toEqual({ [coupon.id]: { total: 2, byCustomer: 1 } });
    expect(await loadCouponUsage(mid, [coupon.id], {})).toEqual({ [coupon.id]: { total: 2, byCustomer: 0 } });
    const other = await createTenant();
    expect(await loadCouponUsage(other.merchant.id as MerchantId, [coupon.id], { customerId: customer.id })).toEqual({ [coupon.id]: { total: 0, byCustomer: 0 } });
  });
});
