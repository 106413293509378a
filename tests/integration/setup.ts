import { afterAll, inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "integration-test-secret-integration-test-secret";
process.env.PLATFORM_ROOT_DOMAIN ??= "localhost:3000";

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  const { stopRoutingListener } = await import("@/lib/tenancy/routing-cache");
  const { stopBoss } = await import("@/lib/jobs/boss");
  await stopRoutingListener();
  await stopBoss();
  await disconnectDb();
});
