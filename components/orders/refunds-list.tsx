import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { formatterFor } from "@/lib/i18n/format";
import type { Locale } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import type { OrderDetail, OrderRefund, RefundNote } from "@/lib/orders/data";

const STATUS_STYLES: Record<OrderRefund["status"], string> = {
  PENDING: "bg-amber-100 text-amber-900",
  SETTLED: "bg-emerald-100 text-emerald-900",
  FAILED: "bg-red-100 text-red-900",
};

/** The translated destination of each part of a refund ("To the card", "Gift card •••• WV2D", "500 points"). */
async function partTexts(locale: Locale) {
  const t = await getTranslations({ locale, namespace: "Orders.refunds.to" });
  return (part: OrderRefund["parts"][number]) => {
    switch (part.kind) {
      case "PAYMENT":
        return t("PAYMENT");
      case "STORE_CREDIT":
        return t("STORE_CREDIT");
      case "GIFT_CARD":
        return t("GIFT_CARD", { last4: part.tender?.label ?? "" });
      case "LOYALTY_POINTS":
        return t("LOYALTY_POINTS", { points: part.points ?? 0 });
    }
  };
}

/** "Partly refunded: X" beside the status of an order some refunds gave back part of (nothing otherwise). */
export async function PartlyRefunded({ order, locale }: { order: Pick<OrderDetail, "status" | "refundedCents" | "currency">; locale: Locale }) {
  if (order.refundedCents <= 0 || order.status === "REFUNDED") return null;
  const t = await getTranslations({ locale, namespace: "Orders.refunds" });
  return (
    <span className="text-sm font-medium text-slate-700" data-testid="order-partly-refunded">
      {t("partlyRefunded", { amount: formatMoney(order.refundedCents, order.currency, locale) })}
    </span>
  );
}

/**
 * Every refund of an order for the merchant: number, date (in the store's zone), amount, status,
 * what was asked (card or store credit), who and why, where the money went and the items covered.
 */
export async function MerchantRefundsList({
  order,
  notes,
  locale,
  timeZone,
}: {
  order: Pick<OrderDetail, "refunds" | "lines" | "currency">;
  notes: Map<string, RefundNote>;
  locale: Locale;
  timeZone: string;
}) {
  const [t, tr, partText] = await Promise.all([
    getTranslations({ locale, namespace: "Orders.merchant" }),
    getTranslations({ locale, namespace: "Orders.refunds" }),
    partTexts(locale),
  ]);
  const format = formatterFor(locale, timeZone);
  const money = (cents: number) => formatMoney(cents, order.currency, locale);
  const titleOf = new Map(order.lines.map((line) => [line.id, line.title]));
  return (
    <section aria-labelledby="refunds-title" className="flex flex-col gap-3">
      <h2 id="refunds-title" className="text-lg font-semibold">
        {t("refunds.title")}
      </h2>
      {order.refunds.length === 0 ? (
        <EmptyState>{t("refunds.empty")}</EmptyState>
      ) : (
        <ol className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="refunds-list">
          {[...order.refunds].reverse().map((refund) => {
            const note = notes.get(refund.id);
            return (
              <li key={refund.id} className="flex flex-col gap-2 p-4" data-testid="refund-row" data-status={refund.status}>
                <div className="flex flex-wrap items-center gap-3">
                  <h3 className="font-semibold">{t("refunds.number", { number: refund.number })}</h3>
                  <span className="tabular-nums font-medium">{money(refund.amountCents)}</span>
                  <span className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium ${STATUS_STYLES[refund.status]}`}>{tr(`status.${refund.status}`)}</span>
                  <time dateTime={refund.createdAt.toISOString()} className="text-sm text-slate-600">
                    {format.dateTime(refund.createdAt, { dateStyle: "long", timeStyle: "short" })}
                  </time>
                </div>
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm wrap-anywhere">
                  <dt className="font-medium text-slate-700">{t("refunds.destination")}</dt>
                  <dd>{refund.toStoreCredit ? t("refundForm.toCredit") : t("refundForm.toCard")}</dd>
                  <dt className="font-medium text-slate-700">{tr("wentTo")}</dt>
                  <dd>
                    <ul data-testid="refund-parts">
                      {refund.parts.map((part, index) => (
                        <li key={index} data-kind={part.kind}>
                          {partText(part)}: <span className="tabular-nums">{money(part.amountCents)}</span>
                        </li>
                      ))}
                    </ul>
                  </dd>
                  <dt className="font-medium text-slate-700">{t("refunds.items")}</dt>
                  <dd>
                    {refund.lines.length === 0 ? (
                      t("refunds.noItems")
                    ) : (
                      <ul>
                        {refund.lines.map((line) => (
                          <li key={line.orderLineId}>
                            {t("refunds.itemLine", { quantity: line.quantity, title: titleOf.get(line.orderLineId) ?? "", amount: money(line.amountCents) })}
                          </li>
                        ))}
                        {refund.restock && <li className="text-slate-600">{t("refunds.restocked")}</li>}
                      </ul>
                    )}
                  </dd>
                  <dt className="font-medium text-slate-700">{t("refunds.by")}</dt>
                  <dd>{note?.actorEmail ?? t("refunds.byPlatform")}</dd>
                  <dt className="font-medium text-slate-700">{t("refunds.reason")}</dt>
                  <dd className="whitespace-pre-line">{note?.reason ?? t("refunds.noReason")}</dd>
                </dl>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/**
 * The buyer's view of an order's refunds: amount, date and where the money went for each refund
 * made or on its way (refused ones gave nothing back and are left out). Nothing when there is none.
 */
export async function BuyerRefundsList({
  order,
  locale,
  timeZone,
}: {
  order: Pick<OrderDetail, "refunds" | "currency">;
  locale: Locale;
  timeZone: string;
}) {
  const refunds = order.refunds.filter((refund) => refund.status !== "FAILED");
  if (refunds.length === 0) return null;
  const [t, partText] = await Promise.all([getTranslations({ locale, namespace: "Orders.refunds" }), partTexts(locale)]);
  const format = formatterFor(locale, timeZone);
  const money = (cents: number) => formatMoney(cents, order.currency, locale);
  const toCard = refunds.some((refund) => refund.parts.some((part) => part.kind === "PAYMENT"));
  return (
    <section aria-labelledby="refunds-title" className="rounded-lg border border-slate-200 p-4" data-testid="refunds-list">
      <h2 id="refunds-title" className="mb-2 text-lg font-semibold">
        {t("title")}
      </h2>
      <ul className="flex flex-col divide-y divide-slate-200">
        {refunds.map((refund) => (
          <li key={refund.id} className="flex flex-col gap-1 py-3" data-testid="refund-row" data-status={refund.status}>
            <p className="font-medium">
              {t("refunded", { amount: money(refund.amountCents), date: format.dateTime(refund.createdAt, { dateStyle: "long" }) })}
              {refund.status === "PENDING" && <span className="ml-2 text-sm font-normal text-slate-600">({t("status.PENDING")})</span>}
            </p>
            <ul className="text-sm text-slate-700" aria-label={t("wentTo")}>
              {refund.parts.map((part, index) => (
                <li key={index} data-kind={part.kind}>
                  {partText(part)}: <span className="tabular-nums">{money(part.amountCents)}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {toCard && <p className="mt-2 text-sm text-slate-600">{t("cardDelay")}</p>}
    </section>
  );
}
