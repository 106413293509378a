import type { Locale } from "@/lib/locales";

/** Mirrors the EmailStatus enum of the schema; pure so that pages and filters can use it. */
export const EMAIL_STATUSES = ["QUEUED", "SENT", "FAILED", "DEV_MAILBOX"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** A message ready to hand to a provider or to show in the dev mailbox. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** One row of the admin outbox list. */
export interface MailboxRow {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: EmailStatus;
  attempts: number;
  createdAt: Date;
  /** Not sent before this time (a gift card's delivery day); null: at once. */
  sendAfter: Date | null;
  merchant: { id: string; name: string } | null;
}

export interface MailboxPage {
  rows: MailboxRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/** Everything the admin detail page shows about one message. */
export interface EmailMessageDetail extends MailboxRow {
  locale: Locale | string;
  data: unknown;
  lastError: string | null;
  idempotencyKey: string;
  providerMessageId: string | null;
  sentAt: Date | null;
  updatedAt: Date;
}

/** What one delivery attempt did (see deliverEmail). */
export type DeliveryOutcome =
  | { kind: "sent"; providerMessageId: string }
  | { kind: "dev-mailbox" }
  /** The row is gone or no longer QUEUED: someone else already delivered it. Nothing was sent. */
  | { kind: "skipped"; reason: "missing" | "not-queued" }
  /** The attempt failed; `final` means the message is now FAILED and nobody will retry it. */
  | { kind: "failed"; error: string; final: boolean };
