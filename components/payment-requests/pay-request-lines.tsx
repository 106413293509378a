import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/locales";
import { formatMoney } from "@/lib/money";

export interface PayRequestLine {
  id: string;
  title: string;
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
}

/** What a payment request bills, line by line (title, quantity, unit price, total), and its total. */
export async function PayRequestLines({
  lines,
  totalCents,
  currency,
  locale,
  headingId,
}: {
  lines: PayRequestLine[];
  totalCents: number;
  currency: string;
  locale: Locale;
  headingId: string;
}) {
  const t = await getTranslations({ locale, namespace: "PaymentRequests.pay" });
  const money = (cents: number) => formatMoney(cents, currency, locale);
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 p-4">
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
        {t("linesTitle")}
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="pay-request-lines">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("columns.title")}
              </th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">
                {t("columns.quantity")}
              </th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">
                {t("columns.unitPrice")}
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                {t("columns.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.id} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-4 wrap-anywhere">{line.title}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{line.quantity}</td>
                <td className="py-2 pr-4 text-right whitespace-nowrap tabular-nums">{money(line.unitPriceCents)}</td>
                <td className="py-2 text-right whitespace-nowrap tabular-nums">{money(line.totalCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3} className="pt-3 pr-4 text-right font-semibold">
                {t("total")}
              </th>
              <td className="pt-3 text-right font-semibold whitespace-nowrap tabular-nums" data-testid="pay-request-total">
                {money(totalCents)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
