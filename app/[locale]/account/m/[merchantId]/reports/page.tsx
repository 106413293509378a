import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SalesChart } from "@/components/reports/sales-chart";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { loadReports } from "@/lib/reports/loaders";
import { localizedPath } from "@/lib/tenancy/urls";
import { sharedTimeZone } from "@/lib/time";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";

type Props = {
  params: Promise<{ locale: string; merchantId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({
    locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE,
    namespace: "Reports",
  });
  return { title: t("title") };
}

const fieldClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";

function Figure({
  label,
  value,
  testId,
}: {
  label: string;
  value: string;
  testId?: string;
}) {
  return (
    <div className="rounded-lg border border-slate-200 p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd
        className="mt-1 text-2xl font-semibold tabular-nums"
        data-testid={testId}
      >
        {value}
      </dd>
    </div>
  );
}

export default async function ReportsPage({ params, searchParams }: Props) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const view = await loadReports(merchantId, await searchParams);
  const t = await getTranslations("Reports");
  const base = localizedPath(
    `/account/m/${encodeURIComponent(merchantId)}/reports`,
    locale,
    PLATFORM_DEFAULT_LOCALE,
  );
  const stores = view.ok ? view.selection.stores : view.stores;
  const values = view.ok
    ? {
        from: view.selection.period.from,
        to: view.selection.period.to,
        store: view.selection.store,
      }
    : view.raw;
  const exportHref = view.ok
    ? `${base}/export?${new URLSearchParams({ from: view.selection.period.from, to: view.selection.period.to, store: view.selection.store })}`
    : null;

  return (
    <section aria-labelledby="reports-title" className="flex flex-col gap-6">
      <header>
        <h1 id="reports-title" className="text-xl font-semibold">
          {t("title")}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("lead", {
            timeZone: view.ok
              ? view.selection.timeZone
              : sharedTimeZone(view.stores.map((s) => s.timeZone)),
          })}
        </p>
      </header>

      <form
        method="get"
        action={base}
        className="rounded-lg border border-slate-200 bg-slate-50 p-4"
      >
        <fieldset>
          <legend className="sr-only">{t("form.legend")}</legend>
          <div className="grid gap-4 sm:grid-cols-3">
            <label className="block text-sm font-medium text-slate-700">
              {t("form.from")}
              <input
                type="date"
                name="from"
                defaultValue={values.from ?? ""}
                className={fieldClass}
              />
            </label>
            <label className="block text-sm font-medium text-slate-700">
              {t("form.to")}
              <input
                type="date"
                name="to"
                defaultValue={values.to ?? ""}
                className={fieldClass}
              />
            </label>
            <label className="block text-sm font-medium text-slate-700">
              {t("form.store")}
              <select
                name="store"
                defaultValue={values.store ?? "all"}
                className={fieldClass}
              >
                <option value="all">{t("form.allStores")}</option>
                {stores.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <button
              type="submit"
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              {t("form.show")}
            </button>
            {exportHref && (
              <a
                href={exportHref}
                download
                className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50"
              >
                {t("form.export")}
              </a>
            )}
          </div>
        </fieldset>
      </form>

      {!view.ok ? (
        <Alert tone="error">{t(`errors.${view.error}`)}</Alert>
      ) : view.report.summaries.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          {view.report.summaries.map((s) => {
            const money = (cents: number) =>
              formatMoney(cents, s.currency, locale);
            const daily = view.report.daily.find(
              (d) => d.currency === s.currency,
            );
            return (
              <section
                key={s.currency}
                aria-labelledby={`summary-${s.currency}`}
                className="flex flex-col gap-4"
              >
                <h2
                  id={`summary-${s.currency}`}
                  className="text-lg font-semibold"
                >
                  {t("summaryTitle", { currency: s.currency })}
                </h2>
                <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
                  <Figure
                    label={t("figures.sales")}
                    value={money(s.revenueCents)}
                    testId={`sales-${s.currency}`}
                  />
                  <Figure
                    label={t("figures.orders")}
                    value={String(s.orders)}
                    testId={`orders-${s.currency}`}
                  />
                  <Figure
                    label={t("figures.averageOrder")}
                    value={
                      s.averageOrderCents === null
                        ? "—"
                        : money(s.averageOrderCents)
                    }
                    testId={`average-${s.currency}`}
                  />
                  <Figure
                    label={t("figures.discounts")}
                    value={money(s.discountCents)}
                    testId={`discounts-${s.currency}`}
                  />
                </dl>
                <p className="text-sm text-slate-600">
                  {t("refundedLine", {
                    count: s.refundedOrders,
                    amount: money(s.refundedCents),
                  })}{" "}
                  {t("cancelledLine", { count: s.cancelledOrders })}
                  {s.waivedOrders > 0 &&
                    ` ${t("waivedLine", { count: s.waivedOrders, amount: money(s.waivedCents) })}`}
                </p>
                {daily && (
                  <SalesChart
                    sales={daily}
                    locale={locale}
                    id={`chart-${s.currency}`}
                  />
                )}
              </section>
            );
          })}

          <section aria-labelledby="top-products-title">
            <h2 id="top-products-title" className="text-lg font-semibold">
              {t("topProducts.title")}
            </h2>
            {view.report.topProducts.length === 0 ? (
              <p className="mt-2 text-slate-600">{t("topProducts.empty")}</p>
            ) : (
              <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200">
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <caption className="sr-only">
                    {t("topProducts.title")}
                  </caption>
                  <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                    <tr>
                      <th scope="col" className="px-3 py-2">
                        {t("topProducts.product")}
                      </th>
                      <th scope="col" className="px-3 py-2 text-right">
                        {t("topProducts.quantity")}
                      </th>
                      <th scope="col" className="px-3 py-2 text-right">
                        {t("topProducts.orders")}
                      </th>
                      <th scope="col" className="px-3 py-2 text-right">
                        {t("topProducts.revenue")}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {view.report.topProducts.map((p) => (
                      <tr key={`${p.productId ?? p.title}-${p.currency}`}>
                        <th
                          scope="row"
                          className="px-3 py-2 text-left font-medium"
                        >
                          {p.title}
                        </th>
                        <td className="px-3 py-2 text-right tabular-nums">
                          {p.quantity}
                        </td>
                        <td className="px-3 py-2 text-right tabular-nums">
                          {p.orders}
                        </td>
                        <td className="px-3 py-2 text-right tabular-nums">
                          {formatMoney(p.revenueCents, p.currency, locale)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="px-3 py-2 text-xs text-slate-500">
                  {t("topProducts.note")}
                </p>
              </div>
            )}
          </section>

          <section aria-labelledby="coupons-title">
            <h2 id="coupons-title" className="text-lg font-semibold">
              {t("coupons.title")}
            </h2>
            {view.report.coupons.length === 0 ? (
              <p className="mt-2 text-slate-600">{t("coupons.empty")}</p>
            ) : (
              <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200">
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <caption className="sr-only">{t("coupons.title")}</caption>
                  <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                    <tr>
                      <th scope="col" className="px-3 py-2">
                        {t("coupons.code")}
                      </th>
                      <th scope="col" className="px-3 py-2 text-right">
                        {t("coupons.orders")}
                      </th>
                      <th scope="col" className="px-3 py-2 text-right">
                        {t("coupons.discount")}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {view.report.coupons.map((c) => (
                      <tr key={`${c.code}-${c.currency}`}>
                        <th
                          scope="row"
                          className="px-3 py-2 text-left font-mono font-medium"
                        >
                          {c.code}
                        </th>
                        <td className="px-3 py-2 text-right tabular-nums">
                          {c.orders}
                        </td>
                        <td className="px-3 py-2 text-right tabular-nums">
                          {formatMoney(c.discountCents, c.currency, locale)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          {view.loyalty && (
            <section aria-labelledby="loyalty-title">
              <h2 id="loyalty-title" className="text-lg font-semibold">
                {t("loyalty.title")}
              </h2>
              <dl className="mt-2 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
                <Figure
                  label={t("loyalty.members")}
                  value={String(view.loyalty.members)}
                />
                <Figure
                  label={t("loyalty.newMembers")}
                  value={String(view.loyalty.newMembers)}
                />
                <Figure
                  label={t("loyalty.pointsIssued")}
                  value={String(view.loyalty.pointsIssued)}
                />
                <Figure
                  label={t("loyalty.pointsRedeemed")}
                  value={String(view.loyalty.pointsRedeemed)}
                />
              </dl>
            </section>
          )}
        </>
      )}
    </section>
  );
}
