import "server-only";
import { jobWorker } from "@/lib/jobs/types";
import { deliverEmail, requeueStaleEmails } from "./mutations";
import { EMAIL_SEND_QUEUE, EMAIL_SWEEP_CRON, EMAIL_SWEEP_QUEUE } from "./queues";

/**
 * The email domain's jobs, registered by the worker process (lib/worker/registry.ts).
 * `onUndeliverable` hears of a message that failed for good (the registry raises an admin alert).
 */
export const emailJobWorkers = (hooks: { onUndeliverable: (messageId: string) => Promise<unknown> }) => [
  jobWorker({
    queue: EMAIL_SEND_QUEUE,
    concurrency: 2,
    async handle(job) {
      const outcome = await deliverEmail(job.data.messageId, {
        finalAttempt: job.retryCount >= job.retryLimit,
        resendKey: job.data.resendKey,
      });
      if (outcome.kind === "failed" && outcome.final) {
        // Sent for good to nobody: admins hear of it (throttled), whatever the alert's own fate.
        await hooks.onUndeliverable(job.data.messageId).catch((error) => console.error("Alert for a failed email could not be raised:", error));
      }
      // Failing the job is what makes pg-boss retry it with backoff.
      if (outcome.kind === "failed") throw new Error(outcome.error);
      return outcome;
    },
  }),
  jobWorker({
    queue: EMAIL_SWEEP_QUEUE,
    cron: EMAIL_SWEEP_CRON,
    async handle() {
      return { requeued: await requeueStaleEmails() };
    },
  }),
];
