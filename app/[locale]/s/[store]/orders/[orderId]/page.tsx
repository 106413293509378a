import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrderSummary } from "@/components/checkout/order-summary";
import { CardDeliveries } from "@/components/gift-cards/card-deliveries";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { BuyerRefundsList, PartlyRefunded } from "@/components/orders/refunds-list";
import { loadBuyerCardDeliveries } from "@/lib/gift-cards/delivery-loaders";
import { loadBuyerOrder } from "@/lib/orders/loaders";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";
import { Alert } from "@/components/ui/alert";

type Props = {
  params: Promise<{ locale: string; store: string; orderId: string }>;
  searchParams: Promise<{ token?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "Orders.confirmation" });
  return { title: t("metaTitle"), robots: { index: false } };
}

/** The buyer's order confirmation: guests by the signed link, customers by their session. */
export default async function OrderConfirmationPage({
  params,
  searchParams,
}: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const { orderId } = await params;
  const { token } = await searchParams;
  const order = await loadBuyerOrder(store, orderId, token);
  const t = await getTranslations({ locale, namespace: "Orders.confirmation" });
  const paid = order.status === "PAID" || order.status === "FULFILLED";
  const downloads = paid ? order.lines.filter((l) => l.downloadToken) : [];
  const giftCards = await loadBuyerCardDeliveries(store, [order.id]);
  return (
    <section
      aria-labelledby="order-title"
      className="mx-auto flex max-w-2xl flex-col gap-6"
    >
      <header className="flex flex-col gap-2">
        <h1 id="order-title" className="text-3xl font-bold tracking-tight">
          {paid ? t("thanks") : t("title", { number: order.number })}
        </h1>
        <p className="text-slate-600">
          {t("number", { number: order.number })}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <OrderStatusBadge status={order.status} locale={locale} />
          <PartlyRefunded order={order} locale={locale} />
        </div>
      </header>
      {order.paymentProvider === "NONE" && (
        <Alert tone="success">{t("noPaymentNeeded")}</Alert>
      )}
      {order.status === "PENDING_PAYMENT" && (
        <p className="text-slate-700">{t("awaitingPayment")}</p>
      )}
      {order.status === "CANCELLED" && (
        <p className="text-slate-700">{t("cancelled")}</p>
      )}
      {paid && (
        <p className="text-slate-700">
          {t("emailSent", { email: order.email })}
        </p>
      )}
      {downloads.length > 0 && (
        <section
          aria-labelledby="downloads-title"
          className="rounded-lg border border-slate-200 p-4"
        >
          <h2 id="downloads-title" className="mb-2 text-lg font-semibold">
            {t("downloads")}
          </h2>
          <ul className="flex flex-col gap-1">
            {downloads.map((line) => (
              <li key={line.id}>
                <a
                  className="font-medium text-brand-700 underline"
                  href={`/api/downloads/${line.downloadToken}`}
                >
                  {t("download", { title: line.title })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <BuyerRefundsList order={order} locale={locale} timeZone={store.timeZone} />
      <CardDeliveries cards={giftCards} locale={locale} timeZone={store.timeZone} headingId="gift-cards-title" />
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
    </section>
  );
}
