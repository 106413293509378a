import { db } from "@/lib/db";

/** Other test files' workers beat into the same table: a test of readiness starts with none. */
export async function clearWorkerHeartbeats(): Promise<void> {
  await db.workerHeartbeat.deleteMany({});
}
