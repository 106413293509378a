/**
 * The production tier of `npm test`: the build `npm run build` made, started as an operator
 * would start it (`npm start`, that is `tsx scripts/serve.ts start`, NODE_ENV=production) on a
 * fresh embedded PostgreSQL, with none of the test modes the e2e server uses:
 *
 *   1. without settings it refuses to start, naming every missing one and PATRON_ALLOW_MISSING;
 *   2. with them and PATRON_ALLOW_MISSING=stripe,resend it starts (saying what it runs without),
 *      seeds no demo account, answers 404 on the test payment page of a real pending order (while
 *      the store itself answers), and /api/ready says ready;
 *   3. once the database holds a demo account with the published password, it refuses again.
 *
 *   tsx scripts/smoke-production.ts <report.json>
 *
 * Prints one line per check and writes the counts (scripts/lib/test-reports.ts TestCounts) to the
 * report. Ports: TEST_SMOKE_PORT (3005) for the app, TEST_SMOKE_PG_PORT (5438) for PostgreSQL.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import bcrypt from "bcryptjs";
import pg from "pg";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-data";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { getWithHost } from "./lib/http";
import { importServerModule } from "./lib/server-modules";
import type { TestCounts } from "./lib/test-reports";

const SMOKE_PORT = Number(process.env.TEST_SMOKE_PORT ?? 3005);
const SMOKE_PG_PORT = Number(process.env.TEST_SMOKE_PG_PORT ?? 5438);
const DATA_DIR = path.resolve(".data/smoke");
const ROOT_DOMAIN = `localhost:${SMOKE_PORT}`;
const AUTH_SECRET = "smoke-only-secret-never-used-outside-tests-0123456789";
const STARTUP_TIMEOUT_MS = 120_000;

const counts: TestCounts = { passed: 0, failed: 0, skipped: 0, flaky: 0, errors: 0 };

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

function check(name: string, ok: boolean, detail = ""): boolean {
  if (ok) counts.passed += 1;
  else counts.failed += 1;
  console.log(`  ${ok ? "✔" : "✘"} ${name} (${elapsed()})${!ok && detail ? `\n      ${detail.split("\n").join("\n      ")}` : ""}`);
  return ok;
}

/** The operator's environment: this machine's settings of the app removed, so the run is the same everywhere. */
function bareEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PATRON_DATA_DIR: DATA_DIR, PORT: String(SMOKE_PORT) };
  for (const name of Object.keys(env)) {
    if (/^(DATABASE_URL|AUTH_|NEXTAUTH_|PLATFORM_|STRIPE_|RESEND_|EMAIL_FROM|SEED|SHOW_DEMO_ACCOUNTS|DNS_SERVERS|DOMAIN_|PATRON_(?!DATA_DIR))/.test(name)) delete env[name];
  }
  // serve.ts start sets NODE_ENV=production itself, as an operator's `npm start` would get it.
  delete (env as Record<string, string | undefined>).NODE_ENV;
  return env;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number>;
}

function startServe(env: NodeJS.ProcessEnv): Started {
  // Its own process group, so that whatever it leaves behind can be stopped with it.
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/serve.ts", "start"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  return { child, output: () => output, exited };
}

async function stopServe(started: Started): Promise<void> {
  if (started.child.exitCode !== null || started.child.signalCode !== null) return;
  started.child.kill("SIGTERM");
  const timer = setTimeout(() => {
    try {
      process.kill(-started.child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }, 25_000);
  await started.exited;
  clearTimeout(timer);
}

async function waitFor(what: string, probe: () => Promise<boolean>, started: Started, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) return false;
    if (await probe().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`      (gave up waiting for ${what})`);
  return false;
}

const apex = (urlPath: string) => getWithHost(SMOKE_PORT, ROOT_DOMAIN, urlPath);

async function refusesWithoutSettings(): Promise<void> {
  console.log("Without settings (NODE_ENV=production, nothing else):");
  const started = startServe(bareEnvironment());
  const timeout = setTimeout(() => void stopServe(started), 60_000);
  const code = await started.exited;
  clearTimeout(timeout);
  const out = started.output();
  check("refuses to start (non-zero exit)", code !== 0, `exit code ${code}`);
  check("says it refuses to start in production", out.includes("Patron refuses to start in production"), out);
  const named = ["AUTH_SECRET", "DATABASE_URL", "PLATFORM_ROOT_DOMAIN", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "RESEND_API_KEY", "EMAIL_FROM"];
  const missing = named.filter((name) => !new RegExp(`\\b${name}\\b`).test(out));
  check("names every missing setting", missing.length === 0, `not named: ${missing.join(", ")}`);
  check("tells how to accept what may be missing (PATRON_ALLOW_MISSING=...)", /PATRON_ALLOW_MISSING=\w/.test(out), out);
}

async function startsWithOptIn(database: EmbeddedDatabase): Promise<void> {
  console.log("With the settings and PATRON_ALLOW_MISSING=stripe,resend:");
  const started = startServe(optedIn(database));
  try {
    const up = await waitFor("/api/health", async () => (await apex("/api/health")).status === 200, started, STARTUP_TIMEOUT_MS);
    if (!check("starts: /api/health answers 200", up, started.output().slice(-4000))) return;
    const out = started.output();
    check("warns that it runs without stripe and resend", /WARNING: running without stripe/.test(out) && /WARNING: running without resend/.test(out), out);

    const ready = await waitFor("/api/ready", async () => (await apex("/api/ready")).status === 200, started, 30_000);
    const readyBody = (await apex("/api/ready")).body;
    check("/api/ready says ready", ready && JSON.parse(readyBody).status === "ready", readyBody);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const demo = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "User" WHERE email = ANY($1)`, [DEMO_USERS.map((u) => u.email)]);
      const merchants = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Merchant"`);
      check("seeds no demo account and no demo merchant", demo.rows[0]!.n === 0 && merchants.rows[0]!.n === 0, `demo users ${demo.rows[0]!.n}, merchants ${merchants.rows[0]!.n}`);

      // A store with an order pending through the test provider (as a copied development database would hold).
      await client.query(`INSERT INTO "Merchant" (id, name) VALUES ('smoke-merchant', 'Smoke')`);
      await client.query(
        `INSERT INTO "Store" (id, "merchantId", slug, name, currency, "defaultLocale", locales) VALUES ('smoke-store', 'smoke-merchant', 'smoke', 'Smoke', 'EUR', 'en', ARRAY['en'])`,
      );
      await client.query(
        `INSERT INTO "Order" (id, "merchantId", "storeId", number, email, locale, currency, status, "subtotalCents", "discountCents", "totalCents", "amountDueCents", "paymentProvider", "idempotencyKey", "transactionId")
         VALUES ('smoke-order', 'smoke-merchant', 'smoke-store', '000001', 'buyer@example.com', 'en', 'EUR', 'PENDING_PAYMENT', 2500, 0, 2500, 2500, 'TEST', 'smoke-key', 'smoke-tx')`,
      );
    } finally {
      await client.end();
    }
    Object.assign(process.env, { AUTH_SECRET, DATABASE_URL: database.url });
    const { orderToken } = await importServerModule(() => import("@/lib/orders/tokens"));
    const storeHost = `smoke.${ROOT_DOMAIN}`;
    const home = await getWithHost(SMOKE_PORT, storeHost, "/");
    check("the store's storefront answers 200", home.status === 200, `status ${home.status}`);
    securityHeadersOf("the landing page", await apex("/"), { nonce: true });
    securityHeadersOf("the storefront", home, { nonce: false });
    const payPage = await getWithHost(SMOKE_PORT, storeHost, `/pay/test/smoke-order?token=${orderToken("smoke-order", "pay")}`);
    check("the test payment page of a pending test order answers 404", payPage.status === 404, `status ${payPage.status}`);
  } finally {
    await stopServe(started);
  }
}

/**
 * The security headers every page carries (lib/security/headers.ts): pages rendered per request
 * allow only scripts with this response's nonce; cached storefront pages cannot carry one.
 */
function securityHeadersOf(page: string, response: { headers: Record<string, string | string[] | undefined> }, options: { nonce: boolean }): void {
  const header = (name: string) => String(response.headers[name] ?? "");
  const csp = header("content-security-policy");
  const nonced = /script-src 'nonce-[A-Za-z0-9+/=_-]{16,}' 'strict-dynamic'/.test(csp) && !/script-src[^;]*'unsafe-inline'/.test(csp);
  check(
    `${page} sends its Content-Security-Policy${options.nonce ? " with a nonce" : ""}`,
    ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"].every((rule) => csp.includes(rule)) && (!options.nonce || nonced),
    csp,
  );
  check(
    `${page} sends X-Content-Type-Options, Referrer-Policy and a Permissions-Policy without the camera`,
    header("x-content-type-options") === "nosniff" && header("referrer-policy") !== "" && /camera=\(\)/.test(header("permissions-policy")),
    JSON.stringify(response.headers),
  );
}

/** The operator's settings and the opt-in, on `database`. */
function optedIn(database: EmbeddedDatabase): NodeJS.ProcessEnv {
  return {
    ...bareEnvironment(),
    DATABASE_URL: database.url,
    AUTH_SECRET,
    PLATFORM_ROOT_DOMAIN: ROOT_DOMAIN,
    PLATFORM_PROTOCOL: "http",
    STORAGE_DIR: path.join(DATA_DIR, "storage"),
    PATRON_ALLOW_MISSING: "stripe,resend",
  };
}

async function refusesDemoAccounts(database: EmbeddedDatabase): Promise<void> {
  console.log("With a demo account in the database:");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const hash = await bcrypt.hash(DEMO_PASSWORD, 10);
    await client.query(`INSERT INTO "User" (id, email, "passwordHash", "isPlatformAdmin") VALUES ('smoke-admin', 'admin@patron.test', $1, true)`, [hash]);
  } finally {
    await client.end();
  }
  const started = startServe(optedIn(database));
  const timeout = setTimeout(() => void stopServe(started), STARTUP_TIMEOUT_MS);
  const code = await started.exited;
  clearTimeout(timeout);
  const out = started.output();
  check("refuses to start (non-zero exit)", code !== 0, `exit code ${code}`);
  check("names the demo account and how to fix it", out.includes("admin@patron.test") && out.includes("SEED=demo"), out.slice(-4000));
}

async function main(): Promise<void> {
  const report = process.argv[2];
  rmSync(DATA_DIR, { recursive: true, force: true });
  let database: EmbeddedDatabase | undefined;
  try {
    await refusesWithoutSettings();
    database = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), port: SMOKE_PG_PORT, database: "patron", persistent: false, quiet: true });
    await startsWithOptIn(database);
    await refusesDemoAccounts(database);
  } catch (error) {
    counts.errors += 1;
    console.error("The production smoke test could not run:", error);
  } finally {
    await database?.stop();
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
  if (report) writeFileSync(report, JSON.stringify(counts));
  console.log(`\n${counts.passed} passed, ${counts.failed} failed${counts.errors ? `, ${counts.errors} error(s)` : ""}`);
  process.exit(counts.failed + counts.errors > 0 ? 1 : 0);
}

void main();
