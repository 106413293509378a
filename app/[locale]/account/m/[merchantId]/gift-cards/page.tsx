import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { GiftCardAreaNav } from "@/components/gift-card-admin/area-nav";
import { EmptyState } from "@/components/ui/empty-state";
import { loadGiftCardList, requireGiftCardAccess, GIFT_CARD_ROLES } from "@/lib/gift-card-admin/loaders";
import { LIST_STATUSES } from "@/lib/gift-card-admin/rules";
import { formatterFor } from "@/lib/i18n/format";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = {
  params: Promise<{ locale: string; merchantId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId } = await params;
  await requireGiftCardAccess(merchantId, GIFT_CARD_ROLES.view);
  const t = await getTranslations("GiftCardAdmin");
  return { title: t("title") };
}

const fieldClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";

/** The merchant's gift cards, newest first: search, status filter, pages. */
export default async function GiftCardsPage({ params, searchParams }: Props) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const { access, query, page, any, timeZone } = await loadGiftCardList(merchantId, await searchParams);
  const t = await getTranslations("GiftCardAdmin");
  const format = formatterFor(locale, timeZone);
  const base = localizedPath(`/account/m/${encodeURIComponent(access.merchantId)}/gift-cards`, locale, PLATFORM_DEFAULT_LOCALE);
  const pageHref = (n: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (query.status) params.set("status", query.status);
    if (n > 1) params.set("page", String(n));
    const qs = params.toString();
    return qs ? `${base}?${qs}` : base;
  };
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  // A card expires at the start of the day after its last valid day.
  const lastDay = (d: Date) => format.dateTime(new Date(d.getTime() - 1), { dateStyle: "medium" });

  return (
    <section aria-labelledby="gift-cards-title" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 id="gift-cards-title" className="text-xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-sm text-slate-600">{t("lead", { timeZone })}</p>
        <GiftCardAreaNav merchantId={access.merchantId} role={access.role} locale={locale} current="list" />
      </header>

      {any && (
        <form method="get" action={base} className="grid gap-3 rounded-lg border border-slate-200 p-4 sm:grid-cols-[2fr_1fr_auto]" role="search">
          <div>
            <label htmlFor="gift-card-q" className="text-sm font-medium">
              {t("search.q")}
            </label>
            <input id="gift-card-q" name="q" type="search" defaultValue={query.q} maxLength={100} aria-describedby="gift-card-q-hint" className={fieldClass} />
            <p id="gift-card-q-hint" className="mt-1 text-xs text-slate-600">
              {t("search.qHint")}
            </p>
          </div>
          <div>
            <label htmlFor="gift-card-status" className="text-sm font-medium">
              {t("search.status")}
            </label>
            <select id="gift-card-status" name="status" defaultValue={query.status ?? ""} className={fieldClass}>
              <option value="">{t("search.anyStatus")}</option>
              {LIST_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex items-start gap-2 pt-6">
            <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
              {t("search.apply")}
            </button>
            {(query.q || query.status) && (
              <a href={base} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50">
                {t("search.reset")}
              </a>
            )}
          </div>
        </form>
      )}

      {!any ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : page.rows.length === 0 ? (
        <EmptyState>{t("noMatch")}</EmptyState>
      ) : (
        <>
          <p className="text-sm text-slate-600" data-testid="gift-card-total">
            {t("total", { count: page.total })}
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="gift-cards">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  {(["card", "source", "initial", "balance", "currency", "status", "expiry", "recipient", "created"] as const).map((c) => (
                    <th key={c} scope="col" className={`py-2 pr-4 font-medium ${c === "initial" || c === "balance" ? "text-right" : ""}`}>
                      {t(`columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.rows.map((card) => (
                  <tr key={card.id} className="border-b border-slate-100">
                    <td className="py-2 pr-4 font-mono whitespace-nowrap">
                      <a href={`${base}/${encodeURIComponent(card.id)}`} className="text-brand-700 underline">
                        {t("masked", { last4: card.last4 })}
                      </a>
                    </td>
                    <td className="py-2 pr-4">{t(`source.${card.source}`)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(card.initialCents, card.currency, locale)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(card.balanceCents, card.currency, locale)}</td>
                    <td className="py-2 pr-4">{card.currency}</td>
                    <td className="py-2 pr-4">{t(`status.${card.status}`)}</td>
                    <td className="py-2 pr-4">{card.expiresAt ? lastDay(card.expiresAt) : t("never")}</td>
                    <td className="py-2 pr-4">{[card.recipientName, card.recipientEmail].filter(Boolean).join(" · ") || t("none")}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">{date(card.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page.pageCount > 1 && (
            <nav aria-label={t("pagination.label")} className="flex items-center gap-4 text-sm">
              {page.page > 1 && (
                <a href={pageHref(page.page - 1)} rel="prev" className="text-brand-700 underline">
                  {t("pagination.previous")}
                </a>
              )}
              <span>{t("pagination.page", { page: page.page, count: page.pageCount })}</span>
              {page.page < page.pageCount && (
                <a href={pageHref(page.page + 1)} rel="next" className="text-brand-700 underline">
                  {t("pagination.next")}
                </a>
              )}
            </nav>
          )}
        </>
      )}
    </section>
  );
}
