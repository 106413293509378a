import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/locales";
import type { OrderStatus } from "@/lib/orders/data";

const STYLES: Record<OrderStatus, string> = {
  PENDING_PAYMENT: "bg-amber-100 text-amber-900",
  PAID: "bg-emerald-100 text-emerald-900",
  FULFILLED: "bg-sky-100 text-sky-900",
  REFUNDED: "bg-slate-200 text-slate-800",
  CANCELLED: "bg-red-100 text-red-900",
};

export async function OrderStatusBadge({ status, locale }: { status: OrderStatus; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "Orders.status" });
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium ${STYLES[status]}`}>{t(status)}</span>;
}
