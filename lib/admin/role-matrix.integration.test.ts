import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { IDLE } from "@/lib/actions/form-state";
import { resendEmailAction } from "@/lib/admin/actions";
import { loadMailbox } from "@/lib/admin/loaders";
import { stopBoss } from "@/lib/jobs/boss";
import { loadAdminAuditLog, loadMerchantAuditLog } from "@/lib/audit-log/loaders";
import { loadReports, reportExportAccess } from "@/lib/reports/loaders";
import { actAs, customerOf, form, memberOf, outcome, passwordUser, type Tenant } from "@/tests/integration/actors";
import { createTenant } from "@/tests/integration/fixtures";
import { createOrderRow } from "@/tests/integration/order-fixtures";
import { sendSignInLinkAction, setMerchantStatusAction, setPlatformAdminAction } from "./actions";
import { loadAdminMerchant, loadAdminMerchants, loadAdminOrders, loadAdminPaymentIssues, loadAdminUser, loadAdminUsers } from "./loaders";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return { headers: async () => testHeaders(), cookies: async () => ({ get: () => undefined, delete: () => undefined }) };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
vi.mock("next-intl/server", () => ({
  getLocale: async () => "en",
  getTranslations: async () => (key: string) => key,
}));

afterAll(async () => {
  await closeRateLimitPool();
  await stopBoss(1_000);
});

/**
 * Every page and action of the reports, the merchant audit log and the admin area, for each kind
 * of visitor. Merchant pages: members of the merchant by role, everyone else 404 (platform admins
 * included: they work from /admin). Admin pages and actions: platform admins only, 403 otherwise.
 * The orders CSV route has its own matrix beside it (app/.../reports/export/route.integration.test.ts).
 */
const ACTORS = ["anonymous", "customer", "staff", "manager", "owner", "otherOwner", "platformAdmin"] as const;
type Actor = (typeof ACTORS)[number];

let tenant: Tenant;
let other: Tenant;
const emails = {} as Record<Exclude<Actor, "anonymous">, string>;
let messageId: string;
let matrixOrderNumber: string;

beforeAll(async () => {
  tenant = await createTenant();
  other = await createTenant();
  emails.customer = (await customerOf(tenant)).email;
  emails.staff = (await memberOf(tenant, "STAFF")).email;
  emails.manager = (await memberOf(tenant, "MANAGER")).email;
  emails.owner = (await memberOf(tenant, "OWNER")).email;
  emails.otherOwner = (await memberOf(other, "OWNER")).email;
  emails.platformAdmin = (await passwordUser("admin", { isPlatformAdmin: true })).email;
  // An order for the report pages to show (and the admin order search to find).
  matrixOrderNumber = `M-${tenant.tag}`;
  await createOrderRow(tenant, tenant.store.id, {
    number: matrixOrderNumber,
    status: "PAID",
    createdAt: new Date().toISOString(),
    lines: [{ productId: null, title: "Secret blend", unitPriceCents: 1234, quantity: 1 }],
  });
  await db.auditEvent.create({ data: { merchantId: tenant.merchant.id, action: "coupon.create", targetType: "Coupon", targetId: "matrix" } });
  messageId = (
    await db.emailMessage.create({
      data: { merchantId: tenant.merchant.id, to: "matrix@example.test", template: "sign-in", locale: "en", data: {}, subject: "s", status: "FAILED", idempotencyKey: `matrix-${tenant.tag}` },
      select: { id: true },
    })
  ).id;
});

async function as(actor: Actor) {
  await actAs(actor === "anonymous" ? null : emails[actor]);
}

type Row = Record<Actor, unknown>;
const merchantPage = (ok: unknown): Row => ({
  anonymous: { redirect: expect.stringContaining("/sign-in") },
  customer: "notFound",
  staff: "forbidden",
  manager: ok,
  owner: ok,
  otherOwner: "notFound",
  platformAdmin: "notFound",
});
const adminOnly = (ok: unknown): Row => ({
  anonymous: { redirect: expect.stringContaining("/sign-in") },
  customer: "forbidden",
  staff: "forbidden",
  manager: "forbidden",
  owner: "forbidden",
  otherOwner: "forbidden",
  platformAdmin: ok,
});

/** An action's refusal: its key (the test's translator answers keys) and the form's values. */
const refused = (key: string) => ({ status: "error", error: { key, message: key }, values: expect.any(Object) });

const summarize = (value: unknown) => (typeof value === "object" && value !== null && "ok" in value ? { ok: (value as { ok: boolean }).ok } : value);

const CASES: Array<{ name: string; run: () => Promise<unknown>; expected: Row }> = [
  { name: "reports page", run: () => loadReports(tenant.merchant.id, {}).then(summarize), expected: merchantPage({ ok: true }) },
  { name: "merchant audit log", run: () => loadMerchantAuditLog(tenant.merchant.id, {}).then(summarize), expected: merchantPage({ ok: true }) },
  {
    name: "orders export gate",
    run: () => reportExportAccess(tenant.merchant.id, {}).then((r) => (r.ok ? { ok: true } : r.status)),
    expected: { anonymous: 401, customer: 404, staff: 403, manager: { ok: true }, owner: { ok: true }, otherOwner: 404, platformAdmin: 404 },
  },
  { name: "admin merchants", run: () => loadAdminMerchants({}).then(summarize), expected: adminOnly({ ok: true }) },
  { name: "admin merchant", run: () => loadAdminMerchant(tenant.merchant.id).then((m) => m?.id === tenant.merchant.id), expected: adminOnly(true) },
  { name: "admin users", run: () => loadAdminUsers({}).then(summarize), expected: adminOnly({ ok: true }) },
  { name: "admin user", run: () => loadAdminUser(tenant.owner.id).then((u) => u?.user.id === tenant.owner.id), expected: adminOnly(true) },
  { name: "admin audit log", run: () => loadAdminAuditLog({}).then(summarize), expected: adminOnly({ ok: true }) },
  {
    name: "admin orders",
    run: () => loadAdminOrders({ q: matrixOrderNumber }).then((v) => v.ok && v.page.rows.map((r) => r.number)),
    expected: adminOnly([expect.stringMatching(/^M-/)]),
  },
  { name: "admin payments", run: () => loadAdminPaymentIssues({}).then(summarize), expected: adminOnly({ ok: true }) },
  { name: "admin emails", run: () => loadMailbox({}).then((v) => (v.page?.total ?? 0) > 0), expected: adminOnly(true) },
  {
    // Reactivating an active merchant: the gate answers before anything could change.
    name: "suspend / reactivate",
    run: () => setMerchantStatusAction(IDLE, form({ merchantId: tenant.merchant.id, status: "ACTIVE" })),
    expected: adminOnly(refused("AdminArea.results.unchanged")),
  },
  {
    name: "grant / revoke platform admin",
    run: () => setPlatformAdminAction(IDLE, form({ userId: tenant.owner.id, admin: "revoke" })),
    expected: adminOnly(refused("AdminArea.results.unchanged")),
  },
  {
    name: "send a sign-in link",
    run: () => sendSignInLinkAction(IDLE, form({ userId: tenant.owner.id })),
    expected: adminOnly({ status: "ok", data: "signInLinkSent" }),
  },
  { name: "send an email again", run: () => resendEmailAction(IDLE, form({ id: messageId })), expected: adminOnly({ status: "ok" }) },
];

describe("role matrix", () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const got = {} as Row;
      for (const actor of ACTORS) {
        await as(actor);
        got[actor] = await outcome(c.run());
      }
      expect(got).toEqual(c.expected);
    });
  }

  it("refused actors wrote nothing: one sign-in link, one re-send, no status or admin change", async () => {
    expect(await db.emailMessage.count({ where: { to: tenant.owner.email, template: "sign-in" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { targetId: messageId, action: "email.resend" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { targetId: { in: [tenant.merchant.id, tenant.owner.id] }, action: { in: ["merchant.suspend", "merchant.reactivate", "user.admin.grant", "user.admin.revoke"] } } })).toBe(0);
  });
});

describe("reports: bad input", () => {
  it("malformed dates, a reversed or too long period, another merchant's store: a reason, no figures", async () => {
    await as("manager");
    const id = tenant.merchant.id;
    expect(await loadReports(id, { from: "2026-02-30" })).toMatchObject({ ok: false, error: "invalidDate", raw: { from: "2026-02-30" } });
    expect(await loadReports(id, { from: "x".repeat(500) })).toMatchObject({ ok: false, error: "invalidDate" });
    expect(await loadReports(id, { from: "2026-11-02", to: "2026-11-01" })).toMatchObject({ ok: false, error: "rangeOrder" });
    expect(await loadReports(id, { from: "2024-01-01", to: "2026-11-01" })).toMatchObject({ ok: false, error: "rangeTooLong" });
    expect(await loadReports(id, { store: other.store.id })).toMatchObject({ ok: false, error: "invalidStore" });
    expect(await reportExportAccess(id, { store: other.store.id })).toEqual({ ok: false, status: 400, error: "invalidStore" });
    const fine = await loadReports(id, { store: tenant.store.id });
    expect(fine.ok && fine.report.summaries[0]?.revenueCents).toBe(1234);
  });

  it("a manager limited to some stores sees only those, in the filter and in the figures", async () => {
    const second = await db.store.create({
      data: { merchantId: tenant.merchant.id, slug: `matrix-second-${tenant.tag}`, name: "Second", currency: "EUR", defaultLocale: "en", locales: ["en"] },
      select: { id: true },
    });
    await createOrderRow(tenant, second.id, { status: "PAID", createdAt: new Date().toISOString(), lines: [{ productId: null, title: "Other", unitPriceCents: 5000, quantity: 1 }] });
    const scoped = await memberOf(tenant, "MANAGER", [second.id]);
    await actAs(scoped.email);
    const view = await loadReports(tenant.merchant.id, {});
    expect(view.ok && view.selection.stores.map((s) => s.id)).toEqual([second.id]);
    expect(view.ok && view.report.summaries[0]?.revenueCents).toBe(5000);
    expect(await loadReports(tenant.merchant.id, { store: tenant.store.id })).toMatchObject({ ok: false, error: "invalidStore" });
  });
});
