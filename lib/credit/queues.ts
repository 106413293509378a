import { defineQueue } from "@/lib/jobs/types";

/**
 * Once a day: store credit past its expiry is written off (lib/credit/expiry.ts). A failed run is
 * simply done again by the next one; the sweep is idempotent.
 */
export const STORE_CREDIT_EXPIRY_QUEUE = defineQueue<Record<string, never>>("store-credit-expiry", {
  retryLimit: 2,
  retryDelay: 300,
  expireInSeconds: 30 * 60,
});

/** 00:40 UTC: after midnight in the stores' zones of Europe, after the gift-card sweep. */
export const STORE_CREDIT_EXPIRY_CRON = "40 0 * * *";
