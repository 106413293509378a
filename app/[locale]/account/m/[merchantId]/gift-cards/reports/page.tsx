import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { GiftCardAreaNav } from "@/components/gift-card-admin/area-nav";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { GIFT_CARD_ROLES, loadGiftCardReport, requireGiftCardAccess } from "@/lib/gift-card-admin/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = {
  params: Promise<{ locale: string; merchantId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId } = await params;
  await requireGiftCardAccess(merchantId, GIFT_CARD_ROLES.report, "/gift-cards/reports");
  const t = await getTranslations("GiftCardAdmin.reports");
  return { title: t("title") };
}

const fieldClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";

/** Gift cards sold, issued, redeemed and expired per currency over a period, and what is owed now. */
export default async function GiftCardReportsPage({ params, searchParams }: Props) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const sp = await searchParams;
  const { access, view } = await loadGiftCardReport(merchantId, sp);
  const t = await getTranslations("GiftCardAdmin.reports");
  const tr = await getTranslations("Reports");
  const base = localizedPath(`/account/m/${encodeURIComponent(access.merchantId)}/gift-cards`, locale, PLATFORM_DEFAULT_LOCALE);
  const raw1 = (key: string) => (typeof sp[key] === "string" ? (sp[key] as string).slice(0, 32) : "");
  const values = view.ok ? view.period : { from: raw1("from"), to: raw1("to") };
  const exportHref = (kind: "cards" | "ledger") => `${base}/export?${new URLSearchParams(view.ok ? { kind, from: view.period.from, to: view.period.to } : { kind })}`;

  return (
    <section aria-labelledby="gift-card-reports-title" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <GiftCardAreaNav merchantId={access.merchantId} role={access.role} locale={locale} current="reports" />
        <h1 id="gift-card-reports-title" className="text-xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-sm text-slate-600">{t("lead", { timeZone: view.timeZone })}</p>
      </header>
      <form method="get" action={`${base}/reports`} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 p-4">
        <fieldset className="contents">
          <legend className="sr-only">{t("legend")}</legend>
          <div>
            <label htmlFor="report-from" className="text-sm font-medium">
              {t("from")}
            </label>
            <input id="report-from" name="from" type="date" defaultValue={values.from} className={fieldClass} />
          </div>
          <div>
            <label htmlFor="report-to" className="text-sm font-medium">
              {t("to")}
            </label>
            <input id="report-to" name="to" type="date" defaultValue={values.to} className={fieldClass} />
          </div>
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t("show")}
          </button>
        </fieldset>
      </form>
      <div className="flex flex-wrap gap-3 text-sm">
        <a href={exportHref("cards")} className="font-medium text-brand-700 underline">
          {t("exportCards")}
        </a>
        {view.ok && (
          <a href={exportHref("ledger")} className="font-medium text-brand-700 underline">
            {t("exportLedger")}
          </a>
        )}
      </div>
      {!view.ok ? (
        <Alert tone="error">{tr(`errors.${view.error}`)}</Alert>
      ) : view.currencies.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        view.currencies.map((c) => {
          const money = (cents: number) => formatMoney(cents, c.currency, locale);
          const rows: Array<[string, string, number | null, number]> = [
            ["sold", t("sold"), c.sold.count, c.sold.cents],
            ["bonus", t("bonus"), c.bonus.count, c.bonus.cents],
            ["manual", t("manual"), c.manual.count, c.manual.cents],
            ["redeemed", t("redeemed"), null, c.redeemedCents],
            ["adjusted", t("adjusted"), null, c.adjustedCents],
            ["expired", t("expired"), null, c.expiredCents],
            ["liability", t("liability"), c.liabilityCards, c.liabilityCents],
          ];
          return (
            <section key={c.currency} aria-labelledby={`gift-cards-${c.currency}`} className="flex flex-col gap-3">
              <h2 id={`gift-cards-${c.currency}`} className="text-lg font-semibold">
                {t("currencyTitle", { currency: c.currency })}
              </h2>
              <table className="w-full max-w-2xl text-left text-sm" data-testid={`gift-card-report-${c.currency}`}>
                <thead className="border-b border-slate-200 text-slate-600">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">{t("figure")}</th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium">{t("cards")}</th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium">{t("amount")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(([key, label, count, cents]) => (
                    <tr key={key} className="border-b border-slate-100" data-figure={key}>
                      <th scope="row" className="py-2 pr-4 font-normal">{label}</th>
                      <td className="py-2 pr-4 text-right tabular-nums">{count ?? ""}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{money(cents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="max-w-2xl text-xs text-slate-600">{t("liabilityNote")}</p>
            </section>
          );
        })
      )}
    </section>
  );
}
