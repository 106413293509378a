import { ResultTable } from "@/components/admin/result-table";
import type { Metadata } from "next";
import {
  getFormatter,
  getTranslations,
  setRequestLocale,
} from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { SearchForm, searchFieldClass } from "@/components/admin/search-form";
import { Badge } from "@/components/admin/status-badge";
import { loadAdminMerchants } from "@/lib/admin/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
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
    namespace: "AdminArea.merchants",
  });
  return { title: t("title") };
}

export default async function AdminMerchantsPage({
  params,
  searchParams,
}: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const view = await loadAdminMerchants(await searchParams);
  const t = await getTranslations("AdminArea");
  const format = await getFormatter();
  const base = localizedPath(
    "/admin/merchants",
    locale,
    PLATFORM_DEFAULT_LOCALE,
  );
  const search = view.ok
    ? view.search
    : { q: undefined, status: undefined, page: 1 };
  const hrefOf = (page: number) =>
    withQuery(base, {
      q: search.q,
      status: search.status,
      page: page > 1 ? page : undefined,
    });

  return (
    <div className="flex flex-col gap-6">
      <AdminNav locale={locale} current="merchants" />
      <header>
        <h1 className="text-2xl font-bold tracking-tight">
          {t("merchants.title")}
        </h1>
        <p className="mt-1 text-slate-600">{t("merchants.lead")}</p>
      </header>
      <SearchForm
        action={base}
        legend={t("merchants.searchLegend")}
        label={t("merchants.searchLabel")}
        value={search.q ?? ""}
        placeholder={t("merchants.searchPlaceholder")}
        submit={t("search.submit")}
        reset={t("search.reset")}
      >
        <label className="block text-sm font-medium text-slate-700">
          {t("merchants.statusLabel")}
          <select
            name="status"
            defaultValue={search.status ?? ""}
            className={searchFieldClass}
          >
            <option value="">{t("search.any")}</option>
            <option value="ACTIVE">{t("merchantStatus.ACTIVE")}</option>
            <option value="SUSPENDED">{t("merchantStatus.SUSPENDED")}</option>
          </select>
        </label>
      </SearchForm>
      {!view.ok ? (
        <Alert tone="error">{t("search.invalid")}</Alert>
      ) : view.page.rows.length === 0 ? (
        <EmptyState>{t("merchants.empty")}</EmptyState>
      ) : (
        <ResultTable
          caption={t("merchants.title")}
          total={t("search.total", { count: view.page.total })}
          columns={[
            { label: t("merchants.columns.name") },
            { label: t("merchants.columns.status") },
            { label: t("merchants.columns.stores"), numeric: true },
            { label: t("merchants.columns.members"), numeric: true },
            { label: t("merchants.columns.created") },
          ]}
          page={view.page}
          hrefOf={hrefOf}
        >
          {view.page.rows.map((m) => (
            <tr key={m.id}>
              <td className="px-3 py-2">
                <a
                  href={`${base}/${encodeURIComponent(m.id)}`}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {m.name}
                </a>
              </td>
              <td className="px-3 py-2">
                <Badge tone={m.status === "ACTIVE" ? "green" : "red"}>
                  {t(`merchantStatus.${m.status}`)}
                </Badge>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {m.storeCount}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {m.memberCount}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                {format.dateTime(m.createdAt, { dateStyle: "medium" })}
              </td>
            </tr>
          ))}
        </ResultTable>
      )}
    </div>
  );
}
