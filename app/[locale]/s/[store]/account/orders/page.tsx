import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { formatterFor } from "@/lib/i18n/format";
import { CardDeliveries } from "@/components/gift-cards/card-deliveries";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { loadBuyerCardDeliveries } from "@/lib/gift-cards/delivery-loaders";
import { formatMoney } from "@/lib/money";
import { loadCustomerOrders } from "@/lib/orders/loaders";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; store: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "Orders.account" });
  return { title: t("metaTitle") };
}

/** The signed-in customer's orders in this store. */
export default async function CustomerOrdersPage({ params }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const orders = await loadCustomerOrders(store, locale);
  const giftCards = await loadBuyerCardDeliveries(
    store,
    orders.map((o) => o.id),
  );
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "Orders.account" }), formatterFor(locale, store.timeZone)]);
  return (
    <section aria-labelledby="orders-title" className="mx-auto flex max-w-3xl flex-col gap-6">
      <h1 id="orders-title" className="text-3xl font-bold tracking-tight">
        {t("title")}
      </h1>
      {orders.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
          {orders.map((order) => (
            <li key={order.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div>
                <a href={localizedPath(`/orders/${order.id}`, locale, store.defaultLocale)} className="font-medium text-brand-700 underline">
                  {t("order", { number: order.number })}
                </a>
                <p className="text-sm text-slate-600">{format.dateTime(order.createdAt, { dateStyle: "medium" })}</p>
              </div>
              <OrderStatusBadge status={order.status} locale={locale} />
              <span className="tabular-nums">{formatMoney(order.totalCents, order.currency, locale)}</span>
              {giftCards.some((c) => c.orderId === order.id) && (
                <div className="basis-full">
                  <CardDeliveries
                    cards={giftCards.filter((c) => c.orderId === order.id)}
                    locale={locale}
                    timeZone={store.timeZone}
                    headingId={`gift-cards-${order.id}`}
                    headingLevel={3}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
