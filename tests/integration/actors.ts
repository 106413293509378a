import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { TestForbidden, TestNotFound, TestRedirect } from "@/tests/doubles/next-navigation";
import { passwordSignIn, sessionCookieOf, testRequest } from "@/tests/doubles/auth";
import { db } from "@/lib/db";
import { createTenant, createUser } from "./fixtures";

/**
 * The people of integration tests that call gated pages and actions: users with a password in
 * every role, signed in on the apex as a browser would be, and what a gate or action decided.
 * Test files mock `@/lib/auth/index` with tests/doubles/auth.ts, `next/headers` with its testHeaders(),
 * and `next/navigation` with the navigationMock of tests/doubles/next-navigation.ts.
 */

export const ACTOR_PASSWORD = "matrix secret";
const passwordHash = await hashPassword(ACTOR_PASSWORD);

export type Tenant = Awaited<ReturnType<typeof createTenant>>;
export type Role = "OWNER" | "MANAGER" | "STAFF";

export async function passwordUser(label: string, data: { isPlatformAdmin?: boolean } = {}) {
  return createUser(`${label}-${randomUUID().slice(0, 8)}@example.test`, { passwordHash, ...data });
}

/** A new user with `role` at the tenant's merchant, optionally limited to some stores. */
export async function memberOf(tenant: Tenant, role: Role, storeIds: string[] = []) {
  const user = await passwordUser(role.toLowerCase());
  const membership = await db.membership.create({ data: { userId: user.id, merchantId: tenant.merchant.id, role }, select: { id: true } });
  if (storeIds.length > 0) {
    await db.membershipStore.createMany({ data: storeIds.map((storeId) => ({ membershipId: membership.id, storeId, merchantId: tenant.merchant.id })) });
  }
  return { ...user, membershipId: membership.id };
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

export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
  return data;
}

/** The result of an action, or the control-flow outcome it threw. */
export async function outcome<T>(promise: Promise<T>): Promise<T | { redirect: string } | "notFound" | "forbidden"> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof TestRedirect) return { redirect: error.url };
    if (error instanceof TestNotFound) return "notFound";
    if (error instanceof TestForbidden) return "forbidden";
    throw error;
  }
}

export type Gate = "signIn" | "forbidden" | "notFound" | "allowed";

/** What a gate decided: sign-in redirect, 403, 404, or let the action run (whatever it then returned). */
export async function gateOf(run: () => Promise<unknown>): Promise<Gate> {
  const result = await outcome(run());
  if (result === "notFound" || result === "forbidden") return result;
  if (typeof result === "object" && result !== null && "redirect" in result && typeof result.redirect === "string") {
    return result.redirect.includes("/sign-in") ? "signIn" : "allowed";
  }
  return "allowed";
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

/** The merchant's audit events, oldest first. */
export function auditActions(merchantId: string) {
  return db.auditEvent.findMany({ where: { merchantId }, orderBy: { createdAt: "asc" }, select: { action: true, actorUserId: true, targetId: true } });
}
