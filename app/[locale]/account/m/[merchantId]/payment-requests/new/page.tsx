import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RequestAreaNav } from "@/components/payment-requests/area-nav";
import { RequestForm } from "@/components/payment-requests/request-form";
import { EmptyState } from "@/components/ui/empty-state";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { createPaymentRequestAction } from "@/lib/payment-requests/actions";
import { loadNewRequestForm, requireRequestsAccess } from "@/lib/payment-requests/loaders";
import { MAX_QUANTITY, MAX_REQUEST_LINES, NAME_MAX, NOTE_MAX, REFERENCE_MAX, TITLE_MAX } from "@/lib/payment-requests/schema";

type Props = { params: Promise<{ locale: string; merchantId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId } = await params;
  await requireRequestsAccess(merchantId, "/new");
  const t = await getTranslations("PaymentRequests.merchant.form");
  return { title: t("title") };
}

/** Bill someone: a new payment request in one of the member's stores. */
export default async function NewPaymentRequestPage({ params }: Props) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const { access, stores, formKey } = await loadNewRequestForm(merchantId);
  const t = await getTranslations("PaymentRequests.merchant.form");
  const keys = [
    "store", "payerName", "payerEmail", "payerEmailHint", "payerLocale", "forEmail", "forEmailHint", "reference", "referenceHint", "dueOn", "dueOnHint",
    "note", "noteHint", "linesTitle", "linesHint", "product", "freeText", "title", "amount", "quantity", "addLine", "remove", "submit", "submitting",
  ] as const;
  const labels = {
    ...(Object.fromEntries(keys.map((k) => [k, t(`fields.${k}`)])) as Record<(typeof keys)[number], string>),
    // Filled in by the form: the chosen store's currency, a row's number, the running total.
    currencyHint: t.raw("fields.currencyHint") as string,
    line: t.raw("fields.line") as string,
    removeLine: t.raw("fields.removeLine") as string,
    total: t.raw("fields.total") as string,
    maxLines: t("fields.maxLines", { count: MAX_REQUEST_LINES }),
  };
  return (
    <section aria-labelledby="new-request-title" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <RequestAreaNav merchantId={access.merchantId} locale={locale} current="new" />
        <h1 id="new-request-title" className="text-xl font-semibold">
          {t("title")}
        </h1>
        <p className="max-w-2xl text-sm text-slate-600">{t("lead")}</p>
      </header>
      {stores.length === 0 ? (
        <EmptyState>{t("noStores")}</EmptyState>
      ) : (
        <RequestForm
          action={createPaymentRequestAction.bind(null, access.merchantId)}
          stores={stores.map((s) => ({ id: s.id, name: s.name, currency: s.currency, defaultLocale: s.defaultLocale, products: s.products }))}
          formKey={formKey}
          locale={locale}
          limits={{ lines: MAX_REQUEST_LINES, quantity: MAX_QUANTITY, title: TITLE_MAX, name: NAME_MAX, reference: REFERENCE_MAX, note: NOTE_MAX }}
          labels={labels}
        />
      )}
    </section>
  );
}
