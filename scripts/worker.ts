/**
 * The background worker process (`npm run dev` / `npm start` spawn it next to Next):
 * sends outbox emails, runs scheduled jobs and records its heartbeat. SIGTERM or SIGINT stops it gracefully (active
 * jobs finish) and it exits 0.
 */
import { disconnectDb } from "@/lib/db";
import { checkSettings, describeSettingsCheck } from "@/lib/env";
import { startWorker } from "@/lib/worker/worker";

async function main() {
  // A worker started on its own (more workers on one queue) checks the settings as `npm start` does.
  const settings = checkSettings();
  if (settings.errors.length > 0) {
    for (const line of describeSettingsCheck(settings)) console.error(line);
    process.exit(1);
  }
  const worker = await startWorker();
  console.log("Worker started: sending emails and running scheduled jobs.");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Worker: ${signal} received, finishing active jobs…`);
    try {
      // Within the grace period scripts/serve.ts gives before SIGKILL; a job cut short is retried.
      await worker.stop(8_000);
      await disconnectDb();
      process.exit(0);
    } catch (error) {
      console.error("Worker: could not stop cleanly:", error);
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("Worker failed to start:", error);
  process.exit(1);
});
