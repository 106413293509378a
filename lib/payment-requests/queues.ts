import { defineQueue } from "@/lib/jobs/types";

/**
 * Every hour: open requests past their due date become overdue, then every payer due a grouped
 * reminder gets one (lib/payment-requests/reminders.ts). Both are idempotent: a failed or
 * repeated run sends nothing twice.
 */
export const PAYMENT_REQUESTS_QUEUE = defineQueue<Record<string, never>>("payment-requests", {
  retryLimit: 2,
  retryDelay: 120,
  expireInSeconds: 30 * 60,
});

/** Ten past every hour (UTC): each store's new day is seen within the hour it starts. */
export const PAYMENT_REQUESTS_CRON = "10 * * * *";
