import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { proxiedHeaders } from "@/tests/doubles/proxy";
import { createTenant, createUser } from "@/tests/integration/fixtures";
import { hashPassword } from "./password";
import { closeRateLimitPool } from "./rate-limit";
import { handleAuthRequest } from "./route";
import { passwordSignIn, sessionCookieOf } from "@/tests/doubles/auth";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
// The request the proxy passed on: its tenant, resolved from the host.
const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/headers")>()), headers: async () => current.headers }));

afterAll(closeRateLimitPool);

/** A request as `next start` hands it over after the proxy: URL on the server's own address, the real host in the header. */
async function request(host: string, path: string, init: { method?: string; cookie?: string } = {}) {
  const headers: Record<string, string> = { host };
  if (init.cookie) headers.cookie = init.cookie;
  current.headers = await proxiedHeaders(host, headers);
  return new NextRequest(`http://localhost:3000${path}`, { method: init.method ?? "GET", headers });
}

describe("the Auth.js route handler", async () => {
  const tenant = await createTenant();
  const storeHost = `${tenant.store.slug}.localhost:3000`;
  const user = await createUser(`route-${tenant.tag}@example.test`, { passwordHash: await hashPassword("pw") });
  const apexCookie = sessionCookieOf(await passwordSignIn("localhost:3000", user.email, "pw"))!;

  it("serves the session on the host that issued it", async () => {
    const response = await handleAuthRequest(await request("localhost:3000", "/api/auth/session", { cookie: apexCookie }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { id: user.id, email: user.email } });
  });

  it("refuses a session token issued for another host, and clears it", async () => {
    const response = await handleAuthRequest(await request(storeHost, "/api/auth/session", { cookie: apexCookie }));
    expect(response.status).toBe(200);
    expect(await response.json()).toBeNull();
    expect(response.headers.getSetCookie().join("\n")).toMatch(/authjs\.session-token=;.*Max-Age=0/i);
  });

  it("treats a tampered or garbage cookie as signed out, never as an error", async () => {
    for (const cookie of [`${apexCookie.slice(0, -4)}AAAA`, "authjs.session-token=%%%garbage", "authjs.session-token=a.b.c.d.e"]) {
      const response = await handleAuthRequest(await request("localhost:3000", "/api/auth/session", { cookie }));
      expect(response.status).toBe(200);
      expect(await response.json()).toBeNull();
    }
  });

  it("answers 404 on hosts that serve nothing", async () => {
    for (const host of ["evil.example", "admin.localhost:3000", "www.localhost:3000", "nostore-here.localhost:3000", "127.0.0.1:3000"]) {
      expect((await handleAuthRequest(await request(host, "/api/auth/session"))).status).toBe(404);
    }
  });

  it("does not serve Auth.js's own sign-in endpoints, which would skip validation and rate limits", async () => {
    for (const path of ["/api/auth/callback/credentials", "/api/auth/signin/email", "/api/auth/signin/credentials"]) {
      expect((await handleAuthRequest(await request("localhost:3000", path, { method: "POST" }))).status).toBe(404);
    }
    expect((await handleAuthRequest(await request("localhost:3000", "/api/auth/callback/credentials"))).status).toBe(404);
  });

  it("builds its redirects on the request's host, not on the server's address", async () => {
    const response = await handleAuthRequest(await request(storeHost, "/api/auth/callback/email?token=ABCDEFGH&email=x%40example.test"));
    expect(response.headers.get("location")).toMatch(new RegExp(`^http://${storeHost}/sign-in/error\\?error=Verification`));
  });
});
