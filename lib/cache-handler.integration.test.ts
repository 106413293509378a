import { afterAll, describe, expect, it, vi } from "vitest";
import { cacheTags, invalidate, invalidateOnCommit, type CacheTag } from "@/lib/cache";
import { db } from "@/lib/db";
import { CACHE_CHANNEL, createCacheStore, invalidationPayloads, type CacheStore } from "./cache-handler.mjs";

// invalidate() here runs as in the worker: outside a Next request, where revalidateTag throws.
vi.mock("next/cache", async () => ({
  ...(await import("@/tests/integration/next-cache-stub")),
  revalidateTag: () => {
    throw new Error("Invariant: static generation store missing in revalidateTag");
  },
}));

// Two app servers on one database: each process has its own store (entries and listener).
const url = process.env.DATABASE_URL!;
const stores: CacheStore[] = [];
function serverProcess(): CacheStore {
  const store = createCacheStore({ connectionString: url });
  stores.push(store);
  return store;
}
afterAll(async () => {
  await Promise.all(stores.map((s) => s.stop()));
});

const eventually = (fn: () => Promise<unknown>) => expect.poll(fn, { timeout: 3000, interval: 25 });
let n = 0;
const unique = (label: string) => `${label}-${Date.now()}-${++n}`;

/** A cached page as Next hands it over: its tags (those of every read it made) in a header. */
function page(html: string, tags: string[]) {
  return { kind: "APP_PAGE", html, rscData: Buffer.from(html), headers: { "x-next-cache-tags": tags.join(",") }, status: 200 };
}
const pageCtx = { kind: "APP_PAGE" };

/** Renders `key` as Next does: a read that misses, then the write of the result. */
async function render(store: CacheStore, key: string, value: unknown, ctx: Record<string, unknown> = {}) {
  expect(await store.get(key, { kind: "APP_PAGE", ...ctx })).toBeNull();
  await store.set(key, value, ctx);
}

async function html(store: CacheStore, key: string): Promise<string | null> {
  const hit = await store.get(key, pageCtx);
  return hit ? (hit.value as { html: string }).html : null;
}

describe("the cache handler shared by every app server", () => {
  it("drops a page in every process when one of them invalidates a tag it carries, and nothing else", async () => {
    const [one, two] = [serverProcess(), serverProcess()];
    const storeTag = cacheTags.store(unique("store"));
    const otherTag = cacheTags.store(unique("store"));
    const product = unique("/p/scarf");
    const other = unique("/p/other");
    for (const server of [one, two]) {
      await render(server, product, page("scarf v1", [storeTag, cacheTags.storefronts("m")]), pageCtx);
      await render(server, other, page("other v1", [otherTag]), pageCtx);
    }
    expect(await html(two, product)).toBe("scarf v1");

    await one.revalidateTag([storeTag]);
    // The process that invalidated drops it at once, the other on the notification.
    expect(await html(one, product)).toBeNull();
    await eventually(() => html(two, product)).toBeNull();
    expect(await html(two, other)).toBe("other v1");
  });

  it("drops data cached by unstable_cache by its tags or by the page's implicit tags", async () => {
    const [one, two] = [serverProcess(), serverProcess()];
    const tag = cacheTags.storefronts(unique("merchant"));
    const softTag = unique("_N_T_/[locale]/s/[store]/layout");
    const data = { kind: "FETCH", data: { body: "{}", headers: {}, url: "" }, revalidate: 60, tags: [tag] };
    const ctx = { kind: "FETCH", tags: [tag], softTags: [softTag] };
    const [byTag, bySoftTag] = [unique("fetch"), unique("fetch")];
    for (const key of [byTag, bySoftTag]) {
      expect(await two.get(key, ctx)).toBeNull();
      await two.set(key, data, { fetchCache: true, tags: [tag] });
      expect(await two.get(key, ctx)).not.toBeNull();
    }

    await one.revalidateTag(softTag);
    await eventually(() => two.get(bySoftTag, ctx)).toBeNull();
    expect(await two.get(byTag, { ...ctx, softTags: [] })).not.toBeNull();
    await one.revalidateTag(tag);
    await eventually(() => two.get(byTag, { ...ctx, softTags: [] })).toBeNull();
  });

  it("never stores a render that was under way when its tag was invalidated", async () => {
    const [one, two] = [serverProcess(), serverProcess()];
    const tag = cacheTags.store(unique("store"));
    const marker = unique("/marker");
    await render(two, marker, page("marker", [tag]), pageCtx);
    const slow = unique("/p/slow");
    // The render starts (its read misses) before the change...
    expect(await two.get(slow, pageCtx)).toBeNull();
    await one.revalidateTag([tag]);
    await eventually(() => html(two, marker)).toBeNull();
    // ...and finishes after this process heard of it: what it read may be stale.
    await two.set(slow, page("read before the change", [tag]), pageCtx);
    expect(await html(two, slow)).toBeNull();

    await render(two, slow, page("read after the change", [tag]), pageCtx);
    expect(await html(two, slow)).toBe("read after the change");
  });

  it("reaches every process from outside a Next request (the worker) and from a committed transaction only", async () => {
    const server = serverProcess();
    const [fromWorker, committed, rolledBack, marker] = [0, 1, 2, 3].map(() => cacheTags.store(unique("store"))) as [CacheTag, CacheTag, CacheTag, CacheTag];
    for (const tag of [fromWorker, committed, rolledBack, marker]) await render(server, `/page/${tag}`, page(tag, [tag]), pageCtx);

    await invalidate([fromWorker]);
    await eventually(() => html(server, `/page/${fromWorker}`)).toBeNull();

    await db
      .$transaction(async (tx) => {
        await invalidateOnCommit(tx, [rolledBack]);
        throw new Error("rollback");
      })
      .catch(() => {});
    await db.$transaction((tx) => invalidateOnCommit(tx, [committed]));
    await eventually(() => html(server, `/page/${committed}`)).toBeNull();
    // Notifications arrive in commit order: once a later one is heard, a rolled-back one never comes.
    await invalidate([marker]);
    await eventually(() => html(server, `/page/${marker}`)).toBeNull();
    expect(await html(server, `/page/${rolledBack}`)).toBe(rolledBack);
  });

  it("drops everything, renders under way included, on a notification it cannot read", async () => {
    const server = serverProcess();
    const [cached, underWay] = [unique("/p/cached"), unique("/p/under-way")];
    await render(server, cached, page("cached", ["store:y"]), pageCtx);
    expect(await server.get(underWay, pageCtx)).toBeNull();

    await db.$executeRaw`SELECT pg_notify(${CACHE_CHANNEL}, 'not a list of tags')`;
    await eventually(() => html(server, cached)).toBeNull();
    await server.set(underWay, page("read before", ["store:z"]), pageCtx);
    expect(await html(server, underWay)).toBeNull();
  });

  it("caches nothing in a process whose listener is down", async () => {
    // Nothing listens on port 1: this process could miss every invalidation.
    const deaf = createCacheStore({ connectionString: "postgresql://postgres:postgres@127.0.0.1:1/patron" });
    stores.push(deaf);
    const key = unique("/p/deaf");
    expect(await deaf.get(key, pageCtx)).toBeNull();
    await deaf.set(key, page("deaf", ["store:x"]), pageCtx);
    expect(await deaf.get(key, pageCtx)).toBeNull();
    expect(deaf.listening()).toBe(false);

    // A listener that is cut off takes the process's entries with it: it may have missed a notification.
    const server = serverProcess();
    await render(server, key, page("heard", ["store:x"]), pageCtx);
    expect(await html(server, key)).toBe("heard");
    await db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = ${`LISTEN ${CACHE_CHANNEL}`}`;
    await eventually(() => html(server, key)).toBeNull();
  });

  it("splits long tag lists into notifications PostgreSQL accepts", () => {
    const tags = Array.from({ length: 400 }, (_, i) => cacheTags.store(`store-${i}-${"x".repeat(30)}`));
    const payloads = invalidationPayloads([...tags, ...tags]);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    expect(payloads.flatMap((p) => JSON.parse(p) as string[])).toEqual(tags);
  });
});
