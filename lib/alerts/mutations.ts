import "server-only";
import { db, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import type { PlatformAlertKind } from "@/lib/email/templates/platform-alert";
import { PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { urlConfig } from "@/lib/tenancy/request";
import { absoluteUrl, platformAddress } from "@/lib/tenancy/urls";

export type AlertKind = PlatformAlertKind;

/** At most one alert email per kind in this many seconds. */
export const ALERT_THROTTLE_SECONDS = 60 * 60;

/** The admin page each alert points at. */
const ALERT_PAGE: Record<AlertKind, string> = {
  "email-failed": "/admin/emails",
  "worker-heartbeat-stale": "/admin",
  "webhook-signature-failures": "/admin",
  "payment-issue-opened": "/admin/payments",
};

export type AlertResult = { sent: true; recipients: number } | { sent: false };

/**
 * Tells every platform admin by email (through the outbox) that something needs a look, at
 * most once per `kind` per hour across every process: the throttle is the kind's AlertState row,
 * claimed by one conditional upsert, so of two processes raising the same kind at once exactly
 * one sends. Later alerts of the kind within the hour are dropped (the first one already sent
 * the admin to the page that lists them all).
 *
 * With `tx`, the claim and the emails commit or roll back with the caller's change. Anyone may
 * call it; `detail` is shown as it is (ids and error text, no secrets).
 */
export async function raiseAlert(kind: AlertKind, detail = "", tx?: Tx): Promise<AlertResult> {
  const run = async (client: Tx): Promise<AlertResult> => {
    const claimed = await client.$queryRaw<{ lastSentAt: Date }[]>`
      INSERT INTO "AlertState" (kind, "lastSentAt") VALUES (${kind}, now())
      ON CONFLICT (kind) DO UPDATE SET "lastSentAt" = now()
      WHERE "AlertState"."lastSentAt" IS NULL OR "AlertState"."lastSentAt" <= now() - make_interval(secs => ${ALERT_THROTTLE_SECONDS})
      RETURNING "lastSentAt"`;
    if (claimed.length === 0) return { sent: false };
    const admins = await client.user.findMany({ where: { isPlatformAdmin: true }, select: { id: true, email: true }, orderBy: { id: "asc" } });
    const locale = PLATFORM_DEFAULT_LOCALE;
    const url = absoluteUrl(platformAddress(urlConfig()), ALERT_PAGE[kind], locale, urlConfig());
    const sentAt = claimed[0]!.lastSentAt.toISOString();
    for (const admin of admins) {
      await enqueueEmail(
        {
          to: admin.email,
          template: "platform-alert",
          locale,
          idempotencyKey: `alert:${kind}:${sentAt}:${admin.id}`,
          data: { kind, detail: detail.slice(0, 2000), url },
        },
        client,
      );
    }
    return { sent: true, recipients: admins.length };
  };
  return tx ? run(tx) : db.$transaction(run);
}

/**
 * Counts one occurrence of `kind` in a sliding-start window (the window restarts when the
 * previous one is over) and raises the alert once `threshold` occurrences fall in one window.
 * The count lives in PostgreSQL, so occurrences in every process add up.
 */
export async function countTowardAlert(
  kind: AlertKind,
  options: { threshold: number; windowSeconds: number; detail?: string },
): Promise<{ count: number; alert: AlertResult }> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ windowCount: number }[]>`
      INSERT INTO "AlertState" (kind, "windowStart", "windowCount") VALUES (${kind}, now(), 1)
      ON CONFLICT (kind) DO UPDATE SET
        "windowStart" = CASE WHEN "AlertState"."windowStart" IS NULL OR "AlertState"."windowStart" <= now() - make_interval(secs => ${options.windowSeconds})
          THEN now() ELSE "AlertState"."windowStart" END,
        "windowCount" = CASE WHEN "AlertState"."windowStart" IS NULL OR "AlertState"."windowStart" <= now() - make_interval(secs => ${options.windowSeconds})
          THEN 1 ELSE "AlertState"."windowCount" + 1 END
      RETURNING "windowCount"`;
    const count = row!.windowCount;
    const alert = count >= options.threshold ? await raiseAlert(kind, options.detail ?? "", tx) : ({ sent: false } as const);
    return { count, alert };
  });
}

/**
 * For the worker heartbeat check: call it whenever the heartbeat is found stale (as often as
 * you like; admins get one email per hour at most). `lastBeatAt` is the last heartbeat seen,
 * null when there was none.
 */
export function alertWorkerHeartbeatStale(input: { lastBeatAt: Date | null; detail?: string }): Promise<AlertResult> {
  const beat = input.lastBeatAt ? `last heartbeat ${input.lastBeatAt.toISOString()}` : "no heartbeat recorded";
  return raiseAlert("worker-heartbeat-stale", input.detail ? `${beat}; ${input.detail}` : beat);
}

/** Webhook signature failures: an alert once this many arrive within the window. */
export const WEBHOOK_SIGNATURE_ALERT = { threshold: 5, windowSeconds: 10 * 60 } as const;

/** Counts a webhook whose signature did not verify (see WEBHOOK_SIGNATURE_ALERT). */
export function recordWebhookSignatureFailure(source: string, reason: string) {
  return countTowardAlert("webhook-signature-failures", { ...WEBHOOK_SIGNATURE_ALERT, detail: `${source}: ${reason}`.slice(0, 500) });
}

/**
 * An outbox message failed for good (its last retry). Alert emails themselves are left out, so a
 * broken provider cannot feed a loop of alerts about alerts.
 */
export async function alertEmailFailed(messageId: string): Promise<AlertResult> {
  const message = await db.emailMessage.findUnique({ where: { id: messageId }, select: { template: true, to: true, lastError: true, status: true } });
  if (!message || message.status !== "FAILED" || message.template === "platform-alert") return { sent: false };
  return raiseAlert("email-failed", `${message.template} to ${message.to} (${messageId}): ${message.lastError ?? ""}`);
}
