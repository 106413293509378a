import "server-only";
import { db } from "@/lib/db";
import { JOBS_SCHEMA } from "./boss";

/** How often a worker process records its heartbeat. */
export const HEARTBEAT_INTERVAL_MS = 15_000;
/** A worker whose last beat is older than this is considered gone (four missed beats). */
export const HEARTBEAT_STALE_AFTER_MS = 60_000;

export interface WorkerHeartbeatView {
  id: string;
  host: string;
  pid: number;
  startedAt: Date;
  beatAt: Date;
  /** Seconds since the last beat, by the database's clock. */
  ageSeconds: number;
  fresh: boolean;
}

/** The worker processes seen in the last day, freshest first. */
export async function loadWorkerHeartbeats(): Promise<WorkerHeartbeatView[]> {
  const rows = await db.$queryRaw<Array<Omit<WorkerHeartbeatView, "fresh">>>`
    SELECT id, host, pid, "startedAt", "beatAt", EXTRACT(EPOCH FROM now() - "beatAt")::float8 AS "ageSeconds"
    FROM "WorkerHeartbeat" ORDER BY "beatAt" DESC LIMIT 20`;
  return rows.map((row) => ({ ...row, fresh: row.ageSeconds * 1000 <= HEARTBEAT_STALE_AFTER_MS }));
}

/** Whether at least one worker process has beaten within HEARTBEAT_STALE_AFTER_MS. */
export async function workerHeartbeatIsFresh(): Promise<boolean> {
  const [row] = await db.$queryRaw<{ fresh: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "WorkerHeartbeat" WHERE "beatAt" > now() - make_interval(secs => ${HEARTBEAT_STALE_AFTER_MS / 1000})
    ) AS fresh`;
  return row?.fresh ?? false;
}

export interface FailedJobsOfQueue {
  queue: string;
  count: number;
  lastFailedAt: Date;
  /** The last failure's message, as the handler threw it. */
  lastError: string | null;
}

/**
 * Jobs that failed for good (retries exhausted) in the last `hours`, per queue, from pg-boss's
 * live and archived jobs. Null when pg-boss has not installed its schema yet (no worker ever ran).
 */
export async function loadFailedJobs(hours = 24): Promise<FailedJobsOfQueue[] | null> {
  const [installed] = await db.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass(${`${JOBS_SCHEMA}.archive`}) IS NOT NULL AS ok`;
  if (!installed?.ok) return null;
  return db.$queryRawUnsafe<FailedJobsOfQueue[]>(
    `SELECT name AS queue, count(*)::int AS count, max(completed_on) AS "lastFailedAt",
            (array_agg(output->>'message' ORDER BY completed_on DESC))[1] AS "lastError"
     FROM (
       SELECT name, completed_on, output FROM ${JOBS_SCHEMA}.job WHERE state = 'failed'
       UNION ALL
       SELECT name, completed_on, output FROM ${JOBS_SCHEMA}.archive WHERE state = 'failed'
     ) failed
     WHERE completed_on > now() - make_interval(hours => $1)
     GROUP BY name ORDER BY max(completed_on) DESC`,
    hours,
  );
}
