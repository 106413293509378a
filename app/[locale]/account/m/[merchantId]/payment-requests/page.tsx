import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RequestAreaNav } from "@/components/payment-requests/area-nav";
import { RequestStatusBadge } from "@/components/payment-requests/status-badge";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { formatterFor } from "@/lib/i18n/format";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { REQUEST_LIST_LIMIT } from "@/lib/payment-requests/data";
import { PAYMENT_REQUEST_STATUSES } from "@/lib/payment-requests/lifecycle";
import { loadRequestList, requireRequestsAccess } from "@/lib/payment-requests/loaders";
import { localizedPath } from "@/lib/tenancy/urls";
import { dayKeyToUtcDate } from "@/lib/time";

type Props = {
  params: Promise<{ locale: string; merchantId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId } = await params;
  await requireRequestsAccess(merchantId);
  const t = await getTranslations("PaymentRequests.merchant");
  return { title: t("title") };
}

const fieldClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";

/** The merchant's payment requests: what is outstanding, the requests by filter, the payers to remind in person. */
export default async function PaymentRequestsPage({ params, searchParams }: Props) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const { access, query, requests, totals, inPerson, stores, settings } = await loadRequestList(merchantId, await searchParams);
  const t = await getTranslations("PaymentRequests.merchant");
  const base = localizedPath(`/account/m/${encodeURIComponent(access.merchantId)}/payment-requests`, locale, PLATFORM_DEFAULT_LOCALE);
  // Due dates are calendar days (the store's): shown as they are, in no zone.
  const day = (d: string) => formatterFor(locale, "UTC").dateTime(dayKeyToUtcDate(d), { dateStyle: "medium" });
  const filtered = query.status !== null || query.storeId !== null || query.q !== "";
  const sums = (list: Array<{ currency: string; totalCents: number }>) => list.map((s) => formatMoney(s.totalCents, s.currency, locale)).join(" + ");

  return (
    <section aria-labelledby="payment-requests-title" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 id="payment-requests-title" className="text-xl font-semibold">
          {t("title")}
        </h1>
        <p className="max-w-2xl text-sm text-slate-600">{t("lead")}</p>
        <RequestAreaNav merchantId={access.merchantId} locale={locale} current="list" />
        <p className="text-sm text-slate-700" data-testid="reminder-schedule">
          {settings.days === null ? t("schedule.off") : t("schedule.every", { days: settings.days, max: settings.max })}{" "}
          <a href={`${base}/settings`} className="text-brand-700 underline">
            {t("schedule.change")}
          </a>
        </p>
        <div>
          <a href={`${base}/new`} className={buttonClass("primary", "inline-block text-sm")}>
            {t("nav.new")}
          </a>
        </div>
      </header>

      <section aria-labelledby="outstanding-title" className="flex flex-col gap-2">
        <h2 id="outstanding-title" className="text-lg font-semibold">
          {t("outstanding.title")}
        </h2>
        {totals.length === 0 ? (
          <p className="text-sm text-slate-600">{t("outstanding.none")}</p>
        ) : (
          <ul className="flex flex-wrap gap-4" data-testid="outstanding-totals">
            {totals.map((total) => (
              <li key={total.currency} className="rounded-lg border border-slate-200 px-4 py-3 tabular-nums" data-currency={total.currency}>
                {t("outstanding.line", { amount: formatMoney(total.totalCents, total.currency, locale), count: total.requests })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="requests-title" className="flex flex-col gap-3">
        <h2 id="requests-title" className="text-lg font-semibold">
          {t("list.title")}
        </h2>
        <form method="get" action={base} role="search" className="grid gap-3 rounded-lg border border-slate-200 p-4 sm:grid-cols-[1fr_1fr_2fr_auto]">
          <div>
            <label htmlFor="requests-status" className="text-sm font-medium">
              {t("filter.status")}
            </label>
            <select id="requests-status" name="status" defaultValue={query.status ?? ""} className={fieldClass}>
              <option value="">{t("filter.anyStatus")}</option>
              <option value="OUTSTANDING">{t("filter.outstanding")}</option>
              {PAYMENT_REQUEST_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="requests-store" className="text-sm font-medium">
              {t("filter.store")}
            </label>
            <select id="requests-store" name="store" defaultValue={query.storeId ?? ""} className={fieldClass}>
              <option value="">{t("filter.anyStore")}</option>
              {stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="requests-q" className="text-sm font-medium">
              {t("filter.q")}
            </label>
            <input id="requests-q" name="q" type="search" defaultValue={query.q} maxLength={100} aria-describedby="requests-q-hint" className={fieldClass} />
            <p id="requests-q-hint" className="mt-1 text-xs text-slate-600">
              {t("filter.qHint")}
            </p>
          </div>
          <div className="flex items-start gap-2 sm:pt-6">
            <button type="submit" className={buttonClass("primary", "text-sm")}>
              {t("filter.apply")}
            </button>
            {filtered && (
              <a href={base} className={buttonClass("secondary", "text-sm")}>
                {t("filter.reset")}
              </a>
            )}
          </div>
        </form>

        {requests.length === 0 ? (
          <EmptyState>{filtered ? t("list.noMatch") : t("list.empty")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="payment-requests">
              <caption className="sr-only">{t("list.caption")}</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  {(["reference", "payer", "store", "status", "amount", "dueOn", "reminders"] as const).map((c) => (
                    <th key={c} scope="col" className={`py-2 pr-4 font-medium ${c === "amount" || c === "reminders" ? "text-right" : ""}`}>
                      {t(`list.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {requests.map((r) => (
                  <tr key={r.id} className="border-b border-slate-100 align-top" data-request-id={r.id}>
                    <td className="py-2 pr-4 wrap-anywhere">
                      <a href={`${base}/${encodeURIComponent(r.id)}`} className="font-medium text-brand-700 underline">
                        {r.reference}
                      </a>
                    </td>
                    <td className="py-2 pr-4 wrap-anywhere">
                      <span className="block">{r.payerName}</span>
                      <span className="block text-slate-600">{r.payerEmail ?? t("list.noEmail")}</span>
                    </td>
                    <td className="py-2 pr-4">{r.storeName}</td>
                    <td className="py-2 pr-4">
                      <RequestStatusBadge status={r.status} locale={locale} />
                    </td>
                    <td className="py-2 pr-4 text-right tabular-nums whitespace-nowrap">{formatMoney(r.totalCents, r.currency, locale)}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">{r.dueOn ? day(r.dueOn) : t("none")}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{r.reminderCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {requests.length === REQUEST_LIST_LIMIT && <p className="mt-2 text-sm text-slate-600">{t("list.limited", { count: REQUEST_LIST_LIMIT })}</p>}
          </div>
        )}
      </section>

      <section aria-labelledby="in-person-title" className="flex flex-col gap-2">
        <h2 id="in-person-title" className="text-lg font-semibold">
          {t("inPerson.title")}
        </h2>
        <p className="max-w-2xl text-sm text-slate-600">{t("inPerson.lead")}</p>
        {inPerson.length === 0 ? (
          <p className="text-sm text-slate-600">{t("inPerson.none")}</p>
        ) : (
          <ul className="flex flex-col gap-1" data-testid="in-person-payers">
            {inPerson.map((p) => (
              <li key={p.payerId} className="flex flex-wrap gap-x-2 text-sm">
                <span className="font-medium">{p.name}</span>
                <span className="tabular-nums">{t("inPerson.owes", { amount: sums(p.totals), count: p.requests })}</span>
                <a href={`${base}?${new URLSearchParams({ status: "OUTSTANDING", q: p.name })}`} className="text-brand-700 underline">
                  {t("inPerson.show")}
                  <span className="sr-only"> – {p.name}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
