import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadAccountForbiddenReason, requireMembership } from "@/lib/auth/loaders";
import { handleAuthRequest } from "@/lib/auth/route";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { authSecretOrThrow } from "@/lib/auth/config";
import { isLiveSignInCode, verificationSecret } from "@/lib/auth/verification";
import { passwordSignIn, sessionCookieOf, testRequest } from "@/tests/doubles/auth";
import { db } from "@/lib/db";
import { requeueEmail } from "@/lib/email/mutations";
import { stopBoss } from "@/lib/jobs/boss";
import { ROUTING_CHANNEL } from "@/lib/tenancy/routing-cache";
import { ACTOR_PASSWORD, actAs, form, memberOf, outcome, passwordUser } from "@/tests/integration/actors";
import { createTenant } from "@/tests/integration/fixtures";
import { setPlatformAdminAction } from "./actions";
import { sendSignInLink, setMerchantStatus, setPlatformAdmin } from "./mutations";
import { IDLE } from "@/lib/actions/form-state";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return {
    headers: async () => {
      const h = await testHeaders();
      h.set("x-patron-path", currentPath.value);
      return h;
    },
    cookies: async () => ({ get: () => undefined, delete: () => undefined }),
  };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
vi.mock("next-intl/server", () => ({ getLocale: async () => "en", getTranslations: async () => (key: string) => key }));

const currentPath = vi.hoisted(() => ({ value: "/" }));

afterAll(async () => {
  await closeRateLimitPool();
  await stopBoss(1_000);
});

beforeEach(() => {
  currentPath.value = "/";
  testRequest.host = "localhost:3000";
  testRequest.cookie = "";
});

async function auditActions(targetId: string) {
  const rows = await db.auditEvent.findMany({ where: { targetId }, orderBy: { createdAt: "asc" }, select: { action: true, actorUserId: true, merchantId: true } });
  return rows;
}

describe("suspending a merchant", () => {
  it("refuses its staff at sign-in and in the account area at once, notifies the routing caches, and is audited", async () => {
    const tenant = await createTenant();
    const staff = await memberOf(tenant, "STAFF");
    const admin = await passwordUser("admin", { isPlatformAdmin: true });
    // A session opened before the suspension.
    await actAs(staff.email);
    const before = testRequest.cookie;
    await expect(requireMembership(tenant.merchant.id)).resolves.toMatchObject({ role: "STAFF" });

    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const notified = new Promise<void>((resolve) => listener.on("notification", (n) => n.channel === ROUTING_CHANNEL && resolve()));
    await listener.query(`LISTEN ${ROUTING_CHANNEL}`);
    try {
      expect(await setMerchantStatus(admin.id, tenant.merchant.id, "SUSPENDED")).toEqual({ ok: true, done: "suspended" });
      await notified;
    } finally {
      await listener.end();
    }

    // The open session: 403 on its next request, and the 403 page says why.
    testRequest.cookie = before;
    currentPath.value = `/account/m/${tenant.merchant.id}/stores`;
    expect(await outcome(requireMembership(tenant.merchant.id))).toBe("forbidden");
    expect(await loadAccountForbiddenReason()).toBe("suspended");
    // A new sign-in: refused, no session.
    const refused = await passwordSignIn("localhost:3000", staff.email, ACTOR_PASSWORD);
    expect(sessionCookieOf(refused)).toBeNull();
    expect(refused.headers.get("location")).toContain("error=AccessDenied");

    expect(await auditActions(tenant.merchant.id)).toEqual([{ action: "merchant.suspend", actorUserId: admin.id, merchantId: tenant.merchant.id }]);

    // Suspending again changes and records nothing.
    expect(await setMerchantStatus(admin.id, tenant.merchant.id, "SUSPENDED")).toEqual({ ok: false, reason: "unchanged" });
    expect(await auditActions(tenant.merchant.id)).toHaveLength(1);

    // Reactivated: in again.
    expect(await setMerchantStatus(admin.id, tenant.merchant.id, "ACTIVE")).toEqual({ ok: true, done: "reactivated" });
    await actAs(staff.email, { fresh: true });
    await expect(requireMembership(tenant.merchant.id)).resolves.toMatchObject({ role: "STAFF" });
    expect((await auditActions(tenant.merchant.id)).map((e) => e.action)).toEqual(["merchant.suspend", "merchant.reactivate"]);
  });

  it("lets a member of another, active merchant sign in; only the suspended merchant's area is closed", async () => {
    const suspended = await createTenant();
    const active = await createTenant();
    const admin = await passwordUser("admin", { isPlatformAdmin: true });
    const both = await memberOf(suspended, "MANAGER");
    await db.membership.create({ data: { userId: both.id, merchantId: active.merchant.id, role: "STAFF" } });
    await setMerchantStatus(admin.id, suspended.merchant.id, "SUSPENDED");
    await actAs(both.email);
    expect(await outcome(requireMembership(suspended.merchant.id))).toBe("forbidden");
    await expect(requireMembership(active.merchant.id)).resolves.toMatchObject({ role: "STAFF" });
    // A platform admin who belongs to a suspended merchant still signs in (to the admin area).
    const adminMember = await passwordUser("admin-member", { isPlatformAdmin: true });
    await db.membership.create({ data: { userId: adminMember.id, merchantId: suspended.merchant.id, role: "OWNER" } });
    expect(sessionCookieOf(await passwordSignIn("localhost:3000", adminMember.email, ACTOR_PASSWORD))).not.toBeNull();
  });

  it("refuses the emailed sign-in link too, and the admin's reset link works once reactivated", async () => {
    const tenant = await createTenant();
    const owner = await memberOf(tenant, "OWNER");
    const admin = await passwordUser("admin", { isPlatformAdmin: true });
    await setMerchantStatus(admin.id, tenant.merchant.id, "SUSPENDED");
    const link = async () => {
      await sendSignInLink(admin.id, owner.id, "en");
      const email = await db.emailMessage.findFirstOrThrow({ where: { to: owner.email, template: "sign-in" }, orderBy: { createdAt: "desc" }, select: { data: true } });
      const url = new URL((email.data as { url: string }).url);
      return handleAuthRequest(new NextRequest(`http://localhost:3000${url.pathname}${url.search}`, { headers: { host: url.host, "x-forwarded-for": "203.0.113.77" } }));
    };
    const refused = await link();
    expect(sessionCookieOf(refused)).toBeNull();
    expect(refused.headers.get("location")).toContain("error=AccessDenied");
    await setMerchantStatus(admin.id, tenant.merchant.id, "ACTIVE");
    const accepted = await link();
    expect(sessionCookieOf(accepted)).not.toBeNull();
    expect(accepted.headers.get("location")).toBe("http://localhost:3000/account");
  });

  it("answers notFound for a merchant that does not exist, writing nothing", async () => {
    const admin = await passwordUser("admin", { isPlatformAdmin: true });
    expect(await setMerchantStatus(admin.id, "no-such-merchant", "SUSPENDED")).toEqual({ ok: false, reason: "notFound" });
    expect(await db.auditEvent.count({ where: { targetId: "no-such-merchant" } })).toBe(0);
  });
});

describe("the platform admin right", () => {
  // This describe owns the set of admins: it starts from none (other files' admins are demoted).
  beforeEach(async () => {
    await db.user.updateMany({ where: { isPlatformAdmin: true }, data: { isPlatformAdmin: false } });
  });

  it("is never revoked from the last admin, not even by themselves; nothing is written", async () => {
    const only = await passwordUser("only-admin", { isPlatformAdmin: true });
    expect(await setPlatformAdmin(only.id, only.id, false)).toEqual({ ok: false, reason: "lastAdmin" });
    expect(await db.user.findUnique({ where: { id: only.id }, select: { isPlatformAdmin: true } })).toEqual({ isPlatformAdmin: true });
    expect(await db.auditEvent.count({ where: { targetId: only.id } })).toBe(0);
  });

  it("can be granted, then given up while another admin remains", async () => {
    const a = await passwordUser("admin-a", { isPlatformAdmin: true });
    const b = await passwordUser("admin-b");
    expect(await setPlatformAdmin(a.id, b.id, true)).toEqual({ ok: true, done: "adminGranted" });
    expect(await setPlatformAdmin(a.id, b.id, true)).toEqual({ ok: false, reason: "unchanged" });
    expect(await setPlatformAdmin(a.id, a.id, false)).toEqual({ ok: true, done: "adminRevoked" });
    expect(await setPlatformAdmin(b.id, b.id, false)).toEqual({ ok: false, reason: "lastAdmin" });
    expect(await setPlatformAdmin(b.id, a.id, false)).toEqual({ ok: false, reason: "unchanged" });
    expect(await auditActions(b.id)).toEqual([{ action: "user.admin.grant", actorUserId: a.id, merchantId: null }]);
    expect(await auditActions(a.id)).toEqual([{ action: "user.admin.revoke", actorUserId: a.id, merchantId: null }]);
  });

  it("survives two admins revoking each other at the same moment: exactly one succeeds", async () => {
    for (let round = 0; round < 5; round++) {
      await db.user.updateMany({ where: { isPlatformAdmin: true }, data: { isPlatformAdmin: false } });
      const a = await passwordUser("race-a", { isPlatformAdmin: true });
      const b = await passwordUser("race-b", { isPlatformAdmin: true });
      const results = await Promise.all([setPlatformAdmin(a.id, b.id, false), setPlatformAdmin(b.id, a.id, false)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "lastAdmin" }]);
      expect(await db.user.count({ where: { isPlatformAdmin: true } })).toBe(1);
    }
  });

  it("the form action refuses the last admin's own revocation with its reason, writing nothing", async () => {
    const only = await passwordUser("only-admin", { isPlatformAdmin: true });
    await actAs(only.email);
    expect(await setPlatformAdminAction(IDLE, form({ userId: only.id, admin: "revoke" }))).toEqual({
      status: "error",
      error: { key: "AdminArea.results.lastAdmin", message: "AdminArea.results.lastAdmin" },
      values: { userId: only.id, admin: "revoke" },
    });
    expect(await setPlatformAdminAction(IDLE, form({ userId: only.id, admin: "maybe" }))).toEqual({
      status: "error",
      fieldErrors: { admin: { key: "AdminArea.results.invalid", message: "AdminArea.results.invalid" } },
      values: { userId: only.id, admin: "maybe" },
    });
    expect(await db.user.count({ where: { isPlatformAdmin: true } })).toBe(1);
    expect(await db.auditEvent.count({ where: { targetId: only.id } })).toBe(0);
  });

  it("an unknown user is notFound", async () => {
    const a = await passwordUser("admin-a", { isPlatformAdmin: true });
    expect(await setPlatformAdmin(a.id, "nobody", true)).toEqual({ ok: false, reason: "notFound" });
  });
});

describe("reset sign-in", () => {
  it("emails a live one-time apex sign-in link and code through the outbox, audited", async () => {
    const admin = await passwordUser("admin", { isPlatformAdmin: true });
    const user = await passwordUser("forgetful");
    expect(await sendSignInLink(admin.id, user.id, "fr")).toEqual({ ok: true, done: "signInLinkSent" });
    const email = await db.emailMessage.findFirstOrThrow({ where: { to: user.email }, select: { id: true, template: true, locale: true, data: true, merchantId: true } });
    expect(email).toMatchObject({ template: "sign-in", locale: "fr", merchantId: null });
    const data = email.data as { url: string; code: string; storeName: string | null };
    const url = new URL(data.url);
    expect(url.origin).toBe("http://localhost:3000");
    expect(url.pathname).toBe("/api/auth/callback/email");
    expect(url.searchParams.get("email")).toBe(user.email);
    expect(url.searchParams.get("token")).toBe(data.code);
    expect(url.searchParams.get("callbackUrl")).toBe("http://localhost:3000/fr/account");
    expect(await isLiveSignInCode(user.email, data.code, verificationSecret(authSecretOrThrow(), "localhost:3000"))).toBe(true);
    expect(await auditActions(user.id)).toEqual([{ action: "user.sign-in-link", actorUserId: admin.id, merchantId: null }]);
    expect(await sendSignInLink(admin.id, "nobody", "en")).toEqual({ ok: false, reason: "notFound" });
  });
});

describe("send again", () => {
  it("records who re-queued the message, under the message's merchant", async () => {
    const tenant = await createTenant();
    const admin = await passwordUser("admin", { isPlatformAdmin: true });
    const message = await db.emailMessage.create({
      data: { merchantId: tenant.merchant.id, to: "x@example.test", template: "sign-in", locale: "en", data: {}, subject: "s", status: "FAILED", idempotencyKey: `k-${tenant.tag}` },
      select: { id: true },
    });
    expect(await requeueEmail(message.id, admin.id)).toEqual({ ok: true });
    expect(await auditActions(message.id)).toEqual([{ action: "email.resend", actorUserId: admin.id, merchantId: tenant.merchant.id }]);
  });
});
