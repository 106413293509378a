import { defineQueue } from "@/lib/jobs/types";

export interface SendEmailJob {
  messageId: string;
  /** Set by "send again": makes the provider's idempotency key differ from the first sending. */
  resendKey?: string;
}

/**
 * One job per delivery of an outbox row. Retries: 5 after the first attempt, with exponential
 * backoff from 15 s (about 15 minutes in all); after the last one the row is marked FAILED.
 */
export const EMAIL_SEND_QUEUE = defineQueue<SendEmailJob>("email-send", {
  retryLimit: 5,
  retryDelay: 15,
  retryBackoff: true,
  expireInSeconds: 120,
});

/** Every minute: re-enqueue QUEUED rows whose job is gone (see requeueStaleEmails). */
export const EMAIL_SWEEP_QUEUE = defineQueue<Record<string, never>>("email-sweep", {
  retryLimit: 0,
  expireInSeconds: 60,
});

export const EMAIL_SWEEP_CRON = "* * * * *";
