import { getTranslations } from "next-intl/server";
import { formatterFor } from "@/lib/i18n/format";
import { currencyDigits } from "@/lib/money";
import type { Locale } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { barChart } from "@/lib/reports/chart";
import type { DailySales } from "@/lib/reports/types";

/**
 * Sales per day as a server-rendered SVG bar chart: readable without JavaScript, described for
 * screen readers (each bar has a title), with the same figures as a table below it.
 */
export async function SalesChart({ sales, locale, id }: { sales: DailySales; locale: Locale; id: string }) {
  const t = await getTranslations("Reports.chart");
  // Day keys are calendar days, not instants: shown as the day they name, whatever the zone.
  const format = formatterFor(locale, "UTC");
  const money = (cents: number) => formatMoney(cents, sales.currency, locale);
  const dayLabel = (day: string, style: "short" | "long") =>
    format.dateTime(new Date(`${day}T12:00:00Z`), style === "short" ? { day: "numeric", month: "short", timeZone: "UTC" } : { dateStyle: "full", timeZone: "UTC" });
  const g = barChart(
    sales.days.map((d) => ({ day: d.day, value: d.revenueCents })),
    { minTop: 10 * 10 ** currencyDigits(sales.currency) },
  );
  const total = sales.days.reduce((sum, d) => sum + d.revenueCents, 0);
  const best = sales.days.reduce((a, b) => (b.revenueCents > a.revenueCents ? b : a), sales.days[0]!);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="h-auto w-full max-w-3xl text-slate-500">
        <title id={titleId}>{t("title", { currency: sales.currency })}</title>
        <desc id={descId}>
          {t("summary", { days: sales.days.length, total: money(total), best: dayLabel(best.day, "long"), bestAmount: money(best.revenueCents) })}
        </desc>
        {g.ticks.map((tick) => (
          <g key={tick.y}>
            <line x1={g.plot.left} x2={g.plot.right} y1={tick.y} y2={tick.y} stroke="currentColor" strokeOpacity={0.25} />
            <text x={g.plot.left - 6} y={tick.y + 4} textAnchor="end" fontSize={11} fill="currentColor">
              {money(tick.value)}
            </text>
          </g>
        ))}
        {g.bars.map((bar) => (
          <rect key={bar.day} x={bar.x} y={bar.y} width={bar.width} height={bar.height} className="fill-brand-600">
            <title>{`${dayLabel(bar.day, "long")}: ${money(bar.value)}`}</title>
          </rect>
        ))}
        {g.labelled.map((i) => (
          <text key={g.bars[i]!.day} x={g.bars[i]!.x + g.bars[i]!.width / 2} y={g.height - 8} textAnchor="middle" fontSize={11} fill="currentColor">
            {dayLabel(g.bars[i]!.day, "short")}
          </text>
        ))}
      </svg>
      <figcaption>
        <details>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("showTable")}</summary>
          <table className="mt-2 min-w-[16rem] text-sm">
            <caption className="sr-only">{t("title", { currency: sales.currency })}</caption>
            <thead className="text-left text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-4">{t("day")}</th>
                <th scope="col" className="py-1 pr-4 text-right">{t("orders")}</th>
                <th scope="col" className="py-1 text-right">{t("sales")}</th>
              </tr>
            </thead>
            <tbody>
              {sales.days.map((d) => (
                <tr key={d.day} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pr-4 text-left font-normal">
                    <time dateTime={d.day}>{dayLabel(d.day, "long")}</time>
                  </th>
                  <td className="py-1 pr-4 text-right tabular-nums">{d.orders}</td>
                  <td className="py-1 text-right tabular-nums">{money(d.revenueCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
