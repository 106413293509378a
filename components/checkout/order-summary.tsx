import { getTranslations } from "next-intl/server";
import type { CartTendering } from "@/lib/cart/tendering";
import type { Locale } from "@/lib/locales";
import { formatMoney } from "@/lib/money";

export interface SummaryLine {
  title: string;
  quantity: number;
  totalCents: number;
}

/**
 * A tender paying part of the total: a gift card (`label`: its last four characters), points
 * (`label`: how many) or store credit.
 */
export interface SummaryTender {
  kind: "GIFT_CARD" | "STORE_CREDIT" | "LOYALTY_POINTS";
  label: string;
  amountCents: number;
}

/** What a cart's tenders pay, as summary rows in the order they pay (tenders paying 0 left out). */
export function summaryTenders(tendering: CartTendering): SummaryTender[] {
  const rows: SummaryTender[] = tendering.giftCards.applied.map((card) => ({ kind: "GIFT_CARD", label: card.last4, amountCents: card.amountCents }));
  if (tendering.points?.ok) rows.push({ kind: "LOYALTY_POINTS", label: String(tendering.points.points), amountCents: tendering.points.amountCents });
  if (tendering.storeCredit?.ok) rows.push({ kind: "STORE_CREDIT", label: "", amountCents: tendering.storeCredit.amountCents });
  return rows.filter((row) => row.amountCents > 0);
}

/** The translated name of a tender row ("Gift card ••••WV2D", "500 points", "Store credit"). */
export async function tenderTexts(locale: Locale): Promise<(tender: SummaryTender) => string> {
  const [tg, ts] = await Promise.all([
    getTranslations({ locale, namespace: "GiftCards.redeem" }),
    getTranslations({ locale, namespace: "Checkout.summary" }),
  ]);
  return (tender) =>
    tender.kind === "GIFT_CARD"
      ? tg("paidWith", { last4: tender.label })
      : tender.kind === "LOYALTY_POINTS"
        ? ts("paidWithPoints", { points: Number(tender.label) })
        : ts("paidWithCredit");
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
  const [t, tg, tenderText] = await Promise.all([
    getTranslations({ locale, namespace: "Checkout.summary" }),
    getTranslations({ locale, namespace: "GiftCards.redeem" }),
    tenderTexts(locale),
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
              <div key={`${tender.kind}:${tender.label}`} className="contents" data-testid="summary-tender" data-kind={tender.kind}>
                <dt>{tenderText(tender)}</dt>
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
