/**
 * The migration drift check of `npm test`: do prisma/migrations, applied in order, produce
 * exactly prisma/schema.prisma? `prisma migrate diff --from-migrations` replays the migrations
 * in a shadow database, so it needs a PostgreSQL server: a throwaway embedded one, started here
 * and stopped (its data deleted) before this process exits.
 *
 * Exit codes: 0 no drift, 2 drift, anything else the check could not run.
 * Environment: TEST_DRIFT_PG_PORT (5436).
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";

const port = Number(process.env.TEST_DRIFT_PG_PORT ?? 5436);
const dataDir = path.resolve(".data/test-drift");

function prismaDiff(databaseUrl: string): Promise<number> {
  const args = [
    "migrate",
    "diff",
    "--from-migrations",
    "prisma/migrations",
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--exit-code",
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/prisma"), args, {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  rmSync(dataDir, { recursive: true, force: true });
  let database: EmbeddedDatabase | undefined;
  try {
    database = await startEmbeddedPostgres({ dataDir, port, database: "patron_drift", persistent: false, quiet: true });
  } catch (error) {
    console.error(`Could not start the drift check's PostgreSQL on port ${port}: ${String(error instanceof Error ? error.message : error)}`);
    return 1;
  }
  try {
    const code = await prismaDiff(database.url);
    if (code === 2) {
      console.error(
        "\nprisma/schema.prisma and prisma/migrations disagree (the diff above is what a new migration must contain).\n" +
          "Draft one with: npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma --script",
      );
    } else if (code !== 0) {
      console.error(`\nprisma migrate diff could not run (exit code ${code}).`);
    }
    return code;
  } finally {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
