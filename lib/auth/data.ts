import "server-only";
import { db } from "@/lib/db";
import { isLocale } from "@/lib/locales";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { sharedTimeZone } from "@/lib/time";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/demo-data";
import { verifyPassword } from "./password";
import type { AccountMerchant, MemberRole, MerchantAreaStore } from "./types";

/** Reads for sign-in and the gates. Emails passed in are already normalized. */

export function findUserForPasswordSignIn(email: string) {
  return db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
}

export async function userExists(email: string): Promise<boolean> {
  return (await db.user.count({ where: { email } })) > 0;
}

export function findSessionUser(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, isPlatformAdmin: true },
  });
}

export async function listMerchantsOfUser(userId: string): Promise<AccountMerchant[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    select: { role: true, merchant: { select: { id: true, name: true, status: true } } },
    orderBy: { merchant: { name: "asc" } },
  });
  return rows.map((r) => ({ merchantId: r.merchant.id, name: r.merchant.name, role: r.role, suspended: r.merchant.status === "SUSPENDED" }));
}

export async function findMembership(
  userId: string,
  merchantId: string,
): Promise<{ role: MemberRole; storeIds: StoreId[]; suspended: boolean } | null> {
  const row = await db.membership.findUnique({
    where: { userId_merchantId: { userId, merchantId } },
    select: { role: true, stores: { select: { storeId: true } }, merchant: { select: { status: true } } },
  });
  return row ? { role: row.role, storeIds: row.stores.map((s) => s.storeId as StoreId), suspended: row.merchant.status === "SUSPENDED" } : null;
}

/**
 * True when the apex must refuse this user's sign-in: not a platform admin, a member of at
 * least one merchant, and every one of those merchants suspended. (A member of an active
 * merchant signs in and only the suspended merchant's area is closed to them.)
 */
export async function isSignInSuspended(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { isPlatformAdmin: true, memberships: { select: { merchant: { select: { status: true } } } } },
  });
  if (!user || user.isPlatformAdmin || user.memberships.length === 0) return false;
  return user.memberships.every((m) => m.merchant.status === "SUSPENDED");
}

/** The merchant's name and stores (all of them, or only `storeIds`). */
export async function findMerchantArea(merchantId: MerchantId, storeIds: StoreId[] | null) {
  const merchant = await db.merchant.findUnique({
    where: { id: merchantId },
    select: {
      name: true,
      status: true,
      stores: {
        where: storeIds ? { merchantId, id: { in: storeIds } } : { merchantId },
        select: { id: true, slug: true, name: true, defaultLocale: true, status: true, timeZone: true },
        orderBy: { name: "asc" },
      },
    },
  });
  if (!merchant) return null;
  const stores: MerchantAreaStore[] = merchant.stores.map((s) => ({
    id: s.id as StoreId,
    slug: s.slug,
    name: s.name,
    defaultLocale: isLocale(s.defaultLocale) ? s.defaultLocale : "en",
    isOpen: s.status === "OPEN" && merchant.status === "ACTIVE",
    timeZone: s.timeZone,
  }));
  return { name: merchant.name, stores };
}

/**
 * The zone of what covers all of a merchant's stores (its audit log, loyalty program, staff,
 * all-stores reports): the stores' zone when they share one, else the platform's default.
 * `merchantId` comes from a gate.
 */
export async function findMerchantTimeZone(merchantId: MerchantId): Promise<string> {
  const stores = await db.store.findMany({ where: { merchantId }, select: { timeZone: true }, distinct: ["timeZone"], take: 2 });
  return sharedTimeZone(stores.map((s) => s.timeZone));
}

/** The store a storefront sign-in belongs to. */
export function findStoreForSignIn(merchantId: MerchantId, storeId: StoreId) {
  return db.store.findFirst({
    where: { id: storeId, merchantId },
    select: { id: true, merchantId: true, name: true, slug: true, defaultLocale: true },
  });
}

export function findCustomerOfUser(merchantId: MerchantId, userId: string) {
  return db.customer.findFirst({
    where: { merchantId, userId },
    select: { id: true, email: true, name: true, userId: true },
    orderBy: { createdAt: "asc" },
  });
}

/** True when an unexpired verification token with this hash exists for the email (nothing is consumed). */
export async function verificationTokenIsLive(identifier: string, hashedToken: string): Promise<boolean> {
  const row = await db.verificationToken.findUnique({
    where: { identifier_token: { identifier, token: hashedToken } },
    select: { expires: true },
  });
  return !!row && row.expires.getTime() > Date.now();
}

export async function isPlatformAdminEmail(email: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { email }, select: { isPlatformAdmin: true } });
  return user?.isPlatformAdmin ?? false;
}

/** One store of a merchant, for the merchant area; null unless it belongs to `merchantId`. */
export async function findMerchantStore(merchantId: MerchantId, storeId: string) {
  const store = await db.store.findFirst({
    where: { id: storeId, merchantId },
    select: { id: true, slug: true, name: true, currency: true, defaultLocale: true, locales: true, timeZone: true },
  });
  if (!store) return null;
  const locales = store.locales.filter(isLocale);
  return {
    id: store.id as StoreId,
    slug: store.slug,
    name: store.name,
    currency: store.currency,
    defaultLocale: isLocale(store.defaultLocale) ? store.defaultLocale : ("en" as const),
    locales,
    timeZone: store.timeZone,
  };
}

/**
 * The demo accounts (prisma/demo-data.ts) that still sign in with the password the README
 * publishes: a production start refuses while any exists, unless the demo is on purpose.
 */
export async function findDemoAccountsWithPublishedPassword(): Promise<string[]> {
  const users = await db.user.findMany({
    where: { email: { in: DEMO_USERS.map((u) => u.email) }, passwordHash: { not: null } },
    select: { email: true, passwordHash: true },
    orderBy: { email: "asc" },
  });
  const found: string[] = [];
  for (const user of users) if (await verifyPassword(DEMO_PASSWORD, user.passwordHash!)) found.push(user.email);
  return found;
}
