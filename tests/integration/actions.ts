import { expect } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { TestForbidden, TestNotFound, TestRedirect } from "@/lib/auth/test-mocks";
import { passwordSignIn, sessionCookieOf, testRequest } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { createTenant, createUser } from "./fixtures";

/**
 * Helpers for integration tests that call server actions as a signed-in user. The test file
 * mocks `@/lib/auth/index` with `@/lib/auth/testing`, `next/headers` with its testHeaders(), and
 * `next/navigation` with the navigationMock of `@/lib/auth/test-mocks`.
 */

export const TEST_PASSWORD = "action test secret";
const passwordHash = hashPassword(TEST_PASSWORD);

type Tenant = Awaited<ReturnType<typeof createTenant>>;

/** A new user with the test password and `role` at the tenant's merchant. */
export async function addMember(tenant: Tenant, role: "OWNER" | "MANAGER" | "STAFF") {
  const email = `${role.toLowerCase()}-${tenant.tag}-${Math.random().toString(36).slice(2, 7)}@example.test`;
  const user = await createUser(email, { passwordHash: await passwordHash });
  await db.membership.create({ data: { userId: user.id, merchantId: tenant.merchant.id, role } });
  return user;
}

/** Makes the next action calls come from `email`'s session on `host` (the apex by default). */
export async function signedInAs(email: string, host = "localhost:3000"): Promise<void> {
  testRequest.host = "localhost:3000";
  testRequest.cookie = "";
  const cookie = sessionCookieOf(await passwordSignIn("localhost:3000", email, TEST_PASSWORD));
  if (!cookie) throw new Error(`could not sign in ${email}`);
  testRequest.host = host;
  testRequest.cookie = cookie;
}

/** The next action calls come from an anonymous visitor. */
export function signedOut(): void {
  testRequest.host = "localhost:3000";
  testRequest.cookie = "";
}

export function formOf(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

/** What an action did: its result, or which gate stopped it ("notFound", "forbidden", a redirect). */
export async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof TestRedirect) return { redirect: error.url };
    if (error instanceof TestNotFound) return "notFound";
    if (error instanceof TestForbidden) return "forbidden";
    throw error;
  }
}

export async function expectNotFound(promise: Promise<unknown>): Promise<void> {
  expect(await outcome(promise)).toBe("notFound");
}
