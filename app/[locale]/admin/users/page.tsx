import { ResultTable } from "@/components/admin/result-table";
import type { Metadata } from "next";
import {
  getFormatter,
  getTranslations,
  setRequestLocale,
} from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { SearchForm } from "@/components/admin/search-form";
import { Badge } from "@/components/admin/status-badge";
import { loadAdminUsers } from "@/lib/admin/loaders";
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
    namespace: "AdminArea.users",
  });
  return { title: t("title") };
}

export default async function AdminUsersPage({ params, searchParams }: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const view = await loadAdminUsers(await searchParams);
  const t = await getTranslations("AdminArea");
  const format = await getFormatter();
  const base = localizedPath("/admin/users", locale, PLATFORM_DEFAULT_LOCALE);
  const search = view.ok
    ? view.search
    : { q: undefined, admins: undefined, page: 1 };
  const hrefOf = (page: number) =>
    withQuery(base, {
      q: search.q,
      admins: search.admins ? "1" : undefined,
      page: page > 1 ? page : undefined,
    });

  return (
    <div className="flex flex-col gap-6">
      <AdminNav locale={locale} current="users" />
      <header>
        <h1 className="text-2xl font-bold tracking-tight">
          {t("users.title")}
        </h1>
        <p className="mt-1 text-slate-600">{t("users.lead")}</p>
      </header>
      <SearchForm
        action={base}
        legend={t("users.searchLegend")}
        label={t("users.searchLabel")}
        value={search.q ?? ""}
        placeholder={t("users.searchPlaceholder")}
        submit={t("search.submit")}
        reset={t("search.reset")}
      >
        <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium text-slate-700">
          <input
            type="checkbox"
            name="admins"
            value="1"
            defaultChecked={Boolean(search.admins)}
            className="h-4 w-4"
          />
          {t("users.adminsOnly")}
        </label>
      </SearchForm>
      {!view.ok ? (
        <Alert tone="error">{t("search.invalid")}</Alert>
      ) : view.page.rows.length === 0 ? (
        <EmptyState>{t("users.empty")}</EmptyState>
      ) : (
        <ResultTable
          caption={t("users.title")}
          total={t("search.total", { count: view.page.total })}
          columns={[
            { label: t("users.columns.email") },
            { label: t("users.columns.name") },
            { label: t("users.columns.memberships"), numeric: true },
            { label: t("users.columns.created") },
          ]}
          page={view.page}
          hrefOf={hrefOf}
        >
          {view.page.rows.map((u) => (
            <tr key={u.id}>
              <td className="px-3 py-2">
                <a
                  href={`${base}/${encodeURIComponent(u.id)}`}
                  className="break-all font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {u.email}
                </a>{" "}
                {u.isPlatformAdmin && (
                  <Badge tone="brand">{t("users.adminBadge")}</Badge>
                )}
              </td>
              <td className="px-3 py-2 text-slate-700">{u.name ?? "—"}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {u.membershipCount}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                {format.dateTime(u.createdAt, { dateStyle: "medium" })}
              </td>
            </tr>
          ))}
        </ResultTable>
      )}
    </div>
  );
}
