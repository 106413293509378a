import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Locale } from "@/lib/locales";
import { sendJob } from "@/lib/jobs/boss";
import { EMAIL_SEND_QUEUE } from "./queues";
import { emailSubject, parseTemplateData } from "./render";
import { enqueueEmailSchema } from "./schema";
import type { TemplateData, TemplateName } from "./templates/registry";

/** The send-job priority of an email someone is waiting for (pg-boss runs higher first). */
export const URGENT_PRIORITY = 10;

/**
 * Someone is waiting for a sign-in link or code on the other side of the screen: it goes out
 * before a backlog of confirmations, refund notes and reminders.
 */
export function sendPriority(template: TemplateName): number {
  return template === "sign-in" ? URGENT_PRIORITY : 0;
}

/** What enqueueEmail takes: the data's type follows the template. */
export type EnqueueEmailInput = {
  [N in TemplateName]: {
    to: string;
    template: N;
    locale: Locale;
    data: TemplateData<N>;
    merchantId?: string | null;
    /** One key per real-world email: enqueuing the same key again returns the first row. */
    idempotencyKey: string;
    /** Not sent before this time (stored as EmailMessage.sendAfter; the send job starts then). */
    sendAfter?: Date;
  };
}[TemplateName];

/**
 * Puts an email in the outbox: one EmailMessage row (status QUEUED, subject rendered now) and
 * the job that will send it. With `tx`, both are written in that transaction, so the email
 * exists if and only if the change that caused it commits. Enqueuing an idempotency key that
 * already exists writes nothing and returns the existing row's id. With `sendAfter`, the row
 * and its job wait until then (a gift card's delivery day).
 *
 * Trusts its caller to have decided that this email should go out; validates the input with zod
 * (throws ZodError on a bad recipient, template, locale or data).
 */
export async function enqueueEmail(input: EnqueueEmailInput, tx?: Tx): Promise<{ id: string }> {
  const parsed = enqueueEmailSchema.parse(input);
  const data = parseTemplateData(parsed.template, parsed.data);
  const subject = emailSubject(parsed.template, parsed.locale, data);

  const write = async (client: Tx): Promise<{ id: string }> => {
    // ON CONFLICT DO NOTHING instead of catching a unique violation, which would abort the
    // caller's transaction.
    const [created] = await client.emailMessage.createManyAndReturn({
      data: [
        {
          to: parsed.to,
          template: parsed.template,
          locale: parsed.locale,
          data,
          subject,
          merchantId: parsed.merchantId ?? null,
          idempotencyKey: parsed.idempotencyKey,
          sendAfter: parsed.sendAfter ?? null,
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    if (created) {
      await sendJob(EMAIL_SEND_QUEUE, { messageId: created.id }, {
        tx: client,
        singletonKey: created.id,
        priority: sendPriority(parsed.template),
        ...(parsed.sendAfter ? { startAfter: parsed.sendAfter } : {}),
      });
      return { id: created.id };
    }
    return client.emailMessage.findUniqueOrThrow({ where: { idempotencyKey: parsed.idempotencyKey }, select: { id: true } });
  };

  return tx ? write(tx) : db.$transaction(write);
}
