/**
 * The `test` every spec imports (instead of @playwright/test's), with:
 *   db             a pg pool on the e2e server's database (one per worker)
 *   createTenant   a fresh merchant + store + OWNER with a password (see support/db.ts)
 *   newestEmail    the newest outbox message to a recipient, or null
 *   waitForEmail   the same, polled until it arrives (the app may queue it after responding)
 *
 * Sign-in helpers (signing in an owner, a customer by emailed link) belong here too, next to
 * the specs under e2e/auth/ that exercise sign-in itself.
 */
import { expect, test as base } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL } from "./env";
import { createTenant, newestEmail, type OutboxEmail, type Tenant, type TenantOptions } from "./support/db";

interface WorkerFixtures {
  db: pg.Pool;
}

interface TestFixtures {
  createTenant: (options?: TenantOptions) => Promise<Tenant>;
  newestEmail: (to: string, options?: { template?: string; after?: Date }) => Promise<OutboxEmail | null>;
  waitForEmail: (to: string, options?: { template?: string; after?: Date; timeout?: number }) => Promise<OutboxEmail>;
}

// Fixture callbacks name their second parameter `provide`, not `use`: React's lint rules take
// any call to `use()` for the React hook.
export const test = base.extend<TestFixtures, WorkerFixtures>({
  db: [
    async ({}, provide) => {
      const pool = new pg.Pool({ connectionString: E2E_DATABASE_URL, max: 3 });
      await provide(pool);
      await pool.end();
    },
    { scope: "worker" },
  ],
  createTenant: async ({ db }, provide) => {
    await provide((options) => createTenant(db, options));
  },
  newestEmail: async ({ db }, provide) => {
    await provide((to, options) => newestEmail(db, to, options));
  },
  waitForEmail: async ({ db }, provide) => {
    await provide(async (to, { timeout = 10_000, ...options } = {}) => {
      let found: OutboxEmail | null = null;
      await expect
        .poll(async () => (found = await newestEmail(db, to, options)), {
          message: `an email to ${to}${options.template ? ` (${options.template})` : ""} in the outbox`,
          timeout,
        })
        .not.toBeNull();
      return found!;
    });
  },
});

export { expect };
export { APEX_URL, storeUrl } from "./env";
