import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { run } from "../../scripts/lib/processes";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Integration tests run against a real PostgreSQL: a fresh embedded cluster for the run
 * (or TEST_DATABASE_URL when given), migrated with the project's own migrations.
 */
export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    const dataDir = path.resolve(".data/test-postgres");
    rmSync(dataDir, { recursive: true, force: true });
    const database = await startEmbeddedPostgres({
      dataDir,
      port: Number(process.env.TEST_PG_PORT ?? 5434),
      database: "patron_test",
      persistent: false,
      quiet: true,
    });
    url = database.url;
    stop = database.stop;
  }
  await run("prisma", ["migrate", "deploy"], { ...process.env, DATABASE_URL: url });
  project.provide("databaseUrl", url);
  return async () => {
    await stop?.();
  };
}
