import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

/**
 * A per-process cache for host -> store lookups, invalidated across every process through
 * PostgreSQL LISTEN/NOTIFY: a mutation that changes a store's routing (slug, locales, status,
 * domains) calls `routingChanged(tx)` inside its transaction, PostgreSQL delivers the
 * notification on commit, and every listening process drops its cache. While a process has no
 * working listener it does not cache at all, so a stale answer is never served.
 */
export const ROUTING_CHANNEL = "patron_routing";
const TTL_MS = 5 * 60_000;

interface State {
  entries: Map<string, { value: unknown; expires: number }>;
  listener: pg.Client | null;
  listening: boolean;
  connecting: Promise<void> | null;
}

const g = globalThis as unknown as { patronRoutingCache?: State };
const state: State = (g.patronRoutingCache ??= { entries: new Map(), listener: null, listening: false, connecting: null });

function startListener(): Promise<void> {
  if (state.listening || state.connecting) return state.connecting ?? Promise.resolve();
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  const lost = () => {
    state.listening = false;
    state.listener = null;
    state.entries.clear();
  };
  client.on("notification", () => state.entries.clear());
  client.on("error", lost);
  client.on("end", lost);
  state.connecting = client
    .connect()
    .then(() => client.query(`LISTEN ${ROUTING_CHANNEL}`))
    .then(() => {
      state.listener = client;
      state.listening = true;
    })
    .catch(() => {
      lost();
      void client.end().catch(() => {});
    })
    .finally(() => {
      state.connecting = null;
    });
  return state.connecting;
}

/** Returns the cached value for `key`, or loads, caches (when safe) and returns it. */
export async function cachedLookup<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = state.entries.get(key);
  if (hit && hit.expires > Date.now()) return hit.value as T;
  await startListener();
  const value = await load();
  if (state.listening) state.entries.set(key, { value, expires: Date.now() + TTL_MS });
  return value;
}

/** Drops this process's cache at once (other processes drop theirs on the notification). */
export function clearRoutingCache(): void {
  state.entries.clear();
}

/** Stops listening (tests and scripts that want their process to exit). */
export async function stopRoutingListener(): Promise<void> {
  const client = state.listener;
  state.listening = false;
  state.listener = null;
  state.entries.clear();
  if (client) await client.end().catch(() => {});
}
