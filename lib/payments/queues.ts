import { defineQueue } from "@/lib/jobs/types";

/**
 * One job per payment issue: refund it through the provider. Retries: 6 after the first
 * attempt, with exponential backoff from 30 s (about an hour in all); after the last one the
 * issue is REFUND_FAILED and waits for an admin.
 */
export const PAYMENT_ISSUE_REFUND_QUEUE = defineQueue<{ issueId: string }>("payment-issue-refund", {
  retryLimit: 6,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 120,
});

/** Every 5 minutes: ask the provider about orders still pending after the payment session's lifetime. */
export const PAYMENT_RECONCILE_QUEUE = defineQueue<Record<string, never>>("payment-reconcile", {
  retryLimit: 0,
  expireInSeconds: 240,
});

export const PAYMENT_RECONCILE_CRON = "*/5 * * * *";
