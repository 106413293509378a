import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, inject, vi } from "vitest";

vi.mock("next/cache", () => import("./next-cache-stub"));

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "integration-test-secret-integration-test-secret";
process.env.PLATFORM_ROOT_DOMAIN ??= "localhost:3000";
// Uploaded files of each test file go to a folder of their own, removed afterwards.
const storageDir = mkdtempSync(path.join(tmpdir(), "patron-storage-"));
process.env.STORAGE_DIR = storageDir;

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  const { stopRoutingListener } = await import("@/lib/tenancy/routing-cache");
  const { stopBoss } = await import("@/lib/jobs/boss");
  await stopRoutingListener();
  await stopBoss();
  await disconnectDb();
  rmSync(storageDir, { recursive: true, force: true });
});
