import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { proxiedHeaders } from "@/tests/doubles/proxy";
import type { MerchantId } from "@/lib/tenancy/types";
import { createTenant, createUser } from "@/tests/integration/fixtures";
import { CODE_ALPHABET } from "./codes";
import { ensureCustomer } from "./mutations";
import { closeRateLimitPool } from "./rate-limit";
import { handleAuthRequest } from "./route";
import { requestSignInEmail, sessionCookieOf } from "@/tests/doubles/auth";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
// The request the proxy passed on (its tenant), and no guest cart cookie, so no cart to merge.
const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => current.headers,
  cookies: async () => ({ get: () => undefined, delete: () => undefined }),
}));

afterAll(async () => {
  await closeRateLimitPool();
  await stopBoss(1_000);
});

/** The sign-in email queued last for `to`. */
async function lastSignInEmail(to: string) {
  return db.emailMessage.findFirst({
    where: { to, template: "sign-in" },
    orderBy: { createdAt: "desc" },
    select: { locale: true, merchantId: true, data: true },
  });
}

/** Opens a link as a browser on its host would, through the proxy and the route handler under `next start` (URL on localhost:3000). */
async function open(link: string, ip = "203.0.113.9") {
  const url = new URL(link);
  current.headers = await proxiedHeaders(url.host, { "x-forwarded-for": ip });
  return handleAuthRequest(
    new NextRequest(`http://localhost:3000${url.pathname}${url.search}`, { headers: { host: url.host, "x-forwarded-for": ip } }),
  );
}

describe("storefront sign-in by email", async () => {
  const tenant = await createTenant({ defaultLocale: "fr", locales: ["fr", "en"] });
  const host = `${tenant.store.slug}.localhost:3000`;

  it("queues one email with a link on the store's host and a code, and writes no user yet", async () => {
    const email = `new-${tenant.tag}@example.test`;
    const response = await requestSignInEmail(host, email, { locale: "en", callbackUrl: `http://${host}/en/account` });
    expect(response.status).toBe(302);
    const message = await lastSignInEmail(email);
    expect(message).toMatchObject({ locale: "en", merchantId: tenant.merchant.id });
    const data = message!.data as { url: string; code: string; storeName: string };
    expect(data.storeName).toBe(`Store ${tenant.tag}`);
    expect(data.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
    const link = new URL(data.url);
    expect(link.origin).toBe(`http://${host}`);
    expect(link.searchParams.get("token")).toBe(data.code);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("creates the user and one customer at the store's merchant when the link is opened", async () => {
    const email = `customer-${tenant.tag}@example.test`;
    await requestSignInEmail(host, email, { callbackUrl: `http://${host}/account` });
    const { url } = (await lastSignInEmail(email))!.data as { url: string };
    const response = await open(url);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`http://${host}/account`);
    expect(sessionCookieOf(response)).not.toBeNull();

    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, emailVerified: true } });
    expect(user.emailVerified).not.toBeNull();
    const customers = await db.customer.findMany({ where: { email }, select: { merchantId: true, userId: true } });
    expect(customers).toEqual([{ merchantId: tenant.merchant.id, userId: user.id }]);

    // The link works once.
    const again = await open(url);
    expect(sessionCookieOf(again)).toBeNull();
    expect(again.headers.get("location")).toContain("/sign-in/error?error=Verification");

    // Signing in again does not add a second customer.
    await requestSignInEmail(host, email);
    await open(((await lastSignInEmail(email))!.data as { url: string }).url);
    expect(await db.customer.count({ where: { email } })).toBe(1);
  });

  it("links an existing guest customer instead of creating another", async () => {
    const email = `guest-${tenant.tag}@example.test`;
    await db.customer.create({ data: { merchantId: tenant.merchant.id, email, name: "Guest" } });
    await requestSignInEmail(host, email);
    await open(((await lastSignInEmail(email))!.data as { url: string }).url);
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await db.customer.findMany({ where: { email }, select: { userId: true, name: true } })).toEqual([
      { userId: user.id, name: "Guest" },
    ]);
  });

  it("refuses a code issued on one host when it is used on another", async () => {
    const other = await createTenant();
    const email = `hopper-${tenant.tag}@example.test`;
    await requestSignInEmail(host, email);
    const { url } = (await lastSignInEmail(email))!.data as { url: string };
    const elsewhere = new URL(url);
    elsewhere.host = `${other.store.slug}.localhost:3000`;
    const response = await open(elsewhere.toString());
    expect(sessionCookieOf(response)).toBeNull();
    expect(await db.customer.count({ where: { email } })).toBe(0);
    // Still good on its own host.
    expect(sessionCookieOf(await open(url))).not.toBeNull();
  });

  it("stops guessing at the callback after the limit, before Auth.js looks at the token", async () => {
    const email = `guess-${tenant.tag}@example.test`;
    const ip = `198.51.100.${tenant.tag}`;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => open(`http://${host}/api/auth/callback/email?token=WRONG${i}23&email=${email}`, ip)),
    );
    const limited = results.filter((r) => r.headers.get("location")?.includes("error=RateLimited"));
    expect(limited).toHaveLength(2);
    expect(limited[0]!.headers.get("location")).toMatch(new RegExp(`^http://${host}/sign-in/error\\?error=RateLimited&minutes=\\d+$`));
  });

  it("sends no email on the apex to an address without an account", async () => {
    const email = `stranger-${tenant.tag}@example.test`;
    const response = await requestSignInEmail("localhost:3000", email);
    expect(response.headers.get("location")).toContain("AccessDenied");
    expect(await lastSignInEmail(email)).toBeNull();
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("emails merchants on the apex without a store name or merchant", async () => {
    const owner = await createUser(`merchant-${tenant.tag}@example.test`);
    await requestSignInEmail("localhost:3000", owner.email, { locale: "de" });
    const message = await lastSignInEmail(owner.email);
    expect(message).toMatchObject({ locale: "de", merchantId: null });
    expect((message!.data as { storeName: string | null }).storeName ?? null).toBeNull();
    expect(new URL((message!.data as { url: string }).url).host).toBe("localhost:3000");
  });
});

describe("ensureCustomer", () => {
  it("creates exactly one customer under concurrent sign-ins", async () => {
    const tenant = await createTenant();
    const user = await createUser(`twice-${tenant.tag}@example.test`);
    const merchantId = tenant.merchant.id as MerchantId;
    await Promise.all(Array.from({ length: 8 }, () => ensureCustomer({ merchantId, userId: user.id, email: user.email })));
    expect(await db.customer.findMany({ where: { merchantId }, select: { userId: true, email: true } })).toEqual([
      { userId: user.id, email: user.email },
    ]);
  });
});
