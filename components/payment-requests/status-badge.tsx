import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/locales";
import type { PaymentRequestStatus } from "@/lib/payment-requests/lifecycle";

const STYLES: Record<PaymentRequestStatus, string> = {
  OPEN: "bg-sky-100 text-sky-900",
  OVERDUE: "bg-amber-100 text-amber-900",
  PAID: "bg-emerald-100 text-emerald-900",
  CANCELLED: "bg-slate-200 text-slate-800",
};

/** A payment request's status, in words and colour. */
export async function RequestStatusBadge({ status, locale }: { status: PaymentRequestStatus; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "PaymentRequests.merchant.status" });
  return (
    <span data-status={status} className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium whitespace-nowrap ${STYLES[status]}`}>
      {t(status)}
    </span>
  );
}
