import "server-only";
import { alertEmailFailed } from "@/lib/alerts/mutations";
import { jobWorker } from "@/lib/jobs/types";
import { deliverEmail, requeueStaleEmails } from "./mutations";
import { EMAIL_SEND_QUEUE, EMAIL_SWEEP_CRON, EMAIL_SWEEP_QUEUE } from "./queues";

/** The email domain's jobs, registered by the worker process (lib/jobs/registry.ts). */
export const emailJobWorkers = [
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
        await alertEmailFailed(job.data.messageId).catch((error) => console.error("Alert for a failed email could not be raised:", error));
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
