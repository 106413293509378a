import "server-only";
import { notFound, redirect } from "next/navigation";
import { loadCustomerSession } from "@/lib/auth/loaders";
import type { Locale } from "@/lib/locales";
import type { Storefront } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";
import { findStoreOrder, listCustomerOrders, type OrderDetail, type OrderListItem } from "./data";
import { verifyOrderToken } from "./tokens";

/**
 * An order of this storefront for its buyer: a guest through the signed token in the URL, a
 * signed-in customer through their own session. Anyone else gets 404 (not 403: nothing of the
 * order, not even its existence, is shown).
 */
export async function loadBuyerOrder(store: Storefront, orderId: string, token: string | undefined): Promise<OrderDetail> {
  const order = await findStoreOrder(store.merchantId, store.id, orderId);
  if (!order) notFound();
  if (verifyOrderToken(order.id, "view", token)) return order;
  const customer = await loadCustomerSession(store.id);
  if (customer && order.customerId === customer.customerId) return order;
  notFound();
}

/** The order the test-payment page works on: only with its "pay" token, only while pending. */
export async function loadTestPaymentOrder(store: Storefront, orderId: string, token: string | undefined): Promise<OrderDetail> {
  const order = await findStoreOrder(store.merchantId, store.id, orderId);
  if (!order || order.paymentProvider !== "TEST" || !verifyOrderToken(order.id, "pay", token)) notFound();
  return order;
}

/** The signed-in customer's orders in this store; visitors go to the store's sign-in. */
export async function loadCustomerOrders(store: Storefront, locale: Locale): Promise<OrderListItem[]> {
  const customer = await loadCustomerSession(store.id);
  if (!customer) {
    const href = (path: string) => localizedPath(path, locale, store.defaultLocale);
    redirect(`${href("/sign-in")}?${new URLSearchParams({ callbackUrl: href("/account/orders") })}`);
  }
  return listCustomerOrders(store.merchantId, store.id, customer.customerId);
}
