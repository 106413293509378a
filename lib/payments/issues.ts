import "server-only";
import { raiseAlert } from "@/lib/alerts/mutations";
import { db, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { isLocale } from "@/lib/locales";
import { sendJob } from "@/lib/jobs/boss";
import { providerFor } from "./provider";
import { PAYMENT_ISSUE_REFUND_QUEUE } from "./queues";
import type { PaymentEventInput } from "./types";

type IssueReason = "ORDER_CANCELLED" | "ORDER_UNKNOWN" | "ALREADY_PAID";

const ORDER_SELECT = {
  id: true,
  merchantId: true,
  status: true,
  paymentRef: true,
  email: true,
  locale: true,
  amountDueCents: true,
  currency: true,
} as const;

/**
 * Called by applyPaymentEvent, in its transaction, for a "paid" event that no order took: the
 * order it names is cancelled, paid through another payment, or not ours to find. Opens one
 * PaymentIssue per provider payment (a replayed or parallel event of the same payment finds it
 * and opens nothing), queues its refund job and alerts the platform admins, all in `tx`.
 * A payment that names no order at all (no Patron session) is left alone: it is not ours to refund.
 * Returns true when this call opened the issue.
 *
 * `orderId` is the order the payment reference matched, if any.
 */
export async function openPaymentIssue(tx: Tx, event: PaymentEventInput, orderId: string | null): Promise<boolean> {
  let reason: IssueReason;
  let order = null;
  if (orderId) {
    order = await tx.order.findFirst({ where: { id: orderId, paymentProvider: event.provider }, select: ORDER_SELECT });
    // Paid, fulfilled or refunded through this very payment: the same payment reported again.
    if (!order || order.status !== "CANCELLED") return false;
    reason = "ORDER_CANCELLED";
  } else {
    if (!event.orderId) return false;
    order = await tx.order.findFirst({ where: { id: event.orderId, paymentProvider: event.provider }, select: ORDER_SELECT });
    reason =
      order?.status === "CANCELLED"
        ? "ORDER_CANCELLED"
        : order && order.status !== "PENDING_PAYMENT"
          ? "ALREADY_PAID"
          : // Not ours, or pending on another payment that this one does not match.
            "ORDER_UNKNOWN";
    if (reason === "ORDER_UNKNOWN") order = null;
  }

  const [issue] = await tx.paymentIssue.createManyAndReturn({
    data: [
      {
        merchantId: order?.merchantId ?? null,
        orderId: order?.id ?? null,
        provider: event.provider,
        paymentRef: event.paymentRef,
        eventId: event.eventId,
        reason,
        amountCents: event.amountCents ?? order?.amountDueCents ?? null,
        currency: event.currency ?? order?.currency ?? null,
        email: (event.email ?? order?.email)?.trim().toLowerCase() || null,
        locale: order && isLocale(order.locale) ? order.locale : "en",
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!issue) return false;
  await tx.paymentIssueEntry.create({ data: { issueId: issue.id, kind: "opened", detail: `${reason} (${event.type}, ${event.eventId})` } });
  await sendJob(PAYMENT_ISSUE_REFUND_QUEUE, { issueId: issue.id }, { tx, singletonKey: issue.id });
  await raiseAlert("payment-issue-opened", `${reason}: ${event.provider} ${event.paymentRef}${order ? `, order ${order.id}` : ""}`, tx);
  return true;
}

export type IssueRefundOutcome = "refunded" | "skipped" | { failed: string };

/**
 * The refund job of one payment issue. Holds the issue's row lock from the status check until
 * the outcome is written, so two jobs never both ask the provider; the provider also gets the
 * payment's idempotency key. Refunded: the buyer is emailed in their language (when we know an
 * address) and the history says so. A refusal is written to the history; on the last try the
 * issue becomes REFUND_FAILED. Never throws for a provider refusal: the caller retries.
 */
export async function refundPaymentIssue(issueId: string, options: { finalAttempt: boolean }): Promise<IssueRefundOutcome> {
  return db.$transaction(
    async (tx): Promise<IssueRefundOutcome> => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "PaymentIssue" WHERE id = ${issueId} FOR UPDATE`;
      if (locked.length === 0) return "skipped";
      const issue = await tx.paymentIssue.findUniqueOrThrow({
        where: { id: issueId },
        select: {
          status: true,
          provider: true,
          paymentRef: true,
          orderId: true,
          merchantId: true,
          reason: true,
          amountCents: true,
          currency: true,
          email: true,
          locale: true,
        },
      });
      if (issue.status === "REFUNDED") return "skipped";
      if (issue.provider === "NONE") return "skipped";
      try {
        await providerFor(issue.provider).refund({ paymentRef: issue.paymentRef, orderId: issue.orderId });
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
        await tx.paymentIssueEntry.create({ data: { issueId, kind: "refund-failed", detail: message } });
        if (options.finalAttempt) await tx.paymentIssue.update({ where: { id: issueId }, data: { status: "REFUND_FAILED" } });
        return { failed: message };
      }
      await tx.paymentIssue.update({ where: { id: issueId }, data: { status: "REFUNDED" } });
      await tx.paymentIssueEntry.create({ data: { issueId, kind: "refunded" } });
      if (issue.email && issue.amountCents !== null && issue.currency) {
        const order = issue.orderId
          ? await tx.order.findFirst({
              where: { id: issue.orderId, merchantId: issue.merchantId ?? undefined },
              select: { number: true, store: { select: { name: true } } },
            })
          : null;
        await enqueueEmail(
          {
            to: issue.email,
            template: "payment-refunded",
            locale: isLocale(issue.locale) ? issue.locale : "en",
            merchantId: issue.merchantId,
            idempotencyKey: `payment-refunded:${issueId}`,
            data: {
              storeName: order?.store.name ?? null,
              orderNumber: order?.number ?? null,
              amountCents: issue.amountCents,
              currency: issue.currency,
              reason: issue.reason,
            },
          },
          tx,
        );
        await tx.paymentIssueEntry.create({ data: { issueId, kind: "buyer-notified", detail: issue.email } });
      }
      return "refunded";
    },
    // The provider call happens under the lock; its own timeout is shorter than this.
    { maxWait: 10_000, timeout: 60_000 },
  );
}
