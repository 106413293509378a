import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export { Prisma } from "@/lib/generated/prisma/client";

// One client per process, shared by every bundle (proxy, route handlers, server actions) and
// kept across hot reloads. Created on first use so that importing this module (for example
// while `next build` collects pages) needs no database configuration.
const globalForDb = globalThis as unknown as { patronDb?: PrismaClient };

function client(): PrismaClient {
  return (globalForDb.patronDb ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
  }));
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
