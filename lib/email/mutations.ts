import "server-only";
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { db, Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/locales";
import { JOBS_SCHEMA, sendJob } from "@/lib/jobs/boss";
import { URGENT_PRIORITY } from "./outbox";
import { EMAIL_SEND_QUEUE } from "./queues";
import { renderEmail } from "./render";
import { isTemplateName } from "./templates/registry";
import { transportFromEnv, type EmailTransport } from "./transport";
import type { DeliveryOutcome } from "./types";

const MAX_ERROR_LENGTH = 2000;

let defaultTransport: EmailTransport | undefined;

export interface DeliverEmailOptions {
  /** The job's last try: a failure now marks the message FAILED for good. */
  finalAttempt: boolean;
  /** See SendEmailJob.resendKey. */
  resendKey?: string;
  /** Defaults to the environment's (Resend when RESEND_API_KEY is set, else the dev mailbox). */
  transport?: EmailTransport;
}

/**
 * One delivery attempt of an outbox row, for the email-send job. Holds the row's lock from the
 * status check until the outcome is written, so two jobs for one message never both send: the
 * second waits, then finds it no longer QUEUED and skips. Records SENT (with the provider's id),
 * DEV_MAILBOX (no provider configured), or the failure (attempts + 1, lastError; FAILED when
 * `finalAttempt`). Never throws for a failed send: the caller decides whether to retry.
 */
export async function deliverEmail(messageId: string, options: DeliverEmailOptions): Promise<DeliveryOutcome> {
  const transport = options.transport ?? (defaultTransport ??= transportFromEnv());
  return db.$transaction(
    async (tx): Promise<DeliveryOutcome> => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "EmailMessage" WHERE id = ${messageId} FOR UPDATE`;
      if (locked.length === 0) return { kind: "skipped", reason: "missing" };
      const message = await tx.emailMessage.findUniqueOrThrow({
        where: { id: messageId },
        select: { to: true, template: true, locale: true, data: true, subject: true, status: true, idempotencyKey: true },
      });
      if (message.status !== "QUEUED") return { kind: "skipped", reason: "not-queued" };

      if (transport.kind === "dev-mailbox") {
        await tx.emailMessage.update({ where: { id: messageId }, data: { status: "DEV_MAILBOX" } });
        // Production runs without a provider only when told to (PATRON_ALLOW_MISSING=resend);
        // even then no message may stay behind silently.
        if (env().production) console.warn(`Email ${messageId} (${message.template}) was NOT sent: no email provider is configured (RESEND_API_KEY).`);
        return { kind: "dev-mailbox" };
      }

      let result: { ok: true; providerMessageId: string } | { ok: false; error: string };
      try {
        if (!isTemplateName(message.template)) throw new Error(`Unknown email template "${message.template}"`);
        if (!isLocale(message.locale)) throw new Error(`Unknown locale "${message.locale}"`);
        const rendered = await renderEmail(message.template, message.locale, message.data);
        result = await transport.send({
          to: message.to,
          subject: message.subject,
          html: rendered.html,
          text: rendered.text,
          idempotencyKey: options.resendKey ? `${message.idempotencyKey}:resend:${options.resendKey}` : message.idempotencyKey,
        });
      } catch (error) {
        result = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }

      if (result.ok) {
        await tx.emailMessage.update({
          where: { id: messageId },
          data: { status: "SENT", attempts: { increment: 1 }, providerMessageId: result.providerMessageId, sentAt: new Date() },
        });
        return { kind: "sent", providerMessageId: result.providerMessageId };
      }
      const error = result.error.slice(0, MAX_ERROR_LENGTH);
      await tx.emailMessage.update({
        where: { id: messageId },
        data: { attempts: { increment: 1 }, lastError: error, ...(options.finalAttempt ? { status: "FAILED" as const } : {}) },
      });
      return { kind: "failed", error, final: options.finalAttempt };
    },
    // The provider call happens under the lock; its own timeout is shorter than this.
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/**
 * "Send again" from the admin mailbox: puts the message back to QUEUED and queues a new job (in
 * one transaction) whose provider idempotency key differs from earlier sendings, so the provider
 * really sends it again, and records who asked (an "email.resend" audit event). Platform admins
 * only: the caller checks.
 */
export async function requeueEmail(id: string, actorUserId: string | null = null): Promise<{ ok: true } | { ok: false; reason: "not-found" }> {
  return db.$transaction(async (tx) => {
    const updated = await tx.emailMessage.updateManyAndReturn({ where: { id }, data: { status: "QUEUED" }, select: { merchantId: true, sendAfter: true } });
    if (updated.length === 0) return { ok: false as const, reason: "not-found" as const };
    // A message scheduled for later (a gift card's delivery day) still waits for its time.
    const sendAfter = updated[0]!.sendAfter;
    // An admin asked and is watching: it goes before the backlog, like a sign-in link.
    await sendJob(
      EMAIL_SEND_QUEUE,
      { messageId: id, resendKey: randomUUID() },
      { tx, singletonKey: id, priority: URGENT_PRIORITY, ...(sendAfter && sendAfter > new Date() ? { startAfter: sendAfter } : {}) },
    );
    await recordAuditEvent(tx, { merchantId: updated[0]!.merchantId, actorUserId, action: "email.resend", targetType: "EmailMessage", targetId: id });
    return { ok: true as const };
  });
}

/**
 * The sweep that makes sure no message is lost: QUEUED rows untouched for `olderThanSeconds`
 * that have no live (created, retry or active) send job get a new one. Returns how many. A
 * message whose sendAfter is still ahead is left to its own (delayed) job until that time.
 */
export async function requeueStaleEmails(options: { olderThanSeconds?: number; limit?: number } = {}): Promise<number> {
  const olderThan = options.olderThanSeconds ?? 60;
  const limit = options.limit ?? 200;
  const stale = await db.$queryRaw<{ id: string }[]>`
    SELECT m.id FROM "EmailMessage" m
    WHERE m.status = 'QUEUED'
      AND m."updatedAt" < now() - make_interval(secs => ${olderThan})
      AND (m."sendAfter" IS NULL OR m."sendAfter" <= now())
      AND NOT EXISTS (
        SELECT 1 FROM ${Prisma.raw(`"${JOBS_SCHEMA}".job`)} j
        WHERE j.name = ${EMAIL_SEND_QUEUE.name} AND j.singleton_key = m.id AND j.state < 'completed'
      )
    ORDER BY m."updatedAt"
    LIMIT ${limit}`;
  for (const { id } of stale) {
    await sendJob(EMAIL_SEND_QUEUE, { messageId: id }, { singletonKey: id });
  }
  return stale.length;
}
