import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { loadCustomerSession } from "@/lib/auth/loaders";
import { formatterFor } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/money";
import { loadOwed } from "@/lib/payment-requests/loaders";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";
import { dayKeyToUtcDate } from "@/lib/time";

type Props = { params: Promise<{ locale: string; store: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "PaymentRequests.owed" });
  return { title: t("metaTitle"), robots: { index: false } };
}

/**
 * "What I owe": every open payment request of this store's merchant billed to the signed-in
 * customer's email, in any of its stores, each with its pay link, and the totals per currency.
 */
export default async function OwedPage({ params }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const { items, totals } = await loadOwed(store, locale);
  const customer = await loadCustomerSession(store.id);
  const t = await getTranslations({ locale, namespace: "PaymentRequests.owed" });
  // Due dates are calendar days: written as they are, in no zone.
  const day = (key: string) => formatterFor(locale, "UTC").dateTime(dayKeyToUtcDate(key), { dateStyle: "medium" });
  return (
    <section aria-labelledby="owed-title" className="mx-auto flex max-w-3xl flex-col gap-8">
      <header>
        <h1 id="owed-title" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="mt-1 text-slate-600">{t("lead", { merchant: store.merchantName, email: customer?.email ?? "" })}</p>
      </header>
      {items.length === 0 ? (
        <EmptyState>{t("empty", { merchant: store.merchantName })}</EmptyState>
      ) : (
        <>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="owed-list">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("columns.request")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("columns.store")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("columns.due")}
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">
                    {t("columns.amount")}
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">{t("columns.pay")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => {
                  const amount = formatMoney(item.totalCents, item.currency, locale);
                  return (
                    <tr key={item.requestId} className="border-b border-slate-100 align-top" data-testid="owed-item" data-reference={item.reference} data-overdue={item.overdue ? "true" : undefined}>
                      <td className="py-2 pr-4 wrap-anywhere">
                        {item.lineCount > 1 ? t("titleMore", { title: item.title, more: item.lineCount - 1 }) : item.title}
                        <span className="block text-slate-600">{t("reference", { reference: item.reference })}</span>
                      </td>
                      <td className="py-2 pr-4">{item.storeName}</td>
                      <td className={`py-2 pr-4 ${item.overdue ? "font-semibold text-red-700" : ""}`}>
                        {item.dueOn ? t(item.overdue ? "overdue" : "due", { date: day(item.dueOn) }) : t("noDueDate")}
                      </td>
                      <td className="py-2 pr-4 text-right whitespace-nowrap tabular-nums">{amount}</td>
                      <td className="py-2 text-right">
                        <a href={item.payUrl} className="inline-block rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium whitespace-nowrap text-white hover:bg-brand-700" aria-label={t("payLabel", { amount, reference: item.reference })}>
                          {t("pay")}
                        </a>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <section aria-labelledby="owed-totals-title" className="rounded-lg border border-slate-200 p-4">
            <h2 id="owed-totals-title" className="mb-2 text-lg font-semibold">
              {t("totalsTitle")}
            </h2>
            <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1" data-testid="owed-totals">
              {totals.map((total) => (
                <div key={total.currency} className="contents">
                  <dt>{t("totalIn", { currency: total.currency })}</dt>
                  <dd className="text-right font-semibold tabular-nums">{formatMoney(total.totalCents, total.currency, locale)}</dd>
                </div>
              ))}
            </dl>
          </section>
        </>
      )}
    </section>
  );
}
