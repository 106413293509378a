import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { findMerchantTimeZone } from "@/lib/auth/data";
import { formatterFor } from "@/lib/i18n/format";
import { TotalsChart } from "@/components/loyalty/totals-chart";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { currentWeekStart, findProgram, listMembers, weeklyTotals } from "@/lib/loyalty/data";
import { requireLoyaltyManager } from "@/lib/loyalty/loaders";
import { chartWeeks } from "@/lib/loyalty/totals";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; merchantId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId } = await params;
  await requireLoyaltyManager(merchantId);
  const t = await getTranslations("Loyalty.merchant");
  return { title: t("members") };
}

/** Members with their balances, and what was issued and redeemed per store and week. */
export default async function LoyaltyMembersPage({ params }: Props) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const access = await requireLoyaltyManager(merchantId);
  // The program covers every store of the merchant: its weeks and dates are in the merchant's zone.
  const timeZone = await findMerchantTimeZone(access.merchantId);
  const format = formatterFor(locale, timeZone);
  const [t, tl, program, members, totals, currentWeek] = await Promise.all([
    getTranslations("Loyalty.merchant"),
    getTranslations("Loyalty"),
    findProgram(access.merchantId, locale),
    listMembers(access.merchantId),
    weeklyTotals(access.merchantId, timeZone),
    currentWeekStart(timeZone),
  ]);
  const base = `/account/m/${encodeURIComponent(access.merchantId)}/loyalty`;
  const link = (path: string) => localizedPath(`${base}${path}`, locale, PLATFORM_DEFAULT_LOCALE);
  const unit = program?.type ?? "POINTS";
  const weeks = chartWeeks(totals, currentWeek, 8);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });

  return (
    <section aria-labelledby="members-title" className="flex flex-col gap-8">
      <nav className="text-sm">
        <a href={link("")} className="text-brand-700 underline">
          {t("back")}
        </a>
      </nav>
      <h1 id="members-title" className="text-2xl font-bold tracking-tight">
        {t("members")}
      </h1>
      {members.length === 0 ? (
        <p className="text-slate-600">{t("noMembers")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="loyalty-members">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t("memberName")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("memberEmail")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("memberCard")}</th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">{t("memberBalance")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("memberSince")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.cardId} className="border-b border-slate-100">
                  <td className="py-2 pr-4">{m.name ?? "—"}</td>
                  <td className="py-2 pr-4">{m.email}</td>
                  <td className="py-2 pr-4 font-mono">
                    <a href={link(`/members/${encodeURIComponent(m.cardId)}`)} className="text-brand-700 underline">
                      {m.number}
                    </a>
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums">{tl("amount", { count: m.balance, unit })}</td>
                  <td className="py-2 pr-4">{format.dateTime(m.createdAt, { dateStyle: "medium" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="totals-title" className="flex flex-col gap-4">
        <h2 id="totals-title" className="text-xl font-semibold">
          {t("totals")}
        </h2>
        {totals.length === 0 ? (
          <p className="text-slate-600">{t("noTotals")}</p>
        ) : (
          <>
            <TotalsChart weeks={weeks} label={t("chartLabel")} legend={{ issued: t("issued"), redeemed: t("redeemed") }} />
            <table className="w-full max-w-2xl text-left text-sm" data-testid="loyalty-totals">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">{tl("account.date")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{tl("account.store")}</th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">{t("issued")}</th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">{t("redeemed")}</th>
                </tr>
              </thead>
              <tbody>
                {totals.map((row) => (
                  <tr key={`${row.week}-${row.storeId}`} className="border-b border-slate-100">
                    <td className="py-2 pr-4">{t("week", { date: day(row.week) })}</td>
                    <td className="py-2 pr-4">{row.storeName ?? "—"}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{row.issued}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{row.redeemed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </section>
  );
}
