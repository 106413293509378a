import "server-only";
import { db } from "@/lib/db";

export interface WorkerIdentity {
  id: string;
  host: string;
  pid: number;
}

/**
 * The worker process's heartbeat: one row per process, its beat set by the database clock (so
 * readiness compares times of one clock). Also deletes the rows of workers gone for a day.
 */
export async function recordWorkerHeartbeat(worker: WorkerIdentity): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "WorkerHeartbeat" (id, host, pid) VALUES (${worker.id}, ${worker.host}, ${worker.pid})
    ON CONFLICT (id) DO UPDATE SET "beatAt" = now()`;
  await db.$executeRaw`DELETE FROM "WorkerHeartbeat" WHERE "beatAt" < now() - interval '1 day'`;
}
