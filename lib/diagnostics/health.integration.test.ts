import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { discardEmails } from "@/tests/doubles/email";
import { resetEnvForTests } from "@/lib/env";
import { loadWorkerHeartbeats } from "@/lib/jobs/data";
import { recordWorkerHeartbeat } from "@/lib/jobs/mutations";
import { createUser } from "@/tests/integration/fixtures";
import { clearWorkerHeartbeats } from "@/tests/integration/worker-fixtures";
import { startWorker } from "@/lib/worker/worker";
import { loadEmailHealth } from "./data";
import { checkReadiness, describeIntegrations } from "./health";

const worker = { id: "test-host:1:heartbeat", host: "test-host", pid: 1 };

beforeEach(clearWorkerHeartbeats);

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

describe("readiness", () => {
  it("is not ready without a worker heartbeat, ready after one, and not ready once it is stale", async () => {
    expect(await checkReadiness()).toEqual({
      ready: false,
      checks: { database: { ok: true }, migrations: { ok: true }, worker: { ok: false, detail: "no recent heartbeat" } },
    });

    await recordWorkerHeartbeat(worker);
    expect(await checkReadiness()).toEqual({ ready: true, checks: { database: { ok: true }, migrations: { ok: true }, worker: { ok: true } } });

    await db.$executeRaw`UPDATE "WorkerHeartbeat" SET "beatAt" = now() - interval '2 minutes' WHERE id = ${worker.id}`;
    expect((await checkReadiness()).checks.worker).toEqual({ ok: false, detail: "no recent heartbeat" });
    expect(await loadWorkerHeartbeats()).toEqual([expect.objectContaining({ id: worker.id, fresh: false })]);
  });

  it("alerts the platform admins once when the worker's heartbeat is stale, not while it beats", async () => {
    const admin = await createUser(`health-admin-${randomUUID().slice(0, 8)}@example.test`, { isPlatformAdmin: true });
    const since = new Date();
    const alerts = () => db.emailMessage.count({ where: { template: "platform-alert", to: admin.email, createdAt: { gte: since } } });
    await db.alertState.deleteMany({ where: { kind: "worker-heartbeat-stale" } });
    try {
      await recordWorkerHeartbeat(worker);
      await checkReadiness();
      expect(await alerts()).toBe(0);

      await db.$executeRaw`UPDATE "WorkerHeartbeat" SET "beatAt" = now() - interval '2 minutes' WHERE id = ${worker.id}`;
      await checkReadiness();
      await checkReadiness();
      expect(await alerts()).toBe(1);
      const [sent] = await db.emailMessage.findMany({ where: { template: "platform-alert", to: admin.email, createdAt: { gte: since } }, select: { data: true } });
      expect(sent!.data).toMatchObject({ kind: "worker-heartbeat-stale", detail: expect.stringMatching(/^last heartbeat /) });
    } finally {
      await discardEmails(["platform-alert"], since);
      await db.alertState.deleteMany({ where: { kind: "worker-heartbeat-stale" } });
    }
  });

  it("names a migration of this build that the database lacks", async () => {
    await recordWorkerHeartbeat(worker);
    const [last] = await db.$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await db.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = ${last!.name}`;
    try {
      expect(await checkReadiness()).toMatchObject({ ready: false, checks: { migrations: { ok: false, detail: "1 pending" } } });
    } finally {
      await db.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = ${last!.name}`;
    }
  });

  it("the worker records a heartbeat as it starts", async () => {
    const running = await startWorker({ workers: [] });
    try {
      expect(await loadWorkerHeartbeats()).toEqual([expect.objectContaining({ pid: process.pid, fresh: true })]);
    } finally {
      await running.stop();
    }
  });
});

describe("the operations page's figures", () => {
  it("counts emails failed in the last day and the age of the oldest queued one", async () => {
    const before = await loadEmailHealth();
    const key = `health-${Date.now()}`;
    const base = { to: "ops@example.test", template: "test", locale: "en", data: {}, subject: "s" };
    await db.emailMessage.create({ data: { ...base, status: "FAILED", idempotencyKey: `${key}-failed` } });
    await db.emailMessage.create({ data: { ...base, status: "QUEUED", idempotencyKey: `${key}-queued`, createdAt: new Date(Date.now() - 3_600_000) } });
    const after = await loadEmailHealth();
    expect(after.failedLastDay).toBe(before.failedLastDay + 1);
    expect(after.queued).toBe(before.queued + 1);
    expect(after.oldestQueuedAgeSeconds).toBeGreaterThanOrEqual(3_590);
    await db.emailMessage.deleteMany({ where: { idempotencyKey: { startsWith: key } } });
  });

  it("shows the integrations that production runs without on purpose, and never a key", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("STRIPE_SECRET_KEY", undefined);
    vi.stubEnv("STRIPE_WEBHOOK_SECRET", undefined);
    vi.stubEnv("RESEND_API_KEY", undefined);
    vi.stubEnv("PATRON_ALLOW_MISSING", "stripe,resend");
    resetEnvForTests();
    const view = describeIntegrations();
    expect(view.stripe.state).toBe("accepted-missing");
    expect(view.resend.state).toBe("accepted-missing");
    expect(view.settings.accepted.map((p) => p.integration)).toEqual(["stripe", "resend"]);

    vi.stubEnv("STRIPE_SECRET_KEY", "sk_live_secretvalue");
    vi.stubEnv("STRIPE_WEBHOOK_SECRET", "whsec_secretvalue");
    resetEnvForTests();
    const configured = describeIntegrations();
    expect(configured.stripe).toEqual({ state: "configured", liveMode: true });
    expect(JSON.stringify(configured)).not.toContain("secretvalue");
  });
});
