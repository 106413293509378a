import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formatterFor } from "@/lib/i18n/format";
import { CreditBalances } from "@/components/credit/balances";
import { LoyaltyCardView } from "@/components/loyalty/card-qr";
import { HistoryTable } from "@/components/loyalty/history-table";
import { loadCustomerSession } from "@/lib/auth/loaders";
import { loadCustomerCredit } from "@/lib/credit/loaders";
import { findActiveProgram, findCardView } from "@/lib/loyalty/data";
import { qrDrawing } from "@/lib/qr";
import { rewardProgress, rewardReach } from "@/lib/loyalty/rules";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; store: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "Loyalty.account" });
  return { title: t("metaTitle") };
}

/**
 * The signed-in customer's loyalty card at this merchant: balance, card with QR, rewards and how
 * far each is, and the history. Visitors are sent to sign-in first and come back here; the page
 * is rendered on the server, so nothing (no "join" call to action) shows before that is decided.
 */
export default async function CustomerLoyaltyPage({ params }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const href = (path: string) => localizedPath(path, locale, store.defaultLocale);
  const customer = await loadCustomerSession(store.id);
  if (!customer) redirect(`${href("/sign-in")}?${new URLSearchParams({ callbackUrl: href("/account/loyalty") })}`);
  const [t, ta, tc, format, program, card, credit] = await Promise.all([
    getTranslations("Loyalty"),
    getTranslations("Loyalty.account"),
    getTranslations("StoreCredit"),
    formatterFor(locale, store.timeZone),
    findActiveProgram(store.merchantId, locale, store.defaultLocale),
    findCardView(store.merchantId, { customerId: customer.customerId }, locale, 50, false),
    loadCustomerCredit(store, locale, { from: "/account/loyalty", history: false }),
  ]);
  const merchantName = store.merchantName;
  if (!card) {
    return (
      <section aria-labelledby="loyalty-title" className="mx-auto flex max-w-md flex-col gap-4 text-center">
        <h1 id="loyalty-title" className="text-3xl font-bold tracking-tight">
          {ta("notMemberTitle")}
        </h1>
        <p className="text-slate-600">{program ? ta("notMember") : t("join.noProgram")}</p>
        {program && (
          <a href={href("/loyalty/join")} className="mx-auto rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {ta("join")}
          </a>
        )}
      </section>
    );
  }
  const unit = program?.type ?? "POINTS";
  return (
    <section aria-labelledby="loyalty-title" className="flex flex-col gap-8">
      <header>
        <h1 id="loyalty-title" className="text-3xl font-bold tracking-tight">
          {ta("title")}
        </h1>
      </header>
      <div className="grid gap-6 sm:grid-cols-2">
        <LoyaltyCardView number={card.number} qr={qrDrawing(card.number)} title={`${t("card.label")} · ${merchantName}`} numberLabel={t("card.number")} qrLabel={t("card.qrLabel", { number: card.number })} />
        <div className="flex flex-col gap-4">
          <div className="rounded-xl border border-slate-200 p-6">
            <p className="text-sm text-slate-600">{ta("balance")}</p>
            <p className="text-4xl font-bold tabular-nums" data-testid="loyalty-balance">
              {t("amount", { count: card.balance, unit })}
            </p>
          </div>
          <section aria-labelledby="credit-summary-title" className="rounded-xl border border-slate-200 p-6" data-testid="credit-summary">
            <h2 id="credit-summary-title" className="text-sm text-slate-600">
              {tc("summaryTitle")}
            </h2>
            {credit.balances.length === 0 ? <p className="text-slate-700">{tc("summaryNone")}</p> : <CreditBalances balances={credit.balances} locale={locale} timeZone={store.timeZone} compact />}
            <a href={href("/account/credit")} className="mt-2 inline-block text-sm font-medium text-brand-700 underline">
              {tc("summaryLink")}
            </a>
          </section>
          <div>
            <h2 className="text-lg font-semibold">{ta("rewards")}</h2>
            {!program || program.rewards.length === 0 ? (
              <p className="text-slate-600">{ta("noRewards")}</p>
            ) : (
              <ul className="mt-2 flex flex-col gap-3" data-testid="loyalty-rewards">
                {program.rewards.map((reward) => {
                  const ready = rewardReach(card.balance, reward.cost) === "READY";
                  const progress = rewardProgress(card.balance, reward.cost);
                  return (
                    <li key={reward.id} className="rounded-lg border border-slate-200 p-3">
                      <div className="flex justify-between gap-2">
                        <span className="font-medium">{reward.name}</span>
                        <span className="text-sm text-slate-600">{ta("cost", { count: reward.cost, unit })}</span>
                      </div>
                      {reward.description && <p className="text-sm text-slate-600">{reward.description}</p>}
                      <div className="mt-2 h-2 rounded bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress} aria-label={reward.name}>
                        <div className="h-2 rounded bg-brand-600" style={{ width: `${progress}%` }} />
                      </div>
                      <p className="mt-1 text-sm font-medium">{ready ? ta("ready") : ta("toGo", { count: reward.cost - card.balance, unit })}</p>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        </div>
      </div>
      <div>
        <h2 className="mb-2 text-lg font-semibold">{ta("history")}</h2>
        <HistoryTable
          rows={card.ledger}
          formatDate={(d) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" })}
          labels={{
            date: ta("date"),
            what: ta("what"),
            store: ta("store"),
            amount: ta("amountCol"),
            online: ta("online"),
            empty: ta("noHistory"),
            kinds: { EARN: t("kinds.EARN"), REDEEM: t("kinds.REDEEM"), BONUS: t("kinds.BONUS"), REVERSAL: t("kinds.REVERSAL"), RELEASE: t("kinds.RELEASE"), REFUND: t("kinds.REFUND") },
            reversed: t("kinds.REVERSAL"),
          }}
        />
      </div>
    </section>
  );
}
