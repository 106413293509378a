import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreditBalances } from "@/components/credit/balances";
import { ClaimGiftCardForm } from "@/components/credit/claim-form";
import { EmptyState } from "@/components/ui/empty-state";
import { claimGiftCardAction } from "@/lib/credit/actions";
import { loadCustomerCredit } from "@/lib/credit/loaders";
import { formatterFor } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/money";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";

type Props = { params: Promise<{ locale: string; store: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "StoreCredit" });
  return { title: t("metaTitle") };
}

/**
 * The signed-in customer's store credit at this merchant: the balance per currency, what expires
 * next, the history, and (when the merchant allows it) a form to move a gift card into it.
 */
export default async function CustomerCreditPage({ params }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const { balances, history, claimEnabled } = await loadCustomerCredit(store, locale);
  const t = await getTranslations("StoreCredit");
  const format = formatterFor(locale, store.timeZone);
  const lastDay = (d: Date) => format.dateTime(new Date(d.getTime() - 1), { dateStyle: "medium" });
  return (
    <section aria-labelledby="credit-title" className="mx-auto flex max-w-3xl flex-col gap-8">
      <header>
        <h1 id="credit-title" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="mt-1 text-slate-600">{t("lead", { merchant: store.merchantName })}</p>
      </header>
      {balances.length === 0 ? <EmptyState>{t("empty", { merchant: store.merchantName })}</EmptyState> : <CreditBalances balances={balances} locale={locale} timeZone={store.timeZone} />}

      {claimEnabled && (
        <section aria-labelledby="claim-title" className="flex flex-col gap-2 rounded-lg border border-slate-200 p-4">
          <h2 id="claim-title" className="text-lg font-semibold">
            {t("claim.title")}
          </h2>
          <p className="text-sm text-slate-600">{t("claim.lead")}</p>
          <ClaimGiftCardForm action={claimGiftCardAction} labels={{ code: t("claim.code"), submit: t("claim.submit"), submitting: t("claim.submitting") }} />
        </section>
      )}

      {history.length > 0 && (
        <section aria-labelledby="credit-history-title" className="flex flex-col gap-2">
          <h2 id="credit-history-title" className="text-lg font-semibold">
            {t("historyTitle")}
          </h2>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="credit-history">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  {(["date", "what", "amount", "balanceAfter", "expiry"] as const).map((c) => (
                    <th key={c} scope="col" className={`py-2 pr-4 font-medium ${c === "amount" || c === "balanceAfter" ? "text-right" : ""}`}>
                      {t(`columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {history.map((row) => (
                  <tr key={row.id} className="border-b border-slate-100 align-top" data-kind={row.kind}>
                    <td className="py-2 pr-4 whitespace-nowrap">{format.dateTime(row.createdAt, { dateStyle: "medium" })}</td>
                    <td className="py-2 pr-4">
                      {row.origin ? t(`origins.${row.origin}`) : t(`kinds.${row.kind}`)}
                      {row.orderNumber && <span className="block text-slate-600">{t("order", { number: row.orderNumber })}</span>}
                    </td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(row.amountCents, row.currency, locale)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(row.balanceAfterCents, row.currency, locale)}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">{row.amountCents > 0 && (row.kind === "CREDIT" || row.kind === "ADJUST") ? (row.expiresAt ? lastDay(row.expiresAt) : t("never")) : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </section>
  );
}
