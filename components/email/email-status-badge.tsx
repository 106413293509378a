import { getFormatter, getTranslations } from "next-intl/server";
import type { EmailStatus } from "@/lib/email/types";

const TONES: Record<EmailStatus, string> = {
  QUEUED: "bg-amber-50 text-amber-800 ring-amber-600/20",
  SENT: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  FAILED: "bg-red-50 text-red-800 ring-red-600/20",
  DEV_MAILBOX: "bg-brand-50 text-brand-700 ring-brand-600/20",
};

/**
 * An outbox message's status as a labelled pill (the colour only repeats the text); a queued
 * message that waits for a later time (`sendAfter`) says until when.
 */
export async function EmailStatusBadge({ status, sendAfter = null, now = new Date() }: { status: EmailStatus; sendAfter?: Date | null; now?: Date }) {
  const [t, format] = await Promise.all([getTranslations("Mailbox"), getFormatter()]);
  const scheduled = status === "QUEUED" && sendAfter !== null && sendAfter > now;
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status]}`}>
        {t(`status.${status}`)}
      </span>
      {scheduled && (
        <span className="whitespace-nowrap text-xs text-slate-600" data-testid="email-scheduled">
          {t("scheduledFor", { date: format.dateTime(sendAfter, { dateStyle: "medium", timeStyle: "short" }) })}
        </span>
      )}
    </span>
  );
}
