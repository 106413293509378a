import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { GoodwillForm } from "@/components/credit-admin/forms";
import { EmptyState } from "@/components/ui/empty-state";
import { grantGoodwillCreditAction } from "@/lib/credit-admin/actions";
import { CREDIT_LIST_LIMIT } from "@/lib/credit-admin/data";
import { loadCreditList, requireCreditAccess } from "@/lib/credit-admin/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = {
  params: Promise<{ locale: string; merchantId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId } = await params;
  await requireCreditAccess(merchantId);
  const t = await getTranslations("StoreCreditAdmin");
  return { title: t("title") };
}

const fieldClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";

/** Customers' store credit: totals outstanding per currency, the accounts (filter by email), goodwill credit. */
export default async function StoreCreditPage({ params, searchParams }: Props) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const { access, query, accounts, totals, currencies, timeZone } = await loadCreditList(merchantId, await searchParams);
  const t = await getTranslations("StoreCreditAdmin");
  const base = localizedPath(`/account/m/${encodeURIComponent(access.merchantId)}/store-credit`, locale, PLATFORM_DEFAULT_LOCALE);
  const any = totals.length > 0;

  return (
    <section aria-labelledby="store-credit-title" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 id="store-credit-title" className="text-xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-sm text-slate-600">{t("lead", { timeZone })}</p>
      </header>

      {any && (
        <section aria-labelledby="credit-totals-title" className="flex flex-col gap-2">
          <h2 id="credit-totals-title" className="text-lg font-semibold">
            {t("totalsTitle")}
          </h2>
          <ul className="flex flex-wrap gap-4" data-testid="credit-totals">
            {totals.map((total) => (
              <li key={total.currency} className="rounded-lg border border-slate-200 px-4 py-3 tabular-nums" data-currency={total.currency}>
                {t("totalLine", { amount: formatMoney(total.balanceCents, total.currency, locale), count: total.accounts })}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="credit-accounts-title" className="flex flex-col gap-3">
        <h2 id="credit-accounts-title" className="text-lg font-semibold">
          {t("accountsTitle")}
        </h2>
        {any && (
          <form method="get" action={base} role="search" className="flex flex-wrap items-end gap-2">
            <div className="min-w-64">
              <label htmlFor="credit-q" className="text-sm font-medium">
                {t("filter.email")}
              </label>
              <input id="credit-q" name="q" type="search" defaultValue={query.q} maxLength={100} className={fieldClass} />
            </div>
            <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
              {t("filter.apply")}
            </button>
            {query.q && (
              <a href={base} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50">
                {t("filter.reset")}
              </a>
            )}
          </form>
        )}
        {!any ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : accounts.length === 0 ? (
          <EmptyState>{t("noMatch")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="credit-accounts">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  {(["email", "name", "currency", "balance"] as const).map((c) => (
                    <th key={c} scope="col" className={`py-2 pr-4 font-medium ${c === "balance" ? "text-right" : ""}`}>
                      {t(`columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {accounts.map((account) => (
                  <tr key={account.id} className="border-b border-slate-100">
                    <td className="py-2 pr-4 wrap-anywhere">
                      <a href={`${base}/${encodeURIComponent(account.id)}`} className="text-brand-700 underline">
                        {account.email}
                      </a>
                    </td>
                    <td className="py-2 pr-4">{account.name ?? t("none")}</td>
                    <td className="py-2 pr-4">{account.currency}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(account.balanceCents, account.currency, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {accounts.length === CREDIT_LIST_LIMIT && <p className="mt-2 text-sm text-slate-600">{t("limited", { count: CREDIT_LIST_LIMIT })}</p>}
          </div>
        )}
      </section>

      <section aria-labelledby="goodwill-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4">
        <h2 id="goodwill-title" className="text-lg font-semibold">
          {t("goodwill.title")}
        </h2>
        <p className="max-w-2xl text-sm text-slate-600">{t("goodwill.lead")}</p>
        {currencies.length === 0 ? (
          <EmptyState>{t("goodwill.noCurrencies")}</EmptyState>
        ) : (
          <GoodwillForm
            action={grantGoodwillCreditAction.bind(null, access.merchantId)}
            currencies={currencies}
            labels={{
              customerEmail: t("goodwill.customerEmail"),
              currency: t("goodwill.currency"),
              amount: t("goodwill.amount"),
              reason: t("goodwill.reason"),
              expiresOn: t("goodwill.expiresOn"),
              expiresOnHint: t("goodwill.expiresOnHint"),
              submit: t("goodwill.submit"),
              submitting: t("goodwill.submitting"),
            }}
          />
        )}
      </section>
    </section>
  );
}
