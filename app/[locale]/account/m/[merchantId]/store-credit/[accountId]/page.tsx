import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AdjustDownForm } from "@/components/credit-admin/forms";
import { EmptyState } from "@/components/ui/empty-state";
import { adjustCreditDownAction } from "@/lib/credit-admin/actions";
import { loadCreditAccount } from "@/lib/credit-admin/loaders";
import { formatterFor } from "@/lib/i18n/format";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; merchantId: string; accountId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId, accountId } = await params;
  const { account } = await loadCreditAccount(merchantId, accountId);
  const t = await getTranslations("StoreCreditAdmin.account");
  return { title: t("title", { email: account.email }) };
}

/** One customer's store-credit account: its balance, its movements newest first, a correction downwards. */
export default async function StoreCreditAccountPage({ params }: Props) {
  const { locale: raw, merchantId, accountId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const { access, account, timeZone } = await loadCreditAccount(merchantId, accountId);
  const t = await getTranslations("StoreCreditAdmin");
  const format = formatterFor(locale, timeZone);
  const base = localizedPath(`/account/m/${encodeURIComponent(access.merchantId)}/store-credit`, locale, PLATFORM_DEFAULT_LOCALE);
  const money = (cents: number) => formatMoney(cents, account.currency, locale);
  // Credit expires at the start of the day after its last day: that last day is shown.
  const lastDay = (d: Date) => format.dateTime(new Date(d.getTime() - 1), { dateStyle: "medium" });
  const columns = ["date", "kind", "amount", "balanceAfter", "store", "order", "actor", "reason", "expiry"] as const;

  return (
    <section aria-labelledby="credit-account-title" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <a href={base} className="text-sm text-brand-700 underline">
          {t("back")}
        </a>
        <h1 id="credit-account-title" className="text-xl font-semibold wrap-anywhere">
          {t("account.title", { email: account.email })}
        </h1>
        {account.name && <p className="text-slate-600">{account.name}</p>}
        <p className="text-lg font-semibold tabular-nums" data-testid="credit-balance">
          {t("account.balance", { amount: money(account.balanceCents) })}
        </p>
      </header>

      <section aria-labelledby="credit-history-title" className="flex flex-col gap-2">
        <h2 id="credit-history-title" className="text-lg font-semibold">
          {t("account.historyTitle")}
        </h2>
        {account.ledger.length === 0 ? (
          <EmptyState>{t("account.noHistory")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="credit-ledger">
              <caption className="sr-only">{t("account.caption")}</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  {columns.map((c) => (
                    <th key={c} scope="col" className={`py-2 pr-4 font-medium ${c === "amount" || c === "balanceAfter" ? "text-right" : ""}`}>
                      {t(`account.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {account.ledger.map((row) => (
                  <tr key={row.id} className="border-b border-slate-100 align-top" data-kind={row.kind}>
                    <td className="py-2 pr-4 whitespace-nowrap">{format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td className="py-2 pr-4">{row.origin ? t(`origins.${row.origin}`) : t(`kinds.${row.kind}`)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{money(row.amountCents)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{money(row.balanceAfterCents)}</td>
                    <td className="py-2 pr-4">{row.storeName ?? t("none")}</td>
                    <td className="py-2 pr-4">{row.orderNumber ?? t("none")}</td>
                    <td className="py-2 pr-4 wrap-anywhere">{row.actorEmail ?? t("none")}</td>
                    <td className="py-2 pr-4 wrap-anywhere">{(row.kind !== "EXPIRE" && row.reason) || t("none")}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">{row.kind === "CREDIT" || (row.kind === "ADJUST" && row.amountCents > 0) ? (row.expiresAt ? lastDay(row.expiresAt) : t("never")) : t("none")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {account.balanceCents > 0 && (
        <section aria-labelledby="adjust-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4">
          <h2 id="adjust-title" className="text-lg font-semibold">
            {t("adjust.title")}
          </h2>
          <p className="max-w-2xl text-sm text-slate-600">{t("adjust.lead")}</p>
          <AdjustDownForm
            action={adjustCreditDownAction.bind(null, access.merchantId)}
            accountId={account.id}
            labels={{ amount: t("adjust.amount", { currency: account.currency }), reason: t("adjust.reason"), submit: t("adjust.submit"), submitting: t("adjust.submitting"), done: t("adjust.done") }}
          />
        </section>
      )}
    </section>
  );
}
