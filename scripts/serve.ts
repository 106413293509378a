/**
 * `npm run dev` and `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations,
 * the demo seed on an empty database, the background worker and Next, all stopped by one Ctrl-C.
 *
 *   tsx scripts/serve.ts dev     next dev on port 3000
 *   tsx scripts/serve.ts start   next start (run `npm run build` first)
 *
 * Environment: DATABASE_URL (use that PostgreSQL, start none), PORT (3000), PATRON_DATA_DIR
 * (.data: embedded database and generated secret), PATRON_PG_PORT (5433), SEED (set to "never"
 * to skip the demo data).
 */
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { run, start, stopAll, TSX_SERVER } from "./lib/processes";
import { ensureAuthSecret } from "./lib/secrets";

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

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.AUTH_SECRET = ensureAuthSecret(dataDir, production);
  process.env.AUTH_TRUST_HOST ??= "true";

  if (!process.env.DATABASE_URL) {
    const pgPort = Number(process.env.PATRON_PG_PORT ?? 5433);
    console.log(`Starting the embedded PostgreSQL in ${path.relative(process.cwd(), dataDir) || "."}/postgres on port ${pgPort}…`);
    database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: pgPort, database: "patron", quiet: true });
    process.env.DATABASE_URL = database.url;
  }

  await run("prisma", ["migrate", "deploy"]);
  if (process.env.SEED !== "never") await run("tsx", [...TSX_SERVER, "prisma/seed.ts", "--if-empty"]);

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

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
