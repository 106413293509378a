import "server-only";
import { jobWorker } from "@/lib/jobs/types";
import { expireDueCards } from "./expiry";
import { GIFT_CARD_EXPIRY_CRON, GIFT_CARD_EXPIRY_QUEUE } from "./queues";

/** The gift-card domain's jobs, registered by the worker process (lib/worker/registry.ts). */
export const giftCardJobWorkers = [
  jobWorker({
    queue: GIFT_CARD_EXPIRY_QUEUE,
    cron: GIFT_CARD_EXPIRY_CRON,
    async handle() {
      return expireDueCards();
    },
  }),
];
