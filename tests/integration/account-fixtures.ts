import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { TestForbidden, TestNotFound, TestRedirect } from "@/lib/auth/test-mocks";
import { passwordSignIn, sessionCookieOf, testRequest } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { createTenant, createUser } from "./fixtures";

/**
 * Helpers for the account-area integration tests: people with passwords in every role, signing
 * them in on the apex as the browser would, and reading what a gated action decided.
 */

export const PASSWORD = "account area secret";
const passwordHash = await hashPassword(PASSWORD);

export type Tenant = Awaited<ReturnType<typeof createTenant>>;
export type Role = "OWNER" | "MANAGER" | "STAFF";

export async function person(label: string, data: { isPlatformAdmin?: boolean } = {}) {
  return createUser(`${label}-${randomUUID().slice(0, 8)}@example.test`, { passwordHash, ...data });
}

/** A new user with `role` at the tenant's merchant, optionally limited to some stores. */
export async function member(tenant: Tenant, role: Role, storeIds: string[] = []) {
  const user = await person(role.toLowerCase());
  const membership = await db.membership.create({ data: { userId: user.id, merchantId: tenant.merchant.id, role }, select: { id: true } });
  if (storeIds.length > 0) {
    await db.membershipStore.createMany({ data: storeIds.map((storeId) => ({ membershipId: membership.id, storeId, merchantId: tenant.merchant.id })) });
  }
  return { ...user, membershipId: membership.id };
}

/** Plays a browser signed in on the apex as `email` (or nobody, for null). */
export async function signedInAs(email: string | null) {
  testRequest.host = "localhost:3000";
  testRequest.cookie = "";
  if (!email) return;
  const cookie = sessionCookieOf(await passwordSignIn("localhost:3000", email, PASSWORD));
  if (!cookie) throw new Error(`could not sign in ${email}`);
  testRequest.cookie = cookie;
}

export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
  return data;
}

export type Gate = "signIn" | "forbidden" | "notFound" | "allowed";

/** What a gate decided: sign-in redirect, 403, 404, or let the action run (whatever it then returned). */
export async function gateOf(run: () => Promise<unknown>): Promise<Gate> {
  try {
    await run();
    return "allowed";
  } catch (error) {
    if (error instanceof TestRedirect) return error.url.includes("/sign-in") ? "signIn" : "allowed";
    if (error instanceof TestNotFound) return "notFound";
    if (error instanceof TestForbidden) return "forbidden";
    throw error;
  }
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

export function auditActions(merchantId: string) {
  return db.auditEvent
    .findMany({ where: { merchantId }, orderBy: { createdAt: "asc" }, select: { action: true, actorUserId: true, targetId: true } })
    .then((rows) => rows);
}
