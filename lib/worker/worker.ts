import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import type PgBoss from "pg-boss";
import { ensureQueue, startWorkerBoss, stopBoss } from "@/lib/jobs/boss";
import { HEARTBEAT_INTERVAL_MS } from "@/lib/jobs/data";
import { recordWorkerHeartbeat } from "@/lib/jobs/mutations";
import { JOB_WORKERS } from "./registry";
import type { JobWorker } from "@/lib/jobs/types";

export interface StartWorkerOptions {
  /** Queues to serve (default: every registered one). */
  workers?: JobWorker[];
  /** How often an idle worker polls for jobs (pg-boss's minimum is 0.5 s; default 2 s). */
  pollingIntervalSeconds?: number;
  /** How often the heartbeat row is refreshed (default HEARTBEAT_INTERVAL_MS). */
  heartbeatIntervalMs?: number;
}

export interface RunningWorker {
  /** Stops polling, lets active jobs finish (up to `timeoutMs`), closes the pool. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Starts the background worker in this process: pg-boss with maintenance and cron on, the
 * queues and schedules of every registered job, `concurrency` pollers per queue, and the
 * heartbeat that readiness and the operations page read (first beat before this resolves).
 */
export async function startWorker(options: StartWorkerOptions = {}): Promise<RunningWorker> {
  const workers = options.workers ?? JOB_WORKERS;
  const boss = await startWorkerBoss();
  for (const worker of workers) {
    await ensureQueue(boss, worker.queue, { update: true });
    if (worker.cron) await boss.schedule(worker.queue.name, worker.cron, {}, { tz: "UTC" });
    for (let i = 0; i < (worker.concurrency ?? 1); i++) {
      await boss.work(
        worker.queue.name,
        {
          batchSize: 1,
          includeMetadata: true,
          ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
        },
        async ([job]: PgBoss.JobWithMetadata<object>[]) => (job ? worker.handle(job) : undefined),
      );
    }
  }
  const identity = { id: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, host: os.hostname(), pid: process.pid };
  await recordWorkerHeartbeat(identity);
  const heartbeat = setInterval(() => {
    recordWorkerHeartbeat(identity).catch((error: unknown) => console.error("[jobs:worker] heartbeat failed:", error));
  }, options.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();
  return {
    stop: (timeoutMs) => {
      clearInterval(heartbeat);
      return stopWorker(timeoutMs);
    },
  };
}

/** Stops the worker (and every other PgBoss of this process). */
export async function stopWorker(timeoutMs = 30_000): Promise<void> {
  await stopBoss(timeoutMs);
}
