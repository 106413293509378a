import "server-only";
import { jobWorker } from "@/lib/jobs/types";
import { markOverdueRequests } from "./mutations";
import { PAYMENT_REQUESTS_CRON, PAYMENT_REQUESTS_QUEUE } from "./queues";
import { sendDueReminders } from "./reminders";

/** The payment-request domain's jobs, registered by the worker process (lib/worker/registry.ts). */
export const paymentRequestJobWorkers = [
  jobWorker({
    queue: PAYMENT_REQUESTS_QUEUE,
    cron: PAYMENT_REQUESTS_CRON,
    async handle() {
      const now = new Date();
      const overdue = await markOverdueRequests(now);
      const reminded = await sendDueReminders(now);
      return { overdue, reminded };
    },
  }),
];
