import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { OrderCardDelivery } from "@/lib/gift-cards/delivery-status";
import { formatterFor } from "@/lib/i18n/format";
import type { Locale } from "@/lib/locales";
import { formatMoney } from "@/lib/money";

const STATUS_STYLES: Record<OrderCardDelivery["status"], string> = {
  scheduled: "bg-sky-100 text-sky-900",
  queued: "bg-amber-100 text-amber-900",
  sent: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
};

/**
 * The gift cards of an order and where their delivery stands (the buyer's order pages and the
 * merchant's order page): last four characters, amount, recipient, delivery day and status.
 * `manage` adds the merchant's forms under a card.
 */
export async function CardDeliveries({
  cards,
  locale,
  timeZone,
  headingId,
  headingLevel = 2,
  manage,
}: {
  cards: OrderCardDelivery[];
  locale: Locale;
  timeZone: string;
  headingId: string;
  headingLevel?: 2 | 3;
  manage?: (card: OrderCardDelivery) => ReactNode;
}) {
  if (cards.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "GiftCards.delivery" });
  const format = formatterFor(locale, timeZone);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 p-4" data-testid="gift-card-deliveries">
      <Heading id={headingId} className="mb-2 text-lg font-semibold">
        {t("title")}
      </Heading>
      <ul className="flex flex-col divide-y divide-slate-200">
        {cards.map((card) => (
          <li key={card.cardId} className="flex flex-col gap-2 py-3" data-testid="gift-card-delivery">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm wrap-anywhere">
              <dt className="font-medium text-slate-700">{t("card")}</dt>
              <dd className="font-mono">
                •••• {card.last4}
                {card.source === "BONUS" && <span className="ml-2 font-sans text-slate-600">({t("bonus")})</span>}
              </dd>
              <dt className="font-medium text-slate-700">{t("amount")}</dt>
              <dd className="tabular-nums">{formatMoney(card.amountCents, card.currency, locale)}</dd>
              <dt className="font-medium text-slate-700">{t("recipient")}</dt>
              <dd>{card.recipientName ? `${card.recipientName}${card.recipientEmail ? ` <${card.recipientEmail}>` : ""}` : t("you")}</dd>
              <dt className="font-medium text-slate-700">{t("delivery")}</dt>
              <dd>{card.deliverAt ? format.dateTime(card.deliverAt, { dateStyle: "long" }) : t("atOnce")}</dd>
              <dt className="font-medium text-slate-700">{t("status")}</dt>
              <dd>
                <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[card.status]}`}>{t(`statuses.${card.status}`)}</span>
              </dd>
            </dl>
            {manage?.(card)}
          </li>
        ))}
      </ul>
    </section>
  );
}
