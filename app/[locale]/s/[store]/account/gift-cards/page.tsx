import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { validThrough } from "@/lib/gift-cards/display";
import { loadCustomerGiftCards } from "@/lib/gift-cards/loaders";
import { visibleStatus } from "@/lib/gift-cards/rules";
import { formatterFor } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/money";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; store: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "GiftCards.account" });
  return { title: t("metaTitle") };
}

/** The signed-in customer's gift cards at this merchant: those they bought and those they received. */
export default async function CustomerGiftCardsPage({ params }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const cards = await loadCustomerGiftCards(store, locale);
  const [t, tStatus] = await Promise.all([getTranslations("GiftCards.account"), getTranslations("GiftCards.cardStatus")]);
  const format = formatterFor(locale, store.timeZone);
  const now = new Date();
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long" });
  return (
    <section aria-labelledby="gift-cards-title" className="mx-auto flex max-w-3xl flex-col gap-6">
      <header>
        <h1 id="gift-cards-title" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="mt-1 text-slate-600">{t("lead", { merchant: store.merchantName })}</p>
      </header>
      {cards.length === 0 ? (
        <EmptyState>{t("empty", { merchant: store.merchantName })}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-4" data-testid="gift-cards">
          {cards.map((card) => {
            const status = visibleStatus(card, now);
            return (
              <li key={card.id} className="rounded-lg border border-slate-200 p-4" data-testid="gift-card" data-last4={card.last4}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="text-lg font-semibold">{t("cardTitle", { last4: card.last4 })}</h2>
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-700">{card.bought ? t("bought") : t("received")}</span>
                </div>
                <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm wrap-anywhere">
                  <dt className="font-medium text-slate-700">{t("balance")}</dt>
                  <dd className="font-bold tabular-nums">{formatMoney(card.balanceCents, card.currency, locale)}</dd>
                  <dt className="font-medium text-slate-700">{t("amount")}</dt>
                  <dd className="tabular-nums">{formatMoney(card.initialCents, card.currency, locale)}</dd>
                  <dt className="font-medium text-slate-700">{t("status")}</dt>
                  <dd data-status={status}>{tStatus(status)}</dd>
                  <dt className="font-medium text-slate-700">{t("validUntil")}</dt>
                  <dd>{card.expiresAt ? day(validThrough(card.expiresAt)) : t("noExpiry")}</dd>
                  {card.bought && (
                    <>
                      <dt className="font-medium text-slate-700">{t("recipient")}</dt>
                      <dd>{card.recipientEmail ? [card.recipientName, card.recipientEmail].filter(Boolean).join(" · ") : t("forYou")}</dd>
                      <dt className="font-medium text-slate-700">{t("delivery")}</dt>
                      <dd>{card.deliverAt ? day(card.deliverAt) : t("onPayment")}</dd>
                    </>
                  )}
                </dl>
              </li>
            );
          })}
        </ul>
      )}
      <a href={localizedPath("/gift-cards/balance", locale, store.defaultLocale)} className="self-start font-medium text-brand-700 underline">
        {t("checkBalance")}
      </a>
    </section>
  );
}
