import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { formatterFor } from "@/lib/i18n/format";
import { OrderSummary } from "@/components/checkout/order-summary";
import { CardDeliveries } from "@/components/gift-cards/card-deliveries";
import { CardDeliveryForms } from "@/components/gift-cards/card-delivery-forms";
import { OrderActionButton } from "@/components/orders/order-action-button";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { RequestFromOrderButton } from "@/components/payment-requests/request-actions";
import { RefundForm } from "@/components/orders/refund-form";
import { MerchantRefundsList, PartlyRefunded } from "@/components/orders/refunds-list";
import { requireStoreAccess } from "@/lib/auth/loaders";
import { hasRole } from "@/lib/auth/types";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { changeCardRecipientAction, resendCardDeliveryAction } from "@/lib/gift-cards/delivery-actions";
import { findOrderCardDeliveries } from "@/lib/gift-cards/delivery-data";
import { currencyDigits, formatMoney, minorToDecimal } from "@/lib/money";
import { fulfillOrderAction } from "@/lib/orders/actions";
import { refundOrderAction } from "@/lib/payments/actions";
import { findRefundNotes, findStoreOrder } from "@/lib/orders/data";
import { requestFromOrderAction } from "@/lib/payment-requests/actions";
import { loadOrderConversion } from "@/lib/payment-requests/loaders";
import { REFUND_REASON_MAX } from "@/lib/orders/schema";
import { PAYMENT_MINIMUM_CENTS } from "@/lib/payments/minimum";

type Props = { params: Promise<{ locale: string; merchantId: string; storeId: string; orderId: string }> };

async function load(params: Props["params"]) {
  const { merchantId, storeId, orderId } = await params;
  const access = await requireStoreAccess(merchantId, storeId);
  const order = await findStoreOrder(access.merchantId, access.store.id, orderId);
  if (!order) notFound();
  return { access, order };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { order } = await load(params);
  const t = await getTranslations("Orders.merchant");
  return { title: t("detailTitle", { number: order.number }) };
}

/** One order of the store: what was sold, to whom, and the fulfil / refund actions the role allows. */
export default async function MerchantOrderPage({ params }: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const { access, order } = await load(params);
  const [t, tCards, tRequest, format, giftCards, refundNotes, convertible] = await Promise.all([
    getTranslations("Orders.merchant"),
    getTranslations("GiftCards.delivery"),
    getTranslations("PaymentRequests.merchant.fromOrder"),
    formatterFor(locale, access.store.timeZone),
    findOrderCardDeliveries(access.merchantId, order.id, new Date(), access.store.id),
    findRefundNotes(access.merchantId, access.store.id, order.id),
    loadOrderConversion(access.merchantId, access.store.id, order.id),
  ]);
  const canManageCards = hasRole(access.role, "MANAGER");
  const cardLabels = {
    change: tCards("manage.change"),
    name: tCards("manage.name"),
    email: tCards("manage.email"),
    save: tCards("manage.save"),
    saved: tCards("manage.saved"),
    resend: tCards("manage.resend"),
    resent: tCards("manage.resent"),
    onlyBefore: tCards("manage.onlyBefore"),
  };
  const address = order.shippingAddress as { name?: string; line1?: string; line2?: string | null; postalCode?: string; city?: string; country?: string } | null;
  const paid = order.status === "PAID" || order.status === "FULFILLED";
  const money = (cents: number) => formatMoney(cents, order.currency, locale);
  const canRefund = paid && hasRole(access.role, "MANAGER") && order.refundableCents > 0;
  return (
    <section aria-labelledby="order-title" className="flex flex-col gap-6">
      <header className="flex flex-wrap items-center gap-3">
        <h1 id="order-title" className="text-2xl font-bold tracking-tight">
          {t("detailTitle", { number: order.number })}
        </h1>
        <OrderStatusBadge status={order.status} locale={locale} />
        <PartlyRefunded order={order} locale={locale} />
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 p-4 wrap-anywhere">
        <dt className="font-medium text-slate-700">{t("customer")}</dt>
        <dd>{order.email}</dd>
        <dt className="font-medium text-slate-700">{t("date")}</dt>
        <dd>{format.dateTime(order.createdAt, { dateStyle: "long", timeStyle: "short" })}</dd>
        <dt className="font-medium text-slate-700">{t("payment")}</dt>
        <dd data-testid="order-payment">
          {order.paymentWaived
            ? t("paymentWaived", { minimum: formatMoney(PAYMENT_MINIMUM_CENTS, order.currency, locale) })
            : t(`providers.${order.paymentProvider}`)}
        </dd>
        <dt className="font-medium text-slate-700">{t("transactionId")}</dt>
        <dd className="break-all font-mono text-sm">{order.transactionId}</dd>
        {address?.line1 && (
          <>
            <dt className="font-medium text-slate-700">{t("shipTo")}</dt>
            <dd className="whitespace-pre-line">
              {[address.name, address.line1, address.line2, `${address.postalCode ?? ""} ${address.city ?? ""}`.trim(), address.country].filter(Boolean).join("\n")}
            </dd>
          </>
        )}
      </dl>
      <OrderSummary
        headingId="order-summary"
        lines={order.lines}
        subtotalCents={order.subtotalCents}
        discounts={order.discounts}
        totalCents={order.totalCents}
        tenders={order.tenders}
        currency={order.currency}
        locale={locale}
      />
      <CardDeliveries
        cards={giftCards}
        locale={locale}
        timeZone={access.store.timeZone}
        headingId="gift-cards-title"
        manage={
          canManageCards
            ? (card) => (
                <CardDeliveryForms
                  cardId={card.cardId}
                  recipient={{ name: card.recipientName ?? "", email: card.recipientEmail ?? "" }}
                  changeable={card.recipientChangeable}
                  changeAction={changeCardRecipientAction.bind(null, access.merchantId, access.store.id)}
                  resendAction={resendCardDeliveryAction.bind(null, access.merchantId, access.store.id)}
                  labels={cardLabels}
                />
              )
            : undefined
        }
      />
      <div className="flex flex-wrap gap-6">
        {order.status === "PAID" && (
          <OrderActionButton
            action={fulfillOrderAction.bind(null, access.merchantId, access.store.id)}
            orderId={order.id}
            label={t("fulfill")}
            pendingLabel={t("fulfilling")}
            doneLabel={t("actionDone")}
          />
        )}
      </div>
      {convertible && (
        <section aria-labelledby="from-order-title" className="flex flex-col gap-2 rounded-lg border border-slate-200 p-4">
          <h2 id="from-order-title" className="text-lg font-semibold">
            {tRequest("title")}
          </h2>
          <RequestFromOrderButton
            action={requestFromOrderAction.bind(null, access.merchantId)}
            orderId={order.id}
            labels={{ submit: tRequest("submit"), submitting: tRequest("submitting"), hint: tRequest("hint") }}
          />
        </section>
      )}
      {canRefund && (
        <RefundForm
          action={refundOrderAction.bind(null, access.merchantId, access.store.id)}
          orderId={order.id}
          idempotencyKey={randomUUID()}
          lines={order.lines.map((line) => ({ id: line.id, title: line.title, quantity: line.quantity, refundedQuantity: line.refundedQuantity }))}
          reasonMax={REFUND_REASON_MAX}
          labels={{
            title: t("refundForm.title"),
            refundable: t("refundForm.refundable", { left: money(order.refundableCents), total: money(order.refundableCents + order.refundedCents) }),
            modeLegend: t("refundForm.modeLegend"),
            modeLines: t("refundForm.modeLines"),
            modeAmount: t("refundForm.modeAmount"),
            modeAll: t("refundForm.modeAll", { amount: money(order.refundableCents) }),
            item: t("refundForm.item"),
            ordered: t("refundForm.ordered"),
            alreadyRefunded: t("refundForm.alreadyRefunded"),
            units: t("refundForm.units"),
            unitsOf: Object.fromEntries(
              order.lines.map((line) => [line.id, t("refundForm.unitsOf", { title: line.title, max: line.quantity - line.refundedQuantity })]),
            ),
            linesHint: t("refundForm.linesHint"),
            amount: t("refundForm.amount", { currency: order.currency }),
            amountHint: t("refundForm.amountHint", { max: minorToDecimal(order.refundableCents, currencyDigits(order.currency)) }),
            destinationLegend: t("refundForm.destinationLegend"),
            toCard: t("refundForm.toCard"),
            toCredit: t("refundForm.toCredit"),
            destinationHint: t("refundForm.destinationHint"),
            restock: t("refundForm.restock"),
            restockHint: t("refundForm.restockHint"),
            reason: t("refundForm.reason"),
            reasonHint: t("refundForm.reasonHint"),
            submit: t("refundForm.submit"),
            submitting: t("refunding"),
            confirm: t("refundForm.confirm"),
            done: t("refundForm.done"),
          }}
        />
      )}
      <MerchantRefundsList order={order} notes={refundNotes} locale={locale} timeZone={access.store.timeZone} />
    </section>
  );
}
