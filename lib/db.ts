import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export { Prisma } from "@/lib/generated/prisma/client";

// One client per process, shared by every bundle (proxy, route handlers, server actions) and
// kept across hot reloads. Created on first use so that importing this module (for example
// while `next build` collects pages) needs no database configuration.
export interface SentQuery {
  query: string;
  /** The parameters as Prisma reports them: a JSON array. */
  params: string;
}
const globalForDb = globalThis as unknown as { patronDb?: PrismaClient; patronQueries?: { count: number; recent: SentQuery[] } };
const RECENT_QUERIES = 50;

function client(): PrismaClient {
  if (globalForDb.patronDb) return globalForDb.patronDb;
  const e = env();
  const adapter = new PrismaPg({ connectionString: e.DATABASE_URL, max: e.DATABASE_POOL_SIZE });
  // A transaction waits up to 10 s for a connection of the pool (Prisma's default is 2 s): under a
  // burst of checkouts, a cancellation or a coupon edit queues behind them instead of failing.
  const transactionOptions = { maxWait: 10_000 };
  if (!e.countQueries) return (globalForDb.patronDb = new PrismaClient({ adapter, transactionOptions }));
  const counted = new PrismaClient({ adapter, transactionOptions, log: [{ emit: "event", level: "query" }] });
  const queries: { count: number; recent: SentQuery[] } = { count: 0, recent: [] };
  globalForDb.patronQueries = queries;
  counted.$on("query", (event) => {
    queries.count += 1;
    queries.recent.push({ query: event.query, params: event.params });
    if (queries.recent.length > RECENT_QUERIES) queries.recent.shift();
  });
  return (globalForDb.patronDb = counted);
}

/**
 * How many SQL statements this process has sent through Prisma since it started, and the text of
 * the last few, when PATRON_COUNT_QUERIES is on (the benchmark reads it between requests); null
 * otherwise.
 */
export function queriesSent(): { count: number; recent: SentQuery[] } | null {
  if (!env().countQueries) return null;
  client();
  const { count, recent } = globalForDb.patronQueries ?? { count: 0, recent: [] };
  return { count, recent: [...recent] };
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = client();
    const value = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

/** A Prisma interactive-transaction client. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Closes the pool (scripts and tests). */
export async function disconnectDb(): Promise<void> {
  if (globalForDb.patronDb) {
    await globalForDb.patronDb.$disconnect();
    globalForDb.patronDb = undefined;
  }
}
