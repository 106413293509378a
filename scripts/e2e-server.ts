/**
 * The server Playwright tests against (playwright.config.ts `webServer`): the production build
 * (`npm run build` first) started by `serve.ts start` on a fresh embedded PostgreSQL with the
 * demo data, so every run begins from the same state and never touches a developer's database.
 *
 * `next start` is production, and a strict production start would refuse without keys, seed no
 * demo data and have no test payment provider. The e2e server opts out explicitly with
 * PATRON_TEST_MODE=1, which lib/env.ts accepts on a local root domain only (ROOT_DOMAIN is
 * localhost:<port>); the production tier of `npm test` checks the strict start instead.
 *
 * It deletes .data/e2e, then runs serve.ts with a fixed environment. Playwright stops it with
 * SIGTERM to the whole process group; serve.ts then stops Next, the worker and PostgreSQL.
 *
 * `tsx scripts/e2e-server.ts second` starts a second app server (Next and a worker) on
 * E2E_SECOND_PORT, on the first one's database and the same build, as a second instance behind a
 * load balancer would run. Playwright starts it once the first is up.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import {
  E2E_AUTH_SECRET,
  E2E_DATA_DIR,
  E2E_DATABASE_URL,
  E2E_DNS_PORT,
  E2E_PG_PORT,
  E2E_PORT,
  E2E_SECOND_PORT,
  ROOT_DOMAIN,
  SECOND_ROOT_DOMAIN,
} from "../e2e/env";

const second = process.argv[2] === "second";
const dataDir = path.resolve(E2E_DATA_DIR);
if (!second) rmSync(dataDir, { recursive: true, force: true });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  PATRON_DATA_DIR: dataDir,
  PATRON_PG_PORT: String(E2E_PG_PORT),
  PORT: String(E2E_PORT),
  AUTH_SECRET: E2E_AUTH_SECRET,
  AUTH_TRUST_HOST: "true",
  PLATFORM_ROOT_DOMAIN: ROOT_DOMAIN,
  PLATFORM_PROTOCOL: "http",
  STORAGE_DIR: path.join(dataDir, "storage"),
  // Custom-domain verification asks the DNS server of e2e/accounts/domains.spec.ts.
  DNS_SERVERS: `127.0.0.1:${E2E_DNS_PORT}`,
  // Demo data, the test payment provider and the dev mailbox, on a production build.
  PATRON_TEST_MODE: "1",
};
// A developer's own settings must not leak in: the e2e server always owns its database, and
// email always stays in the outbox where specs read it.
for (const name of [
  "NODE_ENV",
  "DATABASE_URL",
  "RESEND_API_KEY",
  "RESEND_BASE_URL",
  "SEED",
  "SHOW_DEMO_ACCOUNTS",
  "PATRON_ALLOW_MISSING",
  "PATRON_EMBEDDED_DATABASE",
  "AUTH_URL",
  "NEXTAUTH_URL",
  // Payments always go through the test provider.
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "DOMAIN_CNAME_TARGET",
  "DOMAIN_A_TARGET",
]) {
  delete env[name];
}
if (second) {
  // The first server's database (already migrated and seeded), its own port and host names.
  env.DATABASE_URL = E2E_DATABASE_URL;
  env.PORT = String(E2E_SECOND_PORT);
  env.PLATFORM_ROOT_DOMAIN = SECOND_ROOT_DOMAIN;
}

const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/serve.ts", "start"], { stdio: "inherit", env });

// Playwright signals the whole process group, so serve.ts hears the signal itself; this
// process only waits for it to finish stopping. A signal sent to this process alone is passed on.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on("error", (error) => {
  console.error(`Could not start serve.ts: ${error.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
