import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PayRequestForm } from "@/components/payment-requests/pay-request-form";
import { PayRequestLines } from "@/components/payment-requests/pay-request-lines";
import { Alert } from "@/components/ui/alert";
import { formatterFor } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/money";
import { isOutstanding } from "@/lib/payment-requests/lifecycle";
import { loadPayPage } from "@/lib/payment-requests/loaders";
import { payRequestAction } from "@/lib/payments/actions";
import { storefrontProfile } from "@/lib/stores/loaders";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";
import { dayKeyToUtcDate } from "@/lib/time";

type Props = {
  params: Promise<{ locale: string; store: string; requestId: string }>;
  searchParams: Promise<{ token?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "PaymentRequests.pay" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/**
 * A payment request's page, for the holder of its secret link only (anything else: 404): what
 * is billed and, while it is open, the button that pays all of it at once.
 */
export default async function PayRequestPage({ params, searchParams }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const { requestId } = await params;
  const { token } = await searchParams;
  const request = await loadPayPage(store, requestId, token);
  const t = await getTranslations({ locale, namespace: "PaymentRequests.pay" });
  const storeName = storefrontProfile(store, locale).name;
  const amount = formatMoney(request.totalCents, request.currency, locale);
  // A due date is a calendar day, not an instant: written as it is, in no zone.
  const day = (key: string) => formatterFor(locale, "UTC").dateTime(dayKeyToUtcDate(key), { dateStyle: "long" });
  const overdue = request.status === "OVERDUE";
  return (
    <section aria-labelledby="pay-request-title" className="mx-auto flex max-w-2xl flex-col gap-6" data-testid="pay-request" data-status={request.status}>
      <header className="flex flex-col gap-1">
        <h1 id="pay-request-title" className="text-3xl font-bold tracking-tight">
          {t("title", { store: storeName })}
        </h1>
        <p className="text-slate-600">{t("billedTo", { name: request.payer.name })}</p>
        <p className="text-slate-600" data-testid="pay-request-reference">
          {t("reference", { reference: request.reference })}
        </p>
        {isOutstanding(request.status) && (
          <p className={overdue ? "font-semibold text-red-700" : "text-slate-700"} data-testid="pay-request-due" data-overdue={overdue ? "true" : undefined}>
            {request.dueOn ? t(overdue ? "overdue" : "due", { date: day(request.dueOn) }) : t("noDueDate")}
          </p>
        )}
      </header>

      <PayRequestLines headingId="pay-request-lines-title" lines={request.lines} totalCents={request.totalCents} currency={request.currency} locale={locale} />

      {request.note && (
        <section aria-labelledby="pay-request-note-title" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
          <h2 id="pay-request-note-title" className="mb-1 text-sm font-semibold text-slate-700">
            {t("note", { store: storeName })}
          </h2>
          <p className="whitespace-pre-line wrap-anywhere">{request.note}</p>
        </section>
      )}

      {request.status === "PAID" && (
        <Alert tone="success" data-testid="pay-request-paid">
          {t("paid", { date: formatterFor(locale, store.timeZone).dateTime(request.paidAt ?? new Date(), { dateStyle: "long" }) })}
        </Alert>
      )}
      {request.status === "CANCELLED" && (
        <Alert tone="info" data-testid="pay-request-cancelled">
          {t("cancelled")}
        </Alert>
      )}
      {isOutstanding(request.status) && (
        <section aria-labelledby="pay-request-pay-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4">
          <h2 id="pay-request-pay-title" className="sr-only">
            {t("pay", { amount })}
          </h2>
          <p className="text-sm text-slate-600">{t("wholeAmount")}</p>
          <PayRequestForm
            action={payRequestAction}
            requestId={request.id}
            token={typeof token === "string" ? token : ""}
            askEmail={!request.payer.email}
            labels={{ email: t("email"), emailHint: t("emailHint"), pay: t("pay", { amount }), paying: t("paying") }}
          />
          <p className="text-sm text-slate-600">{t("redirect")}</p>
        </section>
      )}
    </section>
  );
}
