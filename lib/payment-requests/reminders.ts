import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import type { TemplateData } from "@/lib/email/templates/registry";
import { isLocale, type Locale } from "@/lib/locales";
import type { MerchantId } from "@/lib/tenancy/types";
import { outstandingItems, type OwedItemRow } from "./data";
import { payRequestPath, storefrontUrl, unsubscribePath } from "./links";
import { NAME_MAX } from "./schema";
import { totalsByCurrency } from "./statement";

/**
 * The grouped reminder: one email per payer with every item they still owe the merchant, on the
 * merchant's schedule (every `paymentReminderDays` days per payer; an item appears in at most
 * `paymentReminderMax` reminders). Payers without an email, or who followed the unsubscribe link,
 * get none (the merchant's list shows the first). Each reminder's idempotency key is the payer's
 * reminder number, claimed under the payer's row lock: a retried or concurrent run sends nothing twice.
 */

/** Payers one run of the job looks at, at most (the next run takes the rest). */
export const REMINDER_BATCH = 500;

/** The reminder's content for a payer's items, in the payer's language. */
export function reminderEmailData(
  merchantName: string,
  payer: { id: string; name: string },
  items: readonly OwedItemRow[],
  locale: Locale,
): TemplateData<"payment-reminder"> {
  const first = items[0]!;
  const storeOf = (item: OwedItemRow) => ({
    slug: item.storeSlug,
    defaultLocale: item.storeDefaultLocale,
    locales: item.storeLocales,
  });
  return {
    merchantName,
    // A payer made of an order's buyer without a name is named by their email, which may be longer than the email shows.
    payerName: payer.name.slice(0, NAME_MAX),
    items: items.map((item) => ({
      storeName: item.storeName,
      reference: item.reference,
      title: item.title.slice(0, 200),
      lineCount: item.lineCount,
      currency: item.currency,
      amountCents: item.totalCents,
      dueOn: item.dueOn,
      overdue: item.overdue,
      payUrl: storefrontUrl(storeOf(item), payRequestPath(item.requestId), locale),
    })),
    totals: totalsByCurrency(items),
    unsubscribeUrl: storefrontUrl(storeOf(first), unsubscribePath(payer.id), locale),
  };
}

interface PayerToRemind {
  payerId: string;
  merchantId: MerchantId;
}

/** Payers a reminder is due to now: see the module's comment. */
async function payersDue(now: Date): Promise<PayerToRemind[]> {
  return db.$queryRaw<PayerToRemind[]>`
    SELECT p.id AS "payerId", p."merchantId"
    FROM "Payer" p JOIN "Merchant" m ON m.id = p."merchantId"
    WHERE m.status = 'ACTIVE' AND m."paymentReminderDays" IS NOT NULL
      AND p.email IS NOT NULL AND p."remindersStoppedAt" IS NULL
      AND (p."lastRemindedAt" IS NULL OR p."lastRemindedAt" <= ${now}::timestamptz - make_interval(days => m."paymentReminderDays"))
      AND EXISTS (
        SELECT 1 FROM "PaymentRequest" r
        WHERE r."payerId" = p.id AND r."merchantId" = p."merchantId" AND r.status IN ('OPEN', 'OVERDUE') AND r."reminderCount" < m."paymentReminderMax"
      )
    ORDER BY p."lastRemindedAt" ASC NULLS FIRST, p.id
    LIMIT ${REMINDER_BATCH}`;
}

/**
 * One payer's reminder, in one transaction: the items it may still hold, then the payer's claim
 * of this period (a conditional update under the row lock: of two runs, one claims), then the
 * email, the items' counts and their history rows. "notDue" when another run was first, the
 * schedule changed or nothing is left to remind.
 */
export async function remindPayer(merchantId: MerchantId, payerId: string, now: Date = new Date()): Promise<"sent" | "notDue"> {
  return db.$transaction(async (tx) => {
    const merchant = await tx.merchant.findFirst({
      where: { id: merchantId, status: "ACTIVE" },
      select: {
        name: true,
        paymentReminderDays: true,
        paymentReminderMax: true,
      },
    });
    if (!merchant?.paymentReminderDays) return "notDue";
    const items = await outstandingItems(tx, merchantId, { payerId }, { maxReminders: merchant.paymentReminderMax });
    if (items.length === 0) return "notDue";
    const since = new Date(now.getTime() - merchant.paymentReminderDays * 24 * 60 * 60 * 1000);
    const [claimed] = await tx.payer.updateManyAndReturn({
      where: {
        id: payerId,
        merchantId,
        email: { not: null },
        remindersStoppedAt: null,
        OR: [{ lastRemindedAt: null }, { lastRemindedAt: { lte: since } }],
      },
      data: { reminderCount: { increment: 1 }, lastRemindedAt: now },
      select: {
        id: true,
        name: true,
        email: true,
        locale: true,
        reminderCount: true,
      },
    });
    if (!claimed?.email) return "notDue";
    const locale: Locale = isLocale(claimed.locale) ? claimed.locale : "en";
    const email = await enqueueEmail(
      {
        to: claimed.email,
        template: "payment-reminder",
        locale,
        merchantId,
        idempotencyKey: `payment-reminder:${claimed.id}:${claimed.reminderCount}`,
        data: reminderEmailData(merchant.name, claimed, items, locale),
      },
      tx,
    );
    await recordReminded(tx, merchantId, items, email.id, now);
    return "sent";
  });
}

async function recordReminded(tx: Tx, merchantId: MerchantId, items: readonly OwedItemRow[], emailId: string, now: Date) {
  const requestIds = items.map((item) => item.requestId);
  await tx.paymentRequest.updateMany({
    where: { id: { in: requestIds }, merchantId },
    data: { reminderCount: { increment: 1 } },
  });
  await tx.paymentRequestEvent.createMany({
    data: requestIds.map((requestId) => ({
      merchantId,
      requestId,
      kind: "REMINDED" as const,
      emailId,
      createdAt: now,
    })),
  });
}

/**
 * The job: every payer due a reminder gets one. Returns how many were sent. A payer whose
 * reminder fails (nothing of it is written) does not hold up the others: the run goes on, then
 * fails naming them, so the job is retried and shows as failed until that is fixed.
 */
export async function sendDueReminders(now: Date = new Date()): Promise<number> {
  let sent = 0;
  const failed: Array<{ payerId: string; error: unknown }> = [];
  for (const payer of await payersDue(now)) {
    try {
      if ((await remindPayer(payer.merchantId, payer.payerId, now)) === "sent") sent += 1;
    } catch (error) {
      failed.push({ payerId: payer.payerId, error });
    }
  }
  if (failed.length > 0) {
    throw new AggregateError(
      failed.map((f) => f.error),
      `Payment reminders failed for ${failed.length} payer(s): ${failed.map((f) => f.payerId).join(", ")} (${sent} sent)`,
    );
  }
  return sent;
}

export type TestReminderResult = { ok: true; to: string } | { ok: false; reason: "notFound" | "nothingOwed" };

/**
 * "Send me a test": the reminder the payer would get now, exactly as rendered for them (their
 * language, their items, their links), sent only to the member who asked (their account's email). Nothing
 * about the payer or the requests changes. The reminder lists the payer's items in every store, so
 * the caller lets only members of every store ask.
 */
export async function sendTestReminder(merchantId: MerchantId, payerId: string, userId: string): Promise<TestReminderResult> {
  const [merchant, payer, member] = await Promise.all([
    db.merchant.findUniqueOrThrow({
      where: { id: merchantId },
      select: { name: true, paymentReminderMax: true },
    }),
    db.payer.findFirst({
      where: { id: payerId, merchantId },
      select: { id: true, name: true, locale: true },
    }),
    db.membership.findFirst({
      where: { merchantId, userId },
      select: { user: { select: { email: true } } },
    }),
  ]);
  if (!payer || !member) return { ok: false, reason: "notFound" };
  const to = member.user.email;
  const items = await outstandingItems(db, merchantId, { payerId }, { maxReminders: merchant.paymentReminderMax });
  if (items.length === 0) return { ok: false, reason: "nothingOwed" };
  const locale: Locale = isLocale(payer.locale) ? payer.locale : "en";
  await enqueueEmail({
    to,
    template: "payment-reminder",
    locale,
    merchantId,
    idempotencyKey: `payment-reminder-test:${payer.id}:${randomUUID()}`,
    data: reminderEmailData(merchant.name, payer, items, locale),
  });
  return { ok: true, to };
}
