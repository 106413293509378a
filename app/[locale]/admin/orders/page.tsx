import type { Metadata } from "next";
import {
  getFormatter,
  getTranslations,
  setRequestLocale,
} from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { ResultTable } from "@/components/admin/result-table";
import { SearchForm } from "@/components/admin/search-form";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { loadAdminOrders } from "@/lib/admin/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { localizedPath, withQuery } from "@/lib/tenancy/urls";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({
    locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE,
    namespace: "AdminArea.orders",
  });
  return { title: t("title") };
}

/** Find any order by an exact value, across merchants (platform admins, read-only). */
export default async function AdminOrdersPage({ params, searchParams }: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const view = await loadAdminOrders(await searchParams);
  const t = await getTranslations("AdminArea");
  const format = await getFormatter();
  const base = localizedPath("/admin/orders", locale, PLATFORM_DEFAULT_LOCALE);
  const search = view.ok
    ? view.search
    : { q: undefined, merchant: undefined, page: 1 };
  const hrefOf = (page: number) =>
    withQuery(base, {
      q: search.q,
      merchant: search.merchant,
      page: page > 1 ? page : undefined,
    });
  const merchants = localizedPath(
    "/admin/merchants",
    locale,
    PLATFORM_DEFAULT_LOCALE,
  );

  return (
    <div className="flex flex-col gap-6">
      <AdminNav locale={locale} current="orders" />
      <header>
        <h1 className="text-2xl font-bold tracking-tight">
          {t("orders.title")}
        </h1>
        <p className="mt-1 text-slate-600">{t("orders.lead")}</p>
      </header>
      <SearchForm
        action={base}
        legend={t("orders.searchLegend")}
        label={t("orders.searchLabel")}
        value={search.q ?? ""}
        placeholder={t("orders.searchPlaceholder")}
        submit={t("search.submit")}
        reset={t("search.reset")}
      >
        {search.merchant ? (
          <input type="hidden" name="merchant" value={search.merchant} />
        ) : null}
      </SearchForm>
      {!view.ok ? (
        <Alert tone="error">{t("search.invalid")}</Alert>
      ) : !view.search.q ? (
        <EmptyState>{t("orders.prompt")}</EmptyState>
      ) : view.page.rows.length === 0 ? (
        <EmptyState>{t("orders.empty")}</EmptyState>
      ) : (
        <ResultTable
          caption={t("orders.title")}
          total={t("search.total", { count: view.page.total })}
          columns={[
            { label: t("orders.columns.number") },
            { label: t("orders.columns.store") },
            { label: t("orders.columns.email") },
            { label: t("orders.columns.status") },
            { label: t("orders.columns.total"), numeric: true },
            { label: t("orders.columns.transaction") },
            { label: t("orders.columns.payment") },
            { label: t("orders.columns.created") },
          ]}
          page={view.page}
          hrefOf={hrefOf}
          alignTop
        >
          {view.page.rows.map((o) => (
            <tr key={o.id}>
              <td className="px-3 py-2 font-medium tabular-nums">{o.number}</td>
              <td className="px-3 py-2">
                <span className="block">{o.store.name}</span>
                <a
                  href={`${merchants}/${encodeURIComponent(o.merchant.id)}`}
                  className="text-xs text-brand-700 underline-offset-2 hover:underline"
                >
                  {o.merchant.name}
                </a>
              </td>
              <td className="px-3 py-2 break-words">{o.email}</td>
              <td className="px-3 py-2">
                <OrderStatusBadge status={o.status} locale={locale} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatMoney(o.totalCents, o.currency, locale)}
              </td>
              <td className="px-3 py-2 font-mono text-xs break-all">
                {o.transactionId}
              </td>
              <td className="px-3 py-2 font-mono text-xs break-all">
                {o.paymentRef ?? "—"}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                {format.dateTime(o.createdAt, {
                  dateStyle: "medium",
                  timeStyle: "short",
                })}
              </td>
            </tr>
          ))}
        </ResultTable>
      )}
    </div>
  );
}
