/**
 * `npm run dev` and `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations,
 * the demo seed on an empty database, the background worker and Next, all stopped by one Ctrl-C.
 *
 *   tsx scripts/serve.ts dev     next dev on port 3000
 *   tsx scripts/serve.ts start   next start (run `npm run build` first)
 *
 * Environment: DATABASE_URL (use that PostgreSQL, start none), PORT (3000), PATRON_DATA_DIR
 * (.data: embedded database and generated secret), PATRON_PG_PORT (5433), SEED ("never" skips the
 * demo data; "demo" seeds it in production too).
 *
 * `start` is production (NODE_ENV=production, as `next start` is anyway): before anything starts,
 * every missing or malformed setting is listed and the start refuses (lib/env.ts checkSettings)
 * unless PATRON_ALLOW_MISSING accepts it; no demo data is seeded unless SEED=demo, and a database
 * holding demo accounts with the published password is refused. PATRON_TEST_MODE=1 (the e2e
 * server, benchmarks; a local root domain only) keeps development's fallbacks instead.
 */
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { run, start, stopAll, TSX_SERVER } from "./lib/processes";
import { ensureAuthSecret } from "./lib/secrets";
import { importServerModule } from "./lib/server-modules";

const mode = process.argv[2] === "start" ? "start" : "dev";
const production = mode === "start";
const dataDir = path.resolve(process.env.PATRON_DATA_DIR ?? ".data");
const port = process.env.PORT ?? "3000";

let database: EmbeddedDatabase | undefined;
const children: ChildProcess[] = [];
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log("\nStopping…");
    await stopAll(children);
    await database?.stop();
  }
  process.exit(code);
}

/** Thrown for a refused start: its message is all the operator needs, without a stack. */
class StartRefused extends Error {}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  // `next start` runs in production whatever the environment says: the checks and the worker follow it.
  if (production) (process.env as Record<string, string>).NODE_ENV = "production";
  const { checkSettings, describeSettingsCheck } = await importServerModule(() => import("@/lib/env"));
  const settings = checkSettings();
  for (const line of describeSettingsCheck(settings)) (settings.errors.length > 0 ? console.error : console.warn)(line);
  if (settings.errors.length > 0) throw new StartRefused();
  // Strict production: NODE_ENV=production without PATRON_TEST_MODE (see lib/env.ts).
  const strict = settings.production;

  process.env.AUTH_SECRET = ensureAuthSecret(dataDir, production);
  process.env.AUTH_TRUST_HOST ??= "true";

  if (!process.env.DATABASE_URL) {
    const pgPort = Number(process.env.PATRON_PG_PORT ?? 5433);
    console.log(`Starting the embedded PostgreSQL in ${path.relative(process.cwd(), dataDir) || "."}/postgres on port ${pgPort}…`);
    database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: pgPort, database: "patron", quiet: true });
    process.env.DATABASE_URL = database.url;
    // The worker and Next check the settings again: they must see that DATABASE_URL was not given.
    process.env.PATRON_EMBEDDED_DATABASE = "1";
  }

  await run("prisma", ["migrate", "deploy"]);
  const seed = process.env.SEED;
  if (strict ? seed === "demo" : seed !== "never") await run("tsx", [...TSX_SERVER, "prisma/seed.ts", "--if-empty"]);
  if (strict && seed !== "demo") await refuseDemoAccounts();

  children.push(start("worker", "tsx", [...TSX_SERVER, "scripts/worker.ts"]));
  // An explicit bind address: Next rewrites a proxy redirect whose target is its own
  // "localhost:<port>" into a relative one, which would keep www.localhost on www.
  children.push(start("next", "next", [mode, "--port", port, "--hostname", process.env.HOSTNAME_BIND ?? "0.0.0.0"]));
  for (const child of children) {
    child.on("exit", (code) => {
      if (!stopping) {
        console.error(`A process exited (${code}); stopping everything.`);
        void shutdown(code || 1);
      }
    });
  }
  console.log(`\nPatron is starting on http://localhost:${port}  (storefronts: http://fashionhub.localhost:${port})\n`);
}

/** A production start stops when the database still holds demo accounts anyone can sign in to. */
async function refuseDemoAccounts(): Promise<void> {
  const { findDemoAccountsWithPublishedPassword } = await importServerModule(() => import("@/lib/auth/data"));
  const { disconnectDb } = await importServerModule(() => import("@/lib/db"));
  const accounts = await findDemoAccountsWithPublishedPassword();
  await disconnectDb();
  if (accounts.length === 0) return;
  console.error(
    [
      "Patron refuses to start in production: the database holds demo accounts that sign in with the password",
      `published in the README: ${accounts.join(", ")}.`,
      "Delete these users or give them other passwords. If this is a demo platform on purpose, start with SEED=demo.",
    ].join("\n"),
  );
  throw new StartRefused();
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
main().catch(async (error: unknown) => {
  if (!(error instanceof StartRefused)) console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
