import { afterAll, describe, expect, it, vi } from "vitest";
import { createTenant, createUser } from "@/tests/integration/fixtures";
import { closeRateLimitPool } from "./rate-limit";
import { hashPassword } from "./password";
import { verifyCredentials } from "./credentials";
import { passwordSignIn, sessionCookieOf } from "@/tests/doubles/auth";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));

afterAll(closeRateLimitPool);

describe("password sign-in", async () => {
  const tenant = await createTenant();
  const email = `pw-${tenant.tag}@example.test`;
  const user = await createUser(email, { passwordHash: await hashPassword("correct horse") });
  const noPassword = await createUser(`nopw-${tenant.tag}@example.test`);
  const storeHost = `${tenant.store.slug}.localhost:3000`;

  it("accepts the right password", async () => {
    await expect(verifyCredentials(email, "correct horse")).resolves.toEqual({ id: user.id, email, name: null });
  });

  it("refuses a wrong password, an unknown email and an account without a password", async () => {
    await expect(verifyCredentials(email, "correct horse ")).resolves.toBeNull();
    await expect(verifyCredentials(`nobody-${tenant.tag}@example.test`, "correct horse")).resolves.toBeNull();
    await expect(verifyCredentials(noPassword.email, "")).resolves.toBeNull();
  });

  it("spends the same bcrypt work on unknown emails as on known ones", async () => {
    const time = async (fn: () => Promise<unknown>) => {
      const start = performance.now();
      await fn();
      return performance.now() - start;
    };
    const known = await time(() => verifyCredentials(email, "wrong"));
    const unknown = await time(() => verifyCredentials(`ghost-${tenant.tag}@example.test`, "wrong"));
    // Cost-12 bcrypt takes far longer than the lookup; without the dummy hash `unknown` would be ~1 ms.
    expect(unknown).toBeGreaterThan(known * 0.4);
  });

  it("issues a session cookie through Auth.js on the apex", async () => {
    const response = await passwordSignIn("localhost:3000", email, "correct horse");
    expect(response.status).toBe(302);
    expect(sessionCookieOf(response)).not.toBeNull();
    const setCookie = response.headers.getSetCookie().join("\n");
    // Host-only: no Domain attribute, so the cookie never reaches another host.
    expect(setCookie).not.toMatch(/domain=/i);
    expect(setCookie).toMatch(/httponly/i);
  });

  it("refuses a wrong password through Auth.js without a cookie", async () => {
    const response = await passwordSignIn("localhost:3000", email, "nope");
    expect(sessionCookieOf(response)).toBeNull();
    expect(response.headers.get("location")).toContain("error=CredentialsSignin");
  });

  it("refuses password sign-in on a storefront host", async () => {
    const response = await passwordSignIn(storeHost, email, "correct horse");
    expect(sessionCookieOf(response)).toBeNull();
  });
});
