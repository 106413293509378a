import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { formatterFor } from "@/lib/i18n/format";
import { DataTable } from "@/components/layout/data-table";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { requireStoreAccess } from "@/lib/auth/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { listStoreOrders } from "@/lib/orders/data";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; merchantId: string; storeId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId, storeId } = await params;
  const access = await requireStoreAccess(merchantId, storeId);
  const t = await getTranslations("Orders.merchant");
  return { title: `${t("title")} · ${access.store.name}` };
}

/** The store's orders for every member of the store, newest first. */
export default async function MerchantOrdersPage({ params }: Props) {
  const { locale: raw, merchantId, storeId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const access = await requireStoreAccess(merchantId, storeId);
  const [t, format] = await Promise.all([getTranslations("Orders.merchant"), formatterFor(locale, access.store.timeZone)]);
  const orders = await listStoreOrders(access.merchantId, access.store.id);
  const base = `/account/m/${encodeURIComponent(access.merchantId)}/stores/${encodeURIComponent(access.store.id)}/orders`;
  return (
    <section aria-labelledby="orders-title" className="flex flex-col gap-4">
      <h1 id="orders-title" className="text-2xl font-bold tracking-tight">
        {t("title")}
      </h1>
      {orders.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center">
          <p className="font-medium">{t("empty")}</p>
        </div>
      ) : (
        <DataTable columns={[{ label: t("number") }, { label: t("date") }, { label: t("customer") }, { label: t("status") }, { label: t("total"), numeric: true }]}>
          {orders.map((order) => (
            <tr key={order.id}>
              <td className="py-2 pr-4">
                <a href={localizedPath(`${base}/${encodeURIComponent(order.id)}`, locale, PLATFORM_DEFAULT_LOCALE)} className="font-medium text-brand-700 underline">
                  {order.number}
                </a>
              </td>
              <td className="py-2 pr-4">{format.dateTime(order.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
              <td className="py-2 pr-4">{order.email}</td>
              <td className="py-2 pr-4">
                <OrderStatusBadge status={order.status} locale={locale} />
              </td>
              <td className="py-2 text-right tabular-nums">{formatMoney(order.totalCents, order.currency, locale)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
