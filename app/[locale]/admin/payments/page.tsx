import type { Metadata } from "next";
import {
  getFormatter,
  getTranslations,
  setRequestLocale,
} from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { ResultTable } from "@/components/admin/result-table";
import { searchFieldClass } from "@/components/admin/search-form";
import { Badge } from "@/components/admin/status-badge";
import { loadAdminPaymentIssues } from "@/lib/admin/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { localizedPath, withQuery } from "@/lib/tenancy/urls";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const STATUS_TONE = {
  OPEN: "brand",
  REFUNDED: "green",
  REFUND_FAILED: "red",
} as const;
const HISTORY_KEY: Record<
  string,
  "opened" | "refunded" | "refundFailed" | "buyerNotified"
> = {
  opened: "opened",
  refunded: "refunded",
  "refund-failed": "refundFailed",
  "buyer-notified": "buyerNotified",
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({
    locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE,
    namespace: "AdminArea.payments",
  });
  return { title: t("title") };
}

/** Payments no order could take, their automatic refunds and history (platform admins). */
export default async function AdminPaymentsPage({
  params,
  searchParams,
}: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const view = await loadAdminPaymentIssues(await searchParams);
  const t = await getTranslations("AdminArea");
  const format = await getFormatter();
  const base = localizedPath(
    "/admin/payments",
    locale,
    PLATFORM_DEFAULT_LOCALE,
  );
  const status = view.ok ? view.search.status : undefined;
  const hrefOf = (page: number) =>
    withQuery(base, { status, page: page > 1 ? page : undefined });

  return (
    <div className="flex flex-col gap-6">
      <AdminNav locale={locale} current="payments" />
      <header>
        <h1 className="text-2xl font-bold tracking-tight">
          {t("payments.title")}
        </h1>
        <p className="mt-1 text-slate-600">{t("payments.lead")}</p>
      </header>
      <form
        action={base}
        method="get"
        className="flex flex-wrap items-end gap-3"
      >
        <label className="block text-sm font-medium text-slate-700">
          {t("payments.statusLabel")}
          <select
            name="status"
            defaultValue={status ?? ""}
            className={searchFieldClass}
          >
            <option value="">{t("search.any")}</option>
            {(["OPEN", "REFUNDED", "REFUND_FAILED"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`payments.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          {t("search.submit")}
        </button>
      </form>
      {!view.ok ? (
        <Alert tone="error">{t("search.invalid")}</Alert>
      ) : view.page.rows.length === 0 ? (
        <EmptyState>{t("payments.empty")}</EmptyState>
      ) : (
        <ResultTable
          caption={t("payments.title")}
          total={t("search.total", { count: view.page.total })}
          columns={[
            { label: t("payments.columns.opened") },
            { label: t("payments.columns.reason") },
            { label: t("payments.columns.status") },
            { label: t("payments.columns.amount"), numeric: true },
            { label: t("payments.columns.order") },
            { label: t("payments.columns.payment") },
            { label: t("payments.columns.email") },
          ]}
          page={view.page}
          hrefOf={hrefOf}
          alignTop
        >
          {view.page.rows.map((issue) => (
            <tr key={issue.id}>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                {format.dateTime(issue.createdAt, {
                  dateStyle: "medium",
                  timeStyle: "short",
                })}
              </td>
              <td className="px-3 py-2">
                {t(`payments.reasons.${issue.reason}`)}
              </td>
              <td className="px-3 py-2">
                <Badge tone={STATUS_TONE[issue.status]}>
                  {t(`payments.statuses.${issue.status}`)}
                </Badge>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {issue.amountCents !== null && issue.currency
                  ? formatMoney(issue.amountCents, issue.currency, locale)
                  : "—"}
              </td>
              <td className="px-3 py-2">
                {issue.order ? (
                  <>
                    <span className="block font-medium tabular-nums">
                      {issue.order.number}
                    </span>
                    <span className="block text-xs text-slate-600">
                      {issue.order.storeName} · {issue.order.merchantName}
                    </span>
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-3 py-2 font-mono text-xs break-all">
                {issue.paymentRef}
              </td>
              <td className="px-3 py-2">
                <span className="block break-words">{issue.email ?? "—"}</span>
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs text-brand-700">
                    {t("payments.history")}
                  </summary>
                  <ol className="mt-1 flex flex-col gap-1 text-xs text-slate-700">
                    {issue.history.map((entry) => (
                      <li key={entry.id}>
                        <time
                          dateTime={entry.createdAt.toISOString()}
                          className="text-slate-500"
                        >
                          {format.dateTime(entry.createdAt, {
                            dateStyle: "short",
                            timeStyle: "medium",
                          })}
                        </time>{" "}
                        {HISTORY_KEY[entry.kind]
                          ? t(
                              `payments.historyKinds.${HISTORY_KEY[entry.kind]!}`,
                            )
                          : entry.kind}
                        {entry.detail ? (
                          <span className="block break-all font-mono text-slate-500">
                            {entry.detail}
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ol>
                </details>
              </td>
            </tr>
          ))}
        </ResultTable>
      )}
    </div>
  );
}
