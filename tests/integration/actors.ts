import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { TestForbidden, TestNotFound, TestRedirect } from "@/lib/auth/test-mocks";
import { passwordSignIn, sessionCookieOf, testRequest } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { createTenant, createUser } from "./fixtures";

/**
 * The people of a role-matrix test, each with a password so a test can sign them in on the apex
 * (tests mock next-auth with lib/auth/testing and next/navigation with lib/auth/test-mocks).
 */

export const ACTOR_PASSWORD = "matrix secret";
const passwordHash = await hashPassword(ACTOR_PASSWORD);

export type Tenant = Awaited<ReturnType<typeof createTenant>>;

export async function passwordUser(label: string, data: { isPlatformAdmin?: boolean } = {}) {
  return createUser(`${label}-${randomUUID().slice(0, 8)}@example.test`, { passwordHash, ...data });
}

export async function memberOf(tenant: Tenant, role: "OWNER" | "MANAGER" | "STAFF", storeIds: string[] = []) {
  const user = await passwordUser(role.toLowerCase());
  const membership = await db.membership.create({ data: { userId: user.id, merchantId: tenant.merchant.id, role }, select: { id: true } });
  for (const storeId of storeIds) {
    await db.membershipStore.create({ data: { membershipId: membership.id, storeId, merchantId: tenant.merchant.id } });
  }
  return user;
}

/** A customer of the tenant (a user with a customer profile and no membership). */
export async function customerOf(tenant: Tenant) {
  const user = await passwordUser("customer");
  await db.customer.create({ data: { merchantId: tenant.merchant.id, userId: user.id, email: user.email } });
  return user;
}

const sessions = new Map<string, string>();

/**
 * Plays a browser on the apex signed in as `email` (null: anonymous). A session is signed in
 * once and reused (bcrypt is slow on purpose); `fresh` signs in again.
 */
export async function actAs(email: string | null, options: { fresh?: boolean } = {}): Promise<void> {
  testRequest.host = "localhost:3000";
  testRequest.cookie = "";
  if (!email) return;
  let cookie = options.fresh ? undefined : sessions.get(email);
  if (!cookie) {
    cookie = sessionCookieOf(await passwordSignIn("localhost:3000", email, ACTOR_PASSWORD)) ?? undefined;
    if (!cookie) throw new Error(`could not sign in ${email}`);
    sessions.set(email, cookie);
  }
  testRequest.cookie = cookie;
}

/** What a gate or action decided: its value, or "redirect" / "notFound" / "forbidden". */
export async function outcome<T>(promise: Promise<T>): Promise<T | "redirect" | "notFound" | "forbidden"> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof TestRedirect) return "redirect";
    if (error instanceof TestNotFound) return "notFound";
    if (error instanceof TestForbidden) return "forbidden";
    throw error;
  }
}

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

/** Where an action redirected to; fails the test when it did anything else. */
export async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    (value) => new Error(`expected a redirect, got ${JSON.stringify(value)}`),
    (e: unknown) => e,
  );
  if (error instanceof TestRedirect) return error.url;
  throw error;
}
