/**
 * Direct access to the e2e server's database for specs: arranging data the UI cannot create yet
 * (a fresh tenant, a verified custom domain) and reading what the app wrote (the email outbox).
 * Plain SQL through `pg`, because lib/db and lib/* modules are server-only and belong to the app.
 */
import { randomBytes, randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import type pg from "pg";
import { storeUrl } from "../env";

type Locale = "en" | "fr" | "de" | "lb";
type Queryable = Pick<pg.Pool, "query">;

/** The channel of lib/tenancy/routing-cache.ts: a notification on it drops every server's routing cache. */
const ROUTING_CHANNEL = "patron_routing";

/** An id shaped like the cuid()s Prisma generates, so code that validates ids accepts it. */
export function newId(): string {
  const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
  return `c${Array.from(randomBytes(24), (b) => alphabet[b % 36]).join("")}`;
}

/** Tells every app server that store routing changed, as the app's own mutations do on commit. */
export async function notifyRoutingChanged(db: Queryable): Promise<void> {
  await db.query(`SELECT pg_notify('${ROUTING_CHANNEL}', '')`);
}

export interface TenantOptions {
  defaultLocale?: Locale;
  locales?: Locale[];
  /** Defaults to "Store <tag>". */
  storeName?: string;
  storeStatus?: "OPEN" | "CLOSED";
  /** Public products, each with its title per locale. */
  products?: Array<{ slug: string; priceCents: number; stock?: number | null; title: Partial<Record<Locale, string>> }>;
}

export interface Tenant {
  tag: string;
  merchant: { id: string; name: string };
  store: { id: string; slug: string; name: string; url: string; defaultLocale: Locale; locales: Locale[] };
  owner: { id: string; email: string; name: string; password: string };
}

/**
 * A fresh merchant with one store and an OWNER who has a password, all with unique names, so
 * a spec never depends on the demo data or on another spec. Nothing is cleaned up: every run
 * starts from a fresh database.
 */
export async function createTenant(db: pg.Pool, options: TenantOptions = {}): Promise<Tenant> {
  const tag = randomUUID().slice(0, 8);
  const defaultLocale = options.defaultLocale ?? "en";
  const locales = options.locales ?? [defaultLocale];
  const password = `pw-${randomUUID()}`;
  const merchant = { id: newId(), name: `Merchant ${tag}` };
  const store = {
    id: newId(),
    slug: `e2e-${tag}`,
    name: options.storeName ?? `Store ${tag}`,
    url: storeUrl(`e2e-${tag}`),
    defaultLocale,
    locales,
  };
  const owner = { id: newId(), email: `owner-${tag}@example.test`, name: `Owner ${tag}`, password };
  // Cost 10 rather than the app's 12: the app verifies any cost, and specs should not wait on bcrypt.
  const passwordHash = await bcrypt.hash(password, 10);

  const client = await db.connect();
  try {
    await client.query("BEGIN");
    await client.query(`INSERT INTO "Merchant" (id, name) VALUES ($1, $2)`, [merchant.id, merchant.name]);
    await client.query(
      `INSERT INTO "Store" (id, "merchantId", slug, name, currency, "defaultLocale", locales, status)
       VALUES ($1, $2, $3, $4, 'EUR', $5, $6, $7)`,
      [store.id, merchant.id, store.slug, store.name, defaultLocale, locales, options.storeStatus ?? "OPEN"],
    );
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "emailVerified") VALUES ($1, $2, $3, $4, now())`,
      [owner.id, owner.email, owner.name, passwordHash],
    );
    await client.query(`INSERT INTO "Membership" (id, "userId", "merchantId", role) VALUES ($1, $2, $3, 'OWNER')`, [
      newId(),
      owner.id,
      merchant.id,
    ]);
    for (const product of options.products ?? []) {
      const productId = newId();
      await client.query(
        `INSERT INTO "Product" (id, "merchantId", "storeId", slug, "priceCents", stock, visibility)
         VALUES ($1, $2, $3, $4, $5, $6, 'PUBLIC')`,
        [productId, merchant.id, store.id, product.slug, product.priceCents, product.stock ?? null],
      );
      for (const [locale, title] of Object.entries(product.title)) {
        await client.query(`INSERT INTO "ProductTranslation" ("productId", locale, title) VALUES ($1, $2, $3)`, [
          productId,
          locale,
          title,
        ]);
      }
    }
    await client.query(`SELECT pg_notify('${ROUTING_CHANNEL}', '')`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  return { tag, merchant, store, owner };
}

/** The id of a store by slug (the demo stores' ids are generated at seed time). */
export async function storeBySlug(db: Queryable, slug: string): Promise<{ id: string; merchantId: string }> {
  const { rows } = await db.query<{ id: string; merchantId: string }>(
    `SELECT id, "merchantId" FROM "Store" WHERE slug = $1`,
    [slug],
  );
  if (!rows[0]) throw new Error(`No store "${slug}" in the e2e database`);
  return rows[0];
}

/** The id of a merchant by name (the demo merchants' ids are generated at seed time). */
export async function merchantIdByName(db: Queryable, name: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Merchant" WHERE name = $1`, [name]);
  if (rows.length !== 1) throw new Error(`Expected one merchant named "${name}" in the e2e database, found ${rows.length}`);
  return rows[0]!.id;
}

/** A store's default locale and the locales it offers, by slug. */
export async function storeLocales(db: Queryable, slug: string): Promise<{ defaultLocale: Locale; locales: Locale[] }> {
  const { rows } = await db.query<{ defaultLocale: Locale; locales: Locale[] }>(
    `SELECT "defaultLocale", locales FROM "Store" WHERE slug = $1`,
    [slug],
  );
  if (!rows[0]) throw new Error(`No store "${slug}" in the e2e database`);
  return rows[0];
}

/**
 * Adds a custom domain to a store in the given status, then notifies, as the app's own domain
 * mutations do. Returns the row id (for removeCustomDomain).
 */
export async function addCustomDomain(
  db: Queryable,
  store: { id: string; merchantId: string },
  domain: string,
  status: "PENDING" | "VERIFIED" | "FAILED" = "VERIFIED",
): Promise<string> {
  const id = newId();
  await db.query(
    `INSERT INTO "StoreDomain" (id, "merchantId", "storeId", domain, status, "verificationToken", "verifiedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, store.merchantId, store.id, domain.toLowerCase(), status, randomUUID(), status === "VERIFIED" ? new Date() : null],
  );
  await notifyRoutingChanged(db);
  return id;
}

/** Deletes a custom domain by host name, then notifies. */
export async function removeCustomDomain(db: Queryable, domain: string): Promise<void> {
  await db.query(`DELETE FROM "StoreDomain" WHERE domain = $1`, [domain.toLowerCase()]);
  await notifyRoutingChanged(db);
}

export interface OutboxEmail {
  id: string;
  to: string;
  template: string;
  locale: string;
  subject: string;
  status: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

/**
 * The newest outbox message to `to` (matched case-insensitively), optionally only of one
 * template and only created after `after` (pass the time the spec started its action), or null.
 */
export async function newestEmail(
  db: Queryable,
  to: string,
  options: { template?: string; after?: Date } = {},
): Promise<OutboxEmail | null> {
  const { rows } = await db.query<OutboxEmail>(
    `SELECT id, "to", template, locale, subject, status::text AS status, data, "createdAt"
       FROM "EmailMessage"
      WHERE lower("to") = lower($1)
        AND ($2::text IS NULL OR template = $2)
        AND ($3::timestamptz IS NULL OR "createdAt" > $3)
      ORDER BY "createdAt" DESC, id DESC
      LIMIT 1`,
    [to, options.template ?? null, options.after ?? null],
  );
  return rows[0] ?? null;
}

/** The first http(s) URL anywhere in a message's data (for example a sign-in link), or null. */
export function firstLink(email: Pick<OutboxEmail, "data">): string | null {
  const visit = (value: unknown): string | null => {
    if (typeof value === "string") return /^https?:\/\//.test(value) ? value : null;
    if (value && typeof value === "object") {
      for (const item of Object.values(value)) {
        const found = visit(item);
        if (found) return found;
      }
    }
    return null;
  };
  return visit(email.data);
}
