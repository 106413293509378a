import { afterAll, describe, expect, it, vi } from "vitest";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { actAs, memberOf, outcome, passwordUser } from "@/tests/integration/actors";
import { createTenant } from "@/tests/integration/fixtures";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import { loadAdminAuditLog, loadMerchantAuditLog } from "./loaders";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return { headers: async () => testHeaders() };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));

afterAll(async () => {
  await closeRateLimitPool();
});

async function event(merchantId: string | null, action: string, actorUserId: string | null, createdAt: string, targetId = "t") {
  await db.auditEvent.create({ data: { merchantId, action, actorUserId, targetType: "Thing", targetId, createdAt: new Date(createdAt) } });
}

describe("audit log", async () => {
  const a = await createTenant();
  const b = await createTenant();
  const ownerA = await memberOf(a, "OWNER");
  const managerA = await memberOf(a, "MANAGER");
  const scopedManager = await memberOf(a, "MANAGER", [a.store.id]);
  const ownerB = await memberOf(b, "OWNER");
  const admin = await passwordUser("admin", { isPlatformAdmin: true });
  await event(a.merchant.id, "coupon.create", ownerA.id, "2026-11-01T10:00:00Z", `a-coupon-${a.tag}`);
  await event(a.merchant.id, "order.refund", managerA.id, "2026-11-02T10:00:00Z", `a-order-${a.tag}`);
  // 23:30 UTC on Nov 2 is Nov 3 in Luxembourg.
  await event(a.merchant.id, "coupon.pause", managerA.id, "2026-11-02T23:30:00Z", `a-pause-${a.tag}`);
  await event(b.merchant.id, "coupon.create", ownerB.id, "2026-11-01T10:00:00Z", `b-coupon-${b.tag}`);
  await event(null, "user.admin.grant", admin.id, "2026-11-01T10:00:00Z", `platform-${a.tag}`);

  const targets = (view: Awaited<ReturnType<typeof loadMerchantAuditLog>>) => (view.ok ? view.page.rows.map((r) => r.targetId) : view);

  it("shows a merchant only its own events, whatever the merchant filter says", async () => {
    await actAs(ownerA.email);
    expect(targets(await loadMerchantAuditLog(a.merchant.id, {}))).toEqual([`a-pause-${a.tag}`, `a-order-${a.tag}`, `a-coupon-${a.tag}`]);
    expect(targets(await loadMerchantAuditLog(a.merchant.id, { merchant: b.merchant.id }))).toEqual([`a-pause-${a.tag}`, `a-order-${a.tag}`, `a-coupon-${a.tag}`]);
    const view = await loadMerchantAuditLog(a.merchant.id, {});
    expect(view.ok && view.page.rows[1]).toMatchObject({ action: "order.refund", actorEmail: managerA.email, merchant: { id: a.merchant.id } });
    // B's owner asking for A's log: 404.
    await actAs(ownerB.email);
    expect(await outcome(loadMerchantAuditLog(a.merchant.id, {}))).toBe("notFound");
  });

  it("is for owners and managers of every store: a manager limited to some stores gets 403", async () => {
    await actAs(managerA.email);
    expect(targets(await loadMerchantAuditLog(a.merchant.id, { action: "coupon." }))).toEqual([`a-pause-${a.tag}`, `a-coupon-${a.tag}`]);
    await actAs(scopedManager.email);
    expect(await outcome(loadMerchantAuditLog(a.merchant.id, {}))).toBe("forbidden");
  });

  it("filters by action prefix, actor and Luxembourg days", async () => {
    await actAs(ownerA.email);
    expect(targets(await loadMerchantAuditLog(a.merchant.id, { actor: managerA.email.slice(0, 12).toUpperCase() }))).toEqual([`a-pause-${a.tag}`, `a-order-${a.tag}`]);
    expect(targets(await loadMerchantAuditLog(a.merchant.id, { from: "2026-11-02", to: "2026-11-02" }))).toEqual([`a-order-${a.tag}`]);
    expect(targets(await loadMerchantAuditLog(a.merchant.id, { from: "2026-11-03" }))).toEqual([`a-pause-${a.tag}`]);
  });

  it("reads days in the zone the merchant's stores share", async () => {
    const far = await createTenant();
    await db.store.update({ where: { id: far.store.id }, data: { timeZone: "Asia/Kathmandu" } });
    const owner = await memberOf(far, "OWNER");
    // 20:00 UTC on Nov 2 is 21:00 on Nov 2 in Luxembourg, but 01:45 on Nov 3 in Kathmandu.
    await event(far.merchant.id, "coupon.create", owner.id, "2026-11-02T20:00:00Z", `far-${far.tag}`);
    await actAs(owner.email);
    const view = await loadMerchantAuditLog(far.merchant.id, { from: "2026-11-03", to: "2026-11-03" });
    expect(view.timeZone).toBe("Asia/Kathmandu");
    expect(targets(view)).toEqual([`far-${far.tag}`]);
    expect(targets(await loadMerchantAuditLog(far.merchant.id, { from: "2026-11-02", to: "2026-11-02" }))).toEqual([]);
  });

  it("refuses malformed filters with the reasons, listing nothing", async () => {
    await actAs(ownerA.email);
    expect(await loadMerchantAuditLog(a.merchant.id, { from: "2026-02-30", action: "drop table;" })).toEqual({
      ok: false,
      errors: expect.arrayContaining(["invalidDate", "invalidAction"]),
      raw: { from: "2026-02-30", action: "drop table;" },
      timeZone: DEFAULT_TIME_ZONE,
    });
    expect(await loadMerchantAuditLog(a.merchant.id, { from: "2026-11-05", to: "2026-11-01" })).toMatchObject({ ok: false, errors: ["rangeOrder"] });
    expect(await loadMerchantAuditLog(a.merchant.id, { page: "-3" })).toMatchObject({ ok: false, errors: ["invalidPage"] });
  });

  it("lets platform admins read every event, filtered by merchant id or name", async () => {
    await actAs(admin.email);
    const all = await loadAdminAuditLog({ action: "user.admin" });
    expect(all.ok && all.page.rows.some((r) => r.targetId === `platform-${a.tag}` && r.merchant === null)).toBe(true);
    expect(targets(await loadAdminAuditLog({ merchant: b.merchant.id }))).toEqual([`b-coupon-${b.tag}`]);
    expect(targets(await loadAdminAuditLog({ merchant: b.merchant.name.toLowerCase() }))).toEqual([`b-coupon-${b.tag}`]);
    await actAs(ownerA.email);
    expect(await outcome(loadAdminAuditLog({}))).toBe("forbidden");
  });
});
