import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/locales";

/**
 * Fresh tenants for a test: every call creates its own merchant, store and users with unique
 * slugs and emails, so tests never depend on each other or on the demo seed.
 */
export async function createTenant(options: { defaultLocale?: Locale; locales?: Locale[] } = {}) {
  const tag = randomUUID().slice(0, 8);
  const defaultLocale = options.defaultLocale ?? "en";
  const merchant = await db.merchant.create({ data: { name: `Merchant ${tag}` }, select: { id: true, name: true } });
  const store = await db.store.create({
    data: {
      merchantId: merchant.id,
      slug: `store-${tag}`,
      name: `Store ${tag}`,
      currency: "EUR",
      defaultLocale,
      locales: options.locales ?? [defaultLocale],
    },
    select: { id: true, slug: true, merchantId: true },
  });
  const owner = await createUser(`owner-${tag}@example.test`);
  await db.membership.create({ data: { userId: owner.id, merchantId: merchant.id, role: "OWNER" } });
  return { tag, merchant, store, owner };
}

export async function createUser(email: string, data: { passwordHash?: string; isPlatformAdmin?: boolean } = {}) {
  return db.user.create({ data: { email, ...data }, select: { id: true, email: true } });
}
