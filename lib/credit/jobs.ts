import "server-only";
import { jobWorker } from "@/lib/jobs/types";
import { expireDueCredit } from "./expiry";
import { STORE_CREDIT_EXPIRY_CRON, STORE_CREDIT_EXPIRY_QUEUE } from "./queues";

/** The store-credit domain's jobs, registered by the worker process (lib/worker/registry.ts). */
export const storeCreditJobWorkers = [
  jobWorker({
    queue: STORE_CREDIT_EXPIRY_QUEUE,
    cron: STORE_CREDIT_EXPIRY_CRON,
    async handle() {
      return expireDueCredit();
    },
  }),
];
