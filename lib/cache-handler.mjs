/**
 * Next's cache handler (next.config.ts `cacheHandler`): where every Next process keeps the
 * storefront's cached pages and `unstable_cache` data, and how an invalidation reaches every
 * process at once.
 *
 * Entries live in each process's memory; invalidations travel through PostgreSQL: a tag dropped in
 * one process (`revalidateTag`, `revalidatePath`, `invalidate()` of lib/cache.ts) is sent with
 * NOTIFY on CACHE_CHANNEL, and every process listening there (its own included) stops serving what
 * it cached under that tag. A write outside Next (the worker) sends the same notification
 * (`invalidateOnCommit` in lib/cache.ts). While a process has no working listener it caches
 * nothing, so it never serves an entry whose invalidation it may have missed; the same rule as the
 * store-routing cache (lib/tenancy/routing-cache.ts).
 *
 * Plain JavaScript: Next imports this file at run time, outside its bundles.
 */
import pg from "pg";

export const CACHE_CHANNEL = "patron_cache";
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const PAYLOAD_LIMIT = 7000;
/** What one process keeps at most (Next's own in-memory default is 50 MB). */
const MAX_BYTES = 50 * 1024 * 1024;
const MAX_PENDING = 10_000;
/** Tags whose last invalidation is remembered; beyond it the process starts afresh. */
const MAX_DROPPED = 100_000;
const TAGS_HEADER = "x-next-cache-tags";

/**
 * The NOTIFY payloads that carry `tags`: JSON arrays, split so each stays under PostgreSQL's limit.
 * @param {readonly string[]} tags
 * @returns {string[]}
 */
export function invalidationPayloads(tags) {
  const payloads = [];
  let batch = [];
  for (const tag of new Set(tags)) {
    if (batch.length > 0 && JSON.stringify([...batch, tag]).length > PAYLOAD_LIMIT) {
      payloads.push(JSON.stringify(batch));
      batch = [];
    }
    batch.push(tag);
  }
  if (batch.length > 0) payloads.push(JSON.stringify(batch));
  return payloads;
}

/** @param {string} payload */
function parsePayload(payload) {
  try {
    const tags = JSON.parse(payload);
    return Array.isArray(tags) ? tags.filter((tag) => typeof tag === "string") : null;
  } catch {
    return null;
  }
}

function sizeOf(value) {
  if (!value) return 1;
  switch (value.kind) {
    case "FETCH":
      return JSON.stringify(value.data ?? null).length;
    case "APP_PAGE": {
      let size = (value.html?.length ?? 0) + (value.rscData?.length ?? 0);
      for (const segment of value.segmentData?.values() ?? []) size += segment.length;
      return size;
    }
    case "APP_ROUTE":
      return value.body?.length ?? 1;
    default:
      return JSON.stringify(value).length;
  }
}

function tagsOf(value, ctx) {
  const tags = [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
  if (value?.kind === "FETCH" && Array.isArray(value.tags)) tags.push(...value.tags);
  const header = value?.headers?.[TAGS_HEADER];
  if (typeof header === "string" && header) tags.push(...header.split(","));
  return tags;
}

/**
 * One process's cache: its entries, what it heard about invalidated tags, and its listener.
 *
 * Invalidations are counted, not timed: every tag remembers the count of the last invalidation
 * that named it, and an entry the count when its render began (the read that missed). A render
 * that was under way when its tag was dropped is therefore never stored as fresh, however late
 * it finishes.
 *
 * @param {{ connectionString?: string, enabled?: boolean }} options
 */
export function createCacheStore({ connectionString, enabled = true } = {}) {
  /** @type {Map<string, { value: unknown, lastModified: number, cacheControl: unknown, tags: string[], born: number, size: number }>} */
  const entries = new Map();
  /** @type {Map<string, number>} */
  const dropped = new Map();
  /** Render start (the invalidation count) of keys read and not stored since. */
  /** @type {Map<string, number>} */
  const pending = new Map();
  let count = 0;
  let bytes = 0;
  /**
   * Renders that began before this count are never stored: they may predate a notification this
   * process missed (before its listener started) or forgot (after a reset). Infinity: no listener.
   */
  let floor = Infinity;
  /** @type {pg.Client | null} */
  let listener = null;
  /** @type {Promise<void> | null} */
  let connecting = null;
  /** @type {pg.Pool | null} */
  let publisher = null;

  function forget(key) {
    const entry = entries.get(key);
    if (entry) bytes -= entry.size;
    entries.delete(key);
  }

  function clear() {
    entries.clear();
    pending.clear();
    bytes = 0;
  }

  /** Forgets everything, including renders under way: for when what was dropped is not known. */
  function reset() {
    clear();
    dropped.clear();
    count += 1;
    floor = count;
  }

  function begin(key) {
    pending.delete(key);
    pending.set(key, count);
    // Keys read and never stored (a render that failed) must not pile up.
    for (const oldest of pending.keys()) {
      if (pending.size <= MAX_PENDING) break;
      pending.delete(oldest);
    }
  }

  function drop(tags) {
    if (dropped.size + tags.length > MAX_DROPPED) return reset();
    count += 1;
    for (const tag of tags) dropped.set(tag, count);
  }

  function isDropped(tags, born) {
    return tags.some((tag) => (dropped.get(tag) ?? 0) > born);
  }

  function listen() {
    if (!enabled || !connectionString) return Promise.resolve();
    if (listener || connecting) return connecting ?? Promise.resolve();
    const client = new pg.Client({ connectionString });
    const lost = () => {
      // An older client ending after a newer one took over changes nothing.
      if (listener !== null && listener !== client) return;
      listener = null;
      floor = Infinity;
      clear();
    };
    client.on("notification", (message) => {
      const tags = message.channel === CACHE_CHANNEL && message.payload ? parsePayload(message.payload) : null;
      // A payload this process cannot read may have named anything: drop everything.
      if (tags) drop(tags);
      else reset();
    });
    client.on("error", lost);
    client.on("end", lost);
    connecting = client
      .connect()
      .then(() => client.query(`LISTEN ${CACHE_CHANNEL}`))
      .then(() => {
        count += 1;
        floor = count;
        listener = client;
      })
      .catch(() => {
        lost();
        void client.end().catch(() => {});
      })
      .finally(() => {
        connecting = null;
      });
    return connecting;
  }

  return {
    /** The entry under `key`, or null (missing, dropped by a tag, or no listener). */
    async get(key, ctx) {
      await listen();
      if (!listener) return null;
      const entry = entries.get(key);
      if (!entry || isDropped([...entry.tags, ...tagsOf(null, ctx)], entry.born)) {
        forget(key);
        // Concurrent misses: the render that began first decides.
        if (!pending.has(key)) begin(key);
        return null;
      }
      // A hit may be stale by age: Next then renders it again in the background.
      begin(key);
      // Most recently used last: the oldest are evicted first.
      entries.delete(key);
      entries.set(key, entry);
      return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
    },

    /** Keeps `value` under `key` unless its tags were dropped since its render began. */
    async set(key, value, ctx) {
      const born = pending.get(key);
      pending.delete(key);
      forget(key);
      // No read began this render in this listener's lifetime: it may predate an invalidation.
      if (!listener || born === undefined || born < floor || value == null) return;
      const tags = tagsOf(value, ctx);
      if (isDropped(tags, born)) return;
      const size = sizeOf(value);
      if (size > MAX_BYTES) return;
      entries.set(key, { value, lastModified: Date.now(), cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl, tags, born, size });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (bytes <= MAX_BYTES) break;
        forget(oldest);
      }
    },

    /** Drops `tags` here at once, then tells every process (their notification reaches this one too). */
    async revalidateTag(tags) {
      const list = typeof tags === "string" ? [tags] : [...tags];
      if (list.length === 0) return;
      drop(list);
      if (!enabled || !connectionString) return;
      publisher ??= new pg.Pool({ connectionString, max: 2, allowExitOnIdle: true });
      for (const payload of invalidationPayloads(list)) {
        await publisher.query("SELECT pg_notify($1, $2)", [CACHE_CHANNEL, payload]);
      }
    },

    /** Whether this process is listening (and therefore caching). */
    listening() {
      return listener !== null;
    },

    /** Starts listening now instead of on the first read. */
    start() {
      return listen();
    },

    /** Stops listening and drops everything (tests, and processes that want to exit). */
    async stop() {
      await connecting;
      const client = listener;
      listener = null;
      floor = Infinity;
      clear();
      await client?.end().catch(() => {});
      await publisher?.end().catch(() => {});
      publisher = null;
    },
  };
}

/**
 * The process's one store. Next builds a CacheHandler per request; they all share it. At build
 * time nothing is listened to, so nothing is cached in the handler (the build keeps its own output).
 */
function processStore() {
  const g = globalThis;
  g.patronCacheStore ??= createCacheStore({
    connectionString: process.env.DATABASE_URL,
    enabled: process.env.NEXT_PHASE !== "phase-production-build",
  });
  return g.patronCacheStore;
}

export default class CacheHandler {
  constructor() {
    this.store = processStore();
  }

  get(key, ctx) {
    return this.store.get(key, ctx);
  }

  set(key, value, ctx) {
    return this.store.set(key, value, ctx);
  }

  async revalidateTag(tags) {
    try {
      await this.store.revalidateTag(tags);
    } catch (error) {
      // The write has committed; other processes see it when their entries expire.
      console.error(`Could not send the cache invalidation to other processes: ${error instanceof Error ? error.message : error}`);
    }
  }

  resetRequestCache() {}
}
