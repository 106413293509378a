import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/locales";
import { formatMoney } from "@/lib/money";

export interface SummaryLine {
  title: string;
  quantity: number;
  totalCents: number;
}

/** A gift card (or another tender) paying part of the total; `label` is the card's last four characters. */
export interface SummaryTender {
  label: string;
  amountCents: number;
}

/**
 * Lines, subtotal, each discount and the total, then what tenders paid and the amount due: the
 * checkout page and the order pages share it.
 */
export async function OrderSummary({
  lines,
  subtotalCents,
  discounts,
  totalCents,
  tenders = [],
  currency,
  locale,
  headingId,
}: {
  lines: SummaryLine[];
  subtotalCents: number;
  discounts: Array<{ code: string; amountCents: number }>;
  totalCents: number;
  tenders?: SummaryTender[];
  currency: string;
  locale: Locale;
  headingId: string;
}) {
  const [t, tg] = await Promise.all([
    getTranslations({ locale, namespace: "Checkout.summary" }),
    getTranslations({ locale, namespace: "GiftCards.redeem" }),
  ]);
  const tenderedCents = tenders.reduce((sum, tender) => sum + tender.amountCents, 0);
  const money = (cents: number) => formatMoney(cents, currency, locale);
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 p-4">
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
        {t("title")}
      </h2>
      <ul className="flex flex-col gap-2">
        {lines.map((line, index) => (
          <li key={index} className="flex justify-between gap-4">
            <span className="min-w-0 wrap-anywhere">{t("line", { quantity: line.quantity, title: line.title })}</span>
            <span className="tabular-nums">{money(line.totalCents)}</span>
          </li>
        ))}
      </ul>
      <dl className="mt-4 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 border-t border-slate-200 pt-3">
        <dt>{t("subtotal")}</dt>
        <dd className="text-right tabular-nums" data-testid="summary-subtotal">
          {money(subtotalCents)}
        </dd>
        {discounts.map((discount) => (
          <div key={discount.code} className="contents">
            <dt>{t("discount", { code: discount.code })}</dt>
            <dd className="text-right tabular-nums">−{money(discount.amountCents)}</dd>
          </div>
        ))}
        <dt className="font-semibold">{t("total")}</dt>
        <dd className="text-right font-semibold tabular-nums" data-testid="summary-total">
          {money(totalCents)}
        </dd>
        {tenders.length > 0 && (
          <>
            {tenders.map((tender) => (
              <div key={tender.label} className="contents" data-testid="summary-tender">
                <dt>{tg("paidWith", { last4: tender.label })}</dt>
                <dd className="text-right tabular-nums">−{money(tender.amountCents)}</dd>
              </div>
            ))}
            <dt className="font-semibold">{tg("amountDue")}</dt>
            <dd className="text-right font-semibold tabular-nums" data-testid="summary-amount-due">
              {money(totalCents - tenderedCents)}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
