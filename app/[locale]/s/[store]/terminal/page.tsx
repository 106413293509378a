import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { formatterFor } from "@/lib/i18n/format";
import { HistoryTable } from "@/components/loyalty/history-table";
import { QrScanner } from "@/components/loyalty/qr-scanner";
import { TerminalTabs } from "@/components/loyalty/terminal-tabs";
import {
  EarnForm,
  RedeemButton,
  ReverseForm,
} from "@/components/loyalty/terminal-forms";
import { hasRole } from "@/lib/auth/types";
import { earnAction, redeemAction, reverseAction } from "@/lib/loyalty/actions";
import {
  findActiveProgram,
  findCardId,
  findCardView,
} from "@/lib/loyalty/data";
import { requireTerminalAccess } from "@/lib/loyalty/loaders";
import { canReverse, rewardReach } from "@/lib/loyalty/rules";
import { formatBirthday, parseLookup } from "@/lib/loyalty/schema";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";
import { Alert } from "@/components/ui/alert";

type Props = {
  params: Promise<{ locale: string; store: string }>;
  searchParams: Promise<{ q?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "Terminal" });
  return { title: t("metaTitle"), robots: { index: false } };
}

/**
 * The staff terminal on a storefront host: find a card by number, email or QR code, then earn,
 * redeem, and (managers) reverse. Only members of this store's merchant get past the gate; a
 * card of another merchant is simply not found.
 */
export default async function TerminalPage({ params, searchParams }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const href = (path: string) =>
    localizedPath(path, locale, store.defaultLocale);
  const rawQuery = (await searchParams).q;
  const query =
    (Array.isArray(rawQuery) ? rawQuery[0] : rawQuery)?.slice(0, 254) ?? "";
  const access = await requireTerminalAccess(store, locale, {
    from: query
      ? `${href("/terminal")}?${new URLSearchParams({ q: query })}`
      : href("/terminal"),
  });
  const [t, tl, tg, format, program] = await Promise.all([
    getTranslations("Terminal"),
    getTranslations("Loyalty"),
    getTranslations("GiftCards.terminal"),
    formatterFor(locale, store.timeZone),
    findActiveProgram(store.merchantId, locale, store.defaultLocale),
  ]);

  let problem: string | null = null;
  let card = null;
  if (query.trim()) {
    const lookup = parseLookup(query);
    if (!lookup) problem = tl("errors.invalidCard");
    else {
      const cardId = await findCardId(store.merchantId, lookup);
      card = cardId
        ? await findCardView(store.merchantId, cardId, locale, 10)
        : null;
      if (!card) problem = t("notFound", { query: query.trim() });
    }
  }
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const isManager = hasRole(access.role, "MANAGER");

  return (
    <section aria-labelledby="terminal-title" className="flex flex-col gap-6">
      <header>
        <h1 id="terminal-title" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="mt-1 text-slate-600">
          {t("lead", { store: store.name, email: access.email })}
        </p>
      </header>
      <TerminalTabs
        current="loyalty"
        label={tg("sections")}
        links={{
          loyalty: { href: href("/terminal"), text: tg("loyaltyTab") },
          giftCards: { href: href("/terminal/gift-cards"), text: tg("giftCardsTab") },
        }}
      />
      {!program ? (
        <Alert tone="warning" role="alert">
          {t("noProgram")}
        </Alert>
      ) : (
        <>
          <form
            method="get"
            action={href("/terminal")}
            className="flex flex-wrap items-end gap-3"
            role="search"
          >
            <div className="flex min-w-64 flex-1 flex-col gap-1">
              <label htmlFor="terminal-q" className="text-sm font-medium">
                {t("search")}
              </label>
              <input
                id="terminal-q"
                name="q"
                defaultValue={query}
                autoComplete="off"
                autoFocus={!card}
                className="rounded-md border border-slate-300 px-3 py-2 font-mono"
              />
            </div>
            <button
              type="submit"
              className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
            >
              {t("find")}
            </button>
            <QrScanner
              labels={{
                scan: t("scan"),
                stop: t("scanStop"),
                unsupported: t("scanUnsupported"),
                denied: t("scanDenied"),
              }}
            />
          </form>
          {problem && (
            <Alert tone="warning" role="alert" data-testid="terminal-problem">
              {problem}
            </Alert>
          )}
          {card && (
            <div
              className="grid grid-cols-1 gap-6 lg:grid-cols-2"
              data-testid="terminal-card"
            >
              <div className="flex flex-col gap-4">
                <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 p-4 wrap-anywhere">
                  <dt className="font-medium text-slate-700">
                    {tl("card.number")}
                  </dt>
                  <dd className="font-mono">{card.number}</dd>
                  <dt className="font-medium text-slate-700">{t("name")}</dt>
                  <dd>{card.customer.name ?? t("none")}</dd>
                  <dt className="font-medium text-slate-700">{t("email")}</dt>
                  <dd>{card.customer.email}</dd>
                  <dt className="font-medium text-slate-700">{t("phone")}</dt>
                  <dd>{card.customer.phone ?? t("none")}</dd>
                  <dt className="font-medium text-slate-700">
                    {t("birthday")}
                  </dt>
                  <dd>
                    {card.customer.birthday
                      ? formatBirthday(card.customer.birthday, locale)
                      : t("none")}
                  </dd>
                  <dt className="font-medium text-slate-700">{t("balance")}</dt>
                  <dd
                    className="text-xl font-bold tabular-nums"
                    data-testid="terminal-balance"
                  >
                    {tl("amount", { count: card.balance, unit: program.type })}
                  </dd>
                </dl>
                <div className="rounded-lg border border-slate-200 p-4">
                  <h2 className="mb-3 text-lg font-semibold">{t("earn")}</h2>
                  <EarnForm
                    action={earnAction.bind(null, card.id)}
                    mode={program.type}
                    labels={{
                      submit:
                        program.type === "STAMPS"
                          ? t("visit", {
                              count: program.stampsPerVisit ?? 1,
                              unit: "STAMPS",
                            })
                          : t("addPoints"),
                      pending: t("pending"),
                      spend: t("spend", { currency: store.currency }),
                    }}
                  />
                </div>
                <div className="rounded-lg border border-slate-200 p-4">
                  <h2 className="mb-3 text-lg font-semibold">{t("rewards")}</h2>
                  {program.rewards.length === 0 ? (
                    <p className="text-slate-600">{t("noRewards")}</p>
                  ) : (
                    <ul
                      className="flex flex-col gap-3"
                      data-testid="terminal-rewards"
                    >
                      {program.rewards.map((reward) => {
                        const reach = rewardReach(card.balance, reward.cost);
                        return (
                          <li
                            key={reward.id}
                            className="flex flex-wrap items-start justify-between gap-2"
                            data-reach={reach}
                          >
                            <div>
                              <p className="font-medium">{reward.name}</p>
                              <p className="text-sm text-slate-600">
                                {tl("amount", {
                                  count: reward.cost,
                                  unit: program.type,
                                })}{" "}
                                · {t(`reach.${reach}`)}
                              </p>
                            </div>
                            <RedeemButton
                              action={redeemAction.bind(
                                null,
                                card.id,
                                reward.id,
                              )}
                              disabled={reach !== "READY"}
                              labels={{
                                submit: t("redeem"),
                                pending: t("pending"),
                                name: reward.name,
                                confirm: t("confirmRedeem", {
                                  reward: reward.name,
                                  cost: tl("amount", {
                                    count: reward.cost,
                                    unit: program.type,
                                  }),
                                }),
                                yes: t("confirmRedeemYes"),
                                no: t("confirmRedeemNo"),
                              }}
                            />
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </div>
              </div>
              <div>
                <h2 className="mb-3 text-lg font-semibold">{t("history")}</h2>
                <HistoryTable
                  rows={card.ledger}
                  formatDate={when}
                  labels={{
                    date: tl("account.date"),
                    what: tl("account.what"),
                    store: tl("account.store"),
                    amount: tl("account.amountCol"),
                    online: tl("account.online"),
                    empty: t("noHistory"),
                    kinds: {
                      EARN: tl("kinds.EARN"),
                      REDEEM: tl("kinds.REDEEM"),
                      BONUS: tl("kinds.BONUS"),
                      REVERSAL: tl("kinds.REVERSAL"),
                      RELEASE: tl("kinds.RELEASE"),
                      REFUND: tl("kinds.REFUND"),
                    },
                    reversed: t("isReversed"),
                  }}
                  extra={{
                    header: tl("merchant.staff"),
                    cell: (row) => row.staffEmail ?? t("none"),
                  }}
                  actions={
                    isManager
                      ? (row) =>
                          canReverse(row) ? (
                            <ReverseForm
                              action={reverseAction.bind(null, row.id)}
                              reversed={row.reversed}
                              labels={{
                                open: t("reverse"),
                                submit: t("reverseConfirm"),
                                pending: t("pending"),
                                reason: t("reverseReason"),
                              }}
                            />
                          ) : null
                      : undefined
                  }
                />
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
