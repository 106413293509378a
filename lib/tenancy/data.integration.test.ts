import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTenant } from "@/tests/integration/fixtures";
import { findStoreRoutingByDomain, findStoreRoutingBySlug } from "./data";
import { routingChanged } from "./mutations";
import { ROUTING_CHANNEL } from "./routing-cache";

// Another process (a second app server) changing routing: raw SQL plus the notification,
// so this process only learns of it through LISTEN/NOTIFY.
const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
await other.connect();
afterAll(() => other.end());

const eventually = (fn: () => Promise<unknown>) => expect.poll(fn, { timeout: 3000, interval: 25 });

describe("store routing lookup", () => {
  it("finds a store by slug and serves it from the cache until routing changes", async () => {
    const { store } = await createTenant({ defaultLocale: "fr", locales: ["fr", "en"] });
    expect(await findStoreRoutingBySlug(store.slug)).toMatchObject({
      storeId: store.id,
      defaultLocale: "fr",
      locales: ["fr", "en"],
      via: "subdomain",
    });

    await other.query(`UPDATE "Store" SET "locales" = ARRAY['fr','en','de'] WHERE id = $1`, [store.id]);
    // Without a notification the cached answer stands (no query per request)...
    expect((await findStoreRoutingBySlug(store.slug))?.locales).toEqual(["fr", "en"]);
    // ...and the notification of the other process invalidates it.
    await other.query(`SELECT pg_notify('${ROUTING_CHANNEL}', '')`);
    await eventually(async () => (await findStoreRoutingBySlug(store.slug))?.locales).toEqual(["fr", "en", "de"]);
  });

  it("serves a custom domain only once verified, and stops at once when it is removed", async () => {
    const { store, merchant } = await createTenant();
    const domain = `shop-${store.slug}.example.test`;
    expect(await findStoreRoutingByDomain(domain)).toBeNull();

    const row = await db.$transaction(async (tx) => {
      const created = await tx.storeDomain.create({
        data: { domain, storeId: store.id, merchantId: merchant.id, verificationToken: "t" },
        select: { id: true },
      });
      await routingChanged(tx);
      return created;
    });
    expect(await findStoreRoutingByDomain(domain)).toBeNull();

    await other.query(`UPDATE "StoreDomain" SET status = 'VERIFIED' WHERE id = $1`, [row.id]);
    await other.query(`SELECT pg_notify('${ROUTING_CHANNEL}', '')`);
    await eventually(async () => (await findStoreRoutingByDomain(domain))?.storeId).toBe(store.id);
    expect((await findStoreRoutingByDomain(domain))?.via).toBe("custom-domain");

    await db.$transaction(async (tx) => {
      await tx.storeDomain.delete({ where: { id: row.id } });
      await routingChanged(tx);
    });
    expect(await findStoreRoutingByDomain(domain)).toBeNull();
  });

  it("does not notify when the change rolls back", async () => {
    const { store } = await createTenant();
    await findStoreRoutingBySlug(store.slug);
    await db
      .$transaction(async (tx) => {
        await tx.store.update({ where: { id: store.id }, data: { slug: `${store.slug}-x` } });
        await routingChanged(tx);
        throw new Error("rollback");
      })
      .catch(() => {});
    expect((await findStoreRoutingBySlug(store.slug))?.storeId).toBe(store.id);
    expect(await findStoreRoutingBySlug(`${store.slug}-x`)).toBeNull();
  });
});
