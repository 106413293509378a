import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { GiftCardLedgerTable } from "@/components/gift-cards/ledger-table";
import { AdjustBalanceForm, CounterDebitForm, GiftCardLookupForm, ReverseRedemptionForm } from "@/components/gift-cards/terminal-forms";
import { TerminalTabs } from "@/components/loyalty/terminal-tabs";
import { Alert } from "@/components/ui/alert";
import { hasRole } from "@/lib/auth/types";
import { adjustGiftCardAction, findGiftCardAction, redeemGiftCardAction, reverseGiftCardRedemptionAction } from "@/lib/gift-cards/actions";
import { validThrough } from "@/lib/gift-cards/display";
import { loadTerminalGiftCard } from "@/lib/gift-cards/loaders";
import { visibleStatus } from "@/lib/gift-cards/rules";
import { formatterFor } from "@/lib/i18n/format";
import { requireTerminalAccess } from "@/lib/loyalty/loaders";
import { formatMoney } from "@/lib/money";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = {
  params: Promise<{ locale: string; store: string }>;
  searchParams: Promise<{ card?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "GiftCards.terminal" });
  return { title: t("metaTitle"), robots: { index: false } };
}

/**
 * Gift cards at the counter, on a storefront host: find a card of this store's merchant by its
 * code (typed or scanned, posted, never in the address), take an amount off it; managers also
 * reverse a counter redemption and adjust the balance. The address names only the card's id.
 */
export default async function TerminalGiftCardsPage({ params, searchParams }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const href = (path: string) => localizedPath(path, locale, store.defaultLocale);
  const rawCard = (await searchParams).card;
  const cardId = Array.isArray(rawCard) ? rawCard[0] : rawCard;
  const access = await requireTerminalAccess(store, locale, {
    from: cardId ? `${href("/terminal/gift-cards")}?${new URLSearchParams({ card: cardId })}` : href("/terminal/gift-cards"),
  });
  const [t, tStatus, card] = await Promise.all([getTranslations("GiftCards.terminal"), getTranslations("GiftCards.cardStatus"), loadTerminalGiftCard(store, cardId)]);
  const format = formatterFor(locale, store.timeZone);
  const now = new Date();
  const isManager = hasRole(access.role, "MANAGER");
  const usable = card !== null && card.currency === store.currency;
  const status = card ? visibleStatus(card, now) : null;
  const money = (cents: number) => formatMoney(cents, card?.currency ?? store.currency, locale);

  return (
    <section aria-labelledby="terminal-title" className="flex flex-col gap-6">
      <header>
        <h1 id="terminal-title" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="mt-1 text-slate-600">{t("lead", { store: store.name, email: access.email })}</p>
      </header>
      <TerminalTabs
        current="giftCards"
        label={t("sections")}
        links={{ loyalty: { href: href("/terminal"), text: t("loyaltyTab") }, giftCards: { href: href("/terminal/gift-cards"), text: t("giftCardsTab") } }}
      />
      <GiftCardLookupForm
        action={findGiftCardAction}
        autoFocus={!card}
        labels={{ code: t("code"), find: t("find"), pending: t("pending"), scan: t("scan"), stop: t("scanStop"), unsupported: t("scanUnsupported"), denied: t("scanDenied") }}
      />
      {cardId && !card && (
        <Alert tone="warning" role="alert" data-testid="gift-card-missing">
          {t("cardMissing")}
        </Alert>
      )}
      {card && status && (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2" data-testid="gift-card">
          <div className="flex flex-col gap-4">
            <div className="rounded-lg border border-slate-200 p-4">
              <h2 className="mb-3 text-lg font-semibold">{t("cardTitle", { last4: card.last4 })}</h2>
              <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
                <dt className="font-medium text-slate-700">{t("balance")}</dt>
                <dd className="text-xl font-bold tabular-nums" data-testid="gift-card-balance">
                  {money(card.balanceCents)}
                </dd>
                <dt className="font-medium text-slate-700">{t("status")}</dt>
                <dd data-testid="gift-card-status" data-status={status}>
                  {tStatus(status)}
                </dd>
                <dt className="font-medium text-slate-700">{t("validUntil")}</dt>
                <dd>{card.expiresAt ? format.dateTime(validThrough(card.expiresAt), { dateStyle: "long" }) : t("noExpiry")}</dd>
                <dt className="font-medium text-slate-700">{t("currency")}</dt>
                <dd>{card.currency}</dd>
                <dt className="font-medium text-slate-700">{t("initial")}</dt>
                <dd className="tabular-nums">{money(card.initialCents)}</dd>
              </dl>
            </div>
            {!usable ? (
              <Alert tone="warning" role="alert">
                {t("refusals.otherCurrency", { currency: card.currency })}
              </Alert>
            ) : (
              <>
                <div className="rounded-lg border border-slate-200 p-4">
                  <h2 className="mb-3 text-lg font-semibold">{t("redeemTitle")}</h2>
                  {status === "ACTIVE" && card.balanceCents > 0 ? (
                    <CounterDebitForm
                      action={redeemGiftCardAction.bind(null, card.id)}
                      labels={{ amount: t("amount", { currency: store.currency }), submit: t("redeemSubmit"), pending: t("pending") }}
                    />
                  ) : (
                    <Alert tone="warning" role="alert">
                      {t("cannotPay", { status: tStatus(status) })}
                    </Alert>
                  )}
                </div>
                {isManager && (
                  <div className="rounded-lg border border-slate-200 p-4">
                    <h2 className="mb-3 text-lg font-semibold">{t("adjustTitle")}</h2>
                    <AdjustBalanceForm
                      action={adjustGiftCardAction.bind(null, card.id)}
                      labels={{ amount: t("adjustAmount", { currency: store.currency }), hint: t("adjustHint"), reason: t("adjustReason"), submit: t("adjustSubmit"), pending: t("pending") }}
                    />
                  </div>
                )}
              </>
            )}
          </div>
          <div>
            <h2 className="mb-3 text-lg font-semibold">{t("history")}</h2>
            <GiftCardLedgerTable
              rows={card.ledger}
              formatDate={(d) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" })}
              formatMoney={money}
              labels={{
                date: t("date"),
                what: t("what"),
                store: t("store"),
                staff: t("staff"),
                amount: t("amountCol"),
                balanceAfter: t("balanceAfter"),
                online: t("online"),
                empty: t("noHistory"),
                reversal: t("reversal"),
                reversed: t("isReversed"),
                kinds: {
                  ISSUE: t("kinds.ISSUE"),
                  REDEEM: t("kinds.REDEEM"),
                  RELEASE: t("kinds.RELEASE"),
                  REFUND: t("kinds.REFUND"),
                  ADJUST: t("kinds.ADJUST"),
                  EXPIRE: t("kinds.EXPIRE"),
                },
              }}
              actions={
                isManager && usable
                  ? (row) =>
                      row.kind === "REDEEM" && row.orderId === null && !row.reversed ? (
                        <ReverseRedemptionForm
                          action={reverseGiftCardRedemptionAction.bind(null, row.id)}
                          rowId={row.id}
                          labels={{ open: t("reverse"), reason: t("reverseReason"), submit: t("reverseConfirm"), pending: t("pending") }}
                        />
                      ) : null
                  : undefined
              }
            />
          </div>
        </div>
      )}
    </section>
  );
}
