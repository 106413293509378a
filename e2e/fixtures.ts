/**
 * The `test` every spec imports (instead of @playwright/test's), with:
 *   db                  a pg pool on the e2e server's database (one per worker)
 *   createTenant        a fresh merchant + store + OWNER with a password (see support/db.ts)
 *   newestEmail         the newest outbox message to a recipient, or null
 *   waitForEmail        the same, polled until it arrives (the app may queue it after responding)
 *   signInWithPassword  signs a merchant or admin in on the apex sign-in page
 *   signInCustomer      signs a customer in on a storefront with the link from the outbox
 *   serverErrors        every 5xx response the test's page received, to assert it stays empty
 *   cspViolations       (automatic) every Content-Security-Policy violation Chromium reports on
 *                       any page of the test, its own contexts included; the test fails on one
 *
 * The sign-in helpers go through the real forms, as a user would; the specs under e2e/auth/
 * exercise the sign-in flows themselves in detail.
 */
import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL, storeUrl } from "./env";
import { ApexSignInPage } from "./pages/apex-sign-in-page";
import { CheckEmailPage } from "./pages/check-email-page";
import { StoreSignInPage } from "./pages/store-sign-in-page";
import { recordServerErrors, uniqueEmail } from "./support/auth";
import { createTenant, firstLink, newestEmail, storeLocales, type OutboxEmail, type Tenant, type TenantOptions } from "./support/db";
import type { Credentials } from "./support/demo";
import type { Locale } from "./support/messages";

interface WorkerFixtures {
  db: pg.Pool;
}

interface TestFixtures {
  createTenant: (options?: TenantOptions) => Promise<Tenant>;
  newestEmail: (to: string, options?: { template?: string; after?: Date }) => Promise<OutboxEmail | null>;
  waitForEmail: (to: string, options?: { template?: string; after?: Date; timeout?: number }) => Promise<OutboxEmail>;
  /**
   * Signs in on the apex sign-in page (in `locale`, default English) with email and password and
   * waits until the browser has left it (for /account, /admin or `callbackUrl`). Uses the test's
   * page unless `page` is given.
   */
  signInWithPassword: (user: Credentials, options?: { page?: Page; callbackUrl?: string; locale?: Locale }) => Promise<void>;
  /**
   * Signs a customer in on the storefront of `slug` (in its default locale): asks for a sign-in
   * email, opens its link and waits for the store's account page. The address defaults to a
   * fresh one, which becomes a customer of the store's merchant. Returns the address used.
   */
  signInCustomer: (slug: string, options?: { email?: string; page?: Page }) => Promise<{ email: string }>;
  serverErrors: string[];
  cspViolations: string[];
}

/**
 * Records what Chromium reports about the Content-Security-Policy on every page of `context`:
 * `securitypolicyviolation` events (report-only ones included) and the console errors it writes
 * when it refuses something. Init scripts and bindings run outside the page's policy.
 */
async function watchCsp(context: BrowserContext, violations: string[]): Promise<void> {
  context.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(`${message.page()?.url()}: ${message.text()}`);
  });
  await context.exposeBinding("__recordCspViolation", ({ page }, text: string) => void violations.push(`${page.url()}: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const record = (window as unknown as { __recordCspViolation?: (text: string) => void }).__recordCspViolation;
      record?.(`${event.effectiveDirective} refused ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
    });
  });
}

async function waitForEmail(
  db: pg.Pool,
  to: string,
  { timeout = 10_000, ...options }: { template?: string; after?: Date; timeout?: number } = {},
): Promise<OutboxEmail> {
  let found: OutboxEmail | null = null;
  await expect
    .poll(async () => (found = await newestEmail(db, to, options)), {
      message: `an email to ${to}${options.template ? ` (${options.template})` : ""} in the outbox`,
      timeout,
    })
    .not.toBeNull();
  return found!;
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
    await provide((to, options) => waitForEmail(db, to, options));
  },
  signInWithPassword: async ({ page }, provide) => {
    await provide(async (user, { page: target = page, callbackUrl, locale = "en" } = {}) => {
      const signIn = new ApexSignInPage(target, locale);
      await signIn.goto(callbackUrl);
      await signIn.signInWithPassword(user.email, user.password);
      await expect(target, `${user.email} signed in and left the sign-in page`).toHaveURL(
        (url) => !url.pathname.endsWith("/sign-in"),
      );
    });
  },
  signInCustomer: async ({ page, db }, provide) => {
    await provide(async (slug, { email = uniqueEmail("customer"), page: target = page } = {}) => {
      const store = { slug, ...(await storeLocales(db, slug)) };
      // Specs in other workers may sign the same demo account in at the same moment: each must
      // use the link of its own email, so one sign-in per address at a time across workers.
      const lock = await db.connect();
      try {
        await lock.query("SELECT pg_advisory_lock(hashtext($1))", [`e2e-sign-in:${email}`]);
        const requestedAt = new Date();
        const signIn = new StoreSignInPage(target, store);
        await signIn.goto();
        await signIn.requestCode(email);
        await new CheckEmailPage(target, store.defaultLocale).expectShown();
        const link = firstLink(await waitForEmail(db, email, { template: "sign-in", after: requestedAt }));
        expect(link, `a link in the sign-in email to ${email}`).not.toBeNull();
        await target.goto(link!);
        await expect(target).toHaveURL(storeUrl(slug, "/account"));
      } finally {
        await lock.query("SELECT pg_advisory_unlock(hashtext($1))", [`e2e-sign-in:${email}`]).catch(() => undefined);
        lock.release();
      }
      return { email };
    });
  },
  serverErrors: async ({ page }, provide) => {
    await provide(recordServerErrors(page));
  },
  cspViolations: [
    async ({ context, browser }, provide) => {
      const violations: string[] = [];
      await watchCsp(context, violations);
      // Contexts the test opens itself (a second visitor, another user) are watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const created = await newContext(...args);
        await watchCsp(created, violations);
        return created;
      };
      try {
        await provide(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, "Content-Security-Policy violations on the pages of this test").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export { APEX_URL, storeUrl } from "./env";
