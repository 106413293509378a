import { NextRequest } from "next/server";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { createTenant, createUser } from "@/tests/integration/fixtures";
import { loadCustomerSession, loadSession, requireMembership, requirePlatformAdmin } from "./loaders";
import { hashPassword } from "./password";
import { closeRateLimitPool } from "./rate-limit";
import { TestForbidden, TestNotFound, TestRedirect } from "@/tests/doubles/next-navigation";
import { handleAuthRequest } from "./route";
import { passwordSignIn, requestSignInEmail, sessionCookieOf, testRequest } from "@/tests/doubles/auth";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  // No guest cart cookie: sign-in finds no cart to merge.
  return { headers: async () => testHeaders(), cookies: async () => ({ get: () => undefined, delete: () => undefined }) };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
vi.mock("next-intl/server", () => ({ getLocale: async () => "de" }));

afterAll(async () => {
  await closeRateLimitPool();
  await stopBoss(1_000);
});

const PASSWORD = "open sesame";
const passwordHash = await hashPassword(PASSWORD);

async function signedInAs(email: string, host = "localhost:3000") {
  const cookie = sessionCookieOf(await passwordSignIn("localhost:3000", email, PASSWORD));
  if (!cookie) throw new Error(`could not sign in ${email}`);
  testRequest.host = host;
  testRequest.cookie = cookie;
}

beforeEach(() => {
  testRequest.host = "localhost:3000";
  testRequest.cookie = "";
});

describe("gates", async () => {
  const a = await createTenant();
  const b = await createTenant();
  const member = await createUser(`member-${a.tag}@example.test`, { passwordHash });
  await db.membership.create({ data: { userId: member.id, merchantId: a.merchant.id, role: "MANAGER" } });
  const outsider = await createUser(`outsider-${b.tag}@example.test`, { passwordHash });
  await db.membership.create({ data: { userId: outsider.id, merchantId: b.merchant.id, role: "OWNER" } });
  const admin = await createUser(`admin-${a.tag}@example.test`, { passwordHash, isPlatformAdmin: true });

  it("sees nobody without a cookie, or with a garbage or tampered one", async () => {
    await expect(loadSession()).resolves.toBeNull();
    testRequest.cookie = "authjs.session-token=garbage";
    await expect(loadSession()).resolves.toBeNull();
    await signedInAs(member.email);
    testRequest.cookie = testRequest.cookie.slice(0, -6) + "AAAAAA";
    await expect(loadSession()).resolves.toBeNull();
  });

  it("reads the signed-in user from the database", async () => {
    await signedInAs(member.email);
    await expect(loadSession()).resolves.toEqual({ userId: member.id, email: member.email, name: null, isPlatformAdmin: false });
  });

  it("gives members their merchant id, role and store scope", async () => {
    await signedInAs(member.email);
    const access = await requireMembership(a.merchant.id);
    expect(access).toEqual({ merchantId: a.merchant.id, userId: member.id, role: "MANAGER", storeIds: null });
  });

  it("limits a scoped membership to its stores", async () => {
    const scoped = await createUser(`scoped-${a.tag}@example.test`, { passwordHash });
    const m = await db.membership.create({ data: { userId: scoped.id, merchantId: a.merchant.id, role: "STAFF" }, select: { id: true } });
    await db.membershipStore.create({ data: { membershipId: m.id, storeId: a.store.id, merchantId: a.merchant.id } });
    await signedInAs(scoped.email);
    await expect(requireMembership(a.merchant.id)).resolves.toMatchObject({ role: "STAFF", storeIds: [a.store.id] });
  });

  it("answers 404 to a member of another merchant", async () => {
    await signedInAs(outsider.email);
    await expect(requireMembership(a.merchant.id)).rejects.toBeInstanceOf(TestNotFound);
    await expect(requireMembership("no-such-merchant")).rejects.toBeInstanceOf(TestNotFound);
  });

  it("sends anonymous visitors to the apex sign-in, coming back to where they were", async () => {
    const error = await requireMembership(a.merchant.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TestRedirect);
    expect((error as TestRedirect).url).toBe(`/de/sign-in?callbackUrl=%2Fde%2Faccount%2Fm%2F${a.merchant.id}`);
    const adminError = await requirePlatformAdmin({ from: "/admin/emails" }).catch((e: unknown) => e);
    expect((adminError as TestRedirect).url).toBe("/de/sign-in?callbackUrl=%2Fde%2Fadmin%2Femails");
  });

  it("takes a removed membership away on the next request", async () => {
    const leaving = await createUser(`leaving-${a.tag}@example.test`, { passwordHash });
    await db.membership.create({ data: { userId: leaving.id, merchantId: a.merchant.id, role: "STAFF" } });
    await signedInAs(leaving.email);
    await expect(requireMembership(a.merchant.id)).resolves.toMatchObject({ role: "STAFF" });
    await db.membership.deleteMany({ where: { userId: leaving.id } });
    await expect(requireMembership(a.merchant.id)).rejects.toBeInstanceOf(TestNotFound);
  });

  it("lets platform admins through and refuses everyone else", async () => {
    await signedInAs(admin.email);
    await expect(requirePlatformAdmin()).resolves.toEqual({ userId: admin.id, email: admin.email });
    await signedInAs(member.email);
    await expect(requirePlatformAdmin()).rejects.toBeInstanceOf(TestForbidden);
  });

  it("takes admin rights away on the next request", async () => {
    const former = await createUser(`former-${a.tag}@example.test`, { passwordHash, isPlatformAdmin: true });
    await signedInAs(former.email);
    await expect(requirePlatformAdmin()).resolves.toMatchObject({ userId: former.id });
    await db.user.update({ where: { id: former.id }, data: { isPlatformAdmin: false } });
    await expect(requirePlatformAdmin()).rejects.toBeInstanceOf(TestForbidden);
  });

  it("counts an apex session as signed out on a storefront", async () => {
    await signedInAs(member.email, `${a.store.slug}.localhost:3000`);
    await expect(loadSession()).resolves.toBeNull();
    await expect(requireMembership(a.merchant.id)).rejects.toBeInstanceOf(TestRedirect);
  });

  it("finds the customer signed in on the store's own host, and nowhere else", async () => {
    const email = `shopper-${a.tag}@example.test`;
    const host = `${a.store.slug}.localhost:3000`;
    await requestSignInEmail(host, email);
    const message = await db.emailMessage.findFirstOrThrow({ where: { to: email }, select: { data: true } });
    const link = new URL((message.data as { url: string }).url);
    testRequest.host = host;
    const response = await handleAuthRequest(new NextRequest(`http://localhost:3000${link.pathname}${link.search}`, { headers: { host } }));
    testRequest.cookie = sessionCookieOf(response)!;
    await expect(loadCustomerSession(a.store.id)).resolves.toMatchObject({ email, merchantId: a.merchant.id, name: null });
    // Another store's id on this host, or this cookie on another store's host: nobody.
    await expect(loadCustomerSession(b.store.id)).resolves.toBeNull();
    testRequest.host = `${b.store.slug}.localhost:3000`;
    await expect(loadCustomerSession(b.store.id)).resolves.toBeNull();
    // A merchant's apex session is no customer session.
    await signedInAs(member.email);
    await expect(loadCustomerSession(a.store.id)).resolves.toBeNull();
  });
});
