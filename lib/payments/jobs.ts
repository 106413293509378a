import "server-only";
import { jobWorker } from "@/lib/jobs/types";
import { refundPaymentIssue } from "./issues";
import { PAYMENT_ISSUE_REFUND_QUEUE, PAYMENT_RECONCILE_CRON, PAYMENT_RECONCILE_QUEUE } from "./queues";
import { reconcilePendingPayments, settleInterruptedRefunds } from "./reconcile";

/** The payment domain's jobs, registered by the worker process (lib/worker/registry.ts). */
export const paymentJobWorkers = [
  jobWorker({
    queue: PAYMENT_ISSUE_REFUND_QUEUE,
    async handle(job) {
      const outcome = await refundPaymentIssue(job.data.issueId, { finalAttempt: job.retryCount >= job.retryLimit });
      // Failing the job is what makes pg-boss retry it with backoff.
      if (typeof outcome === "object") throw new Error(outcome.failed);
      return outcome;
    },
  }),
  jobWorker({
    queue: PAYMENT_RECONCILE_QUEUE,
    cron: PAYMENT_RECONCILE_CRON,
    async handle() {
      return { payments: await reconcilePendingPayments(), refunds: await settleInterruptedRefunds() };
    },
  }),
];
