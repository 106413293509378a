import { defineQueue } from "@/lib/jobs/types";

/**
 * Once a day: cards past their expiry lose what is left on them (lib/gift-cards/expiry.ts). A
 * failed run is simply done again by the next one; the sweep is idempotent.
 */
export const GIFT_CARD_EXPIRY_QUEUE = defineQueue<Record<string, never>>("gift-card-expiry", {
  retryLimit: 2,
  retryDelay: 300,
  expireInSeconds: 30 * 60,
});

/** 00:30 UTC: after midnight in the stores' zones of Europe (cards expire at the end of a store's day). */
export const GIFT_CARD_EXPIRY_CRON = "30 0 * * *";
