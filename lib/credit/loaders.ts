import "server-only";
import { redirect } from "next/navigation";
import { loadCustomerSession } from "@/lib/auth/loaders";
import type { Locale } from "@/lib/locales";
import type { Storefront } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";
import { findGiftCardsToCredit, listCustomerBalances, listCustomerCreditHistory } from "./data";

/**
 * The signed-in customer's store credit at this store's merchant (balances per currency, the
 * history, whether a gift card may be moved in); visitors go to the store's sign-in and come
 * back to `from`.
 */
export async function loadCustomerCredit(store: Storefront, locale: Locale, options: { from?: string; history?: boolean } = {}) {
  const customer = await loadCustomerSession(store.id);
  if (!customer) {
    const href = (path: string) => localizedPath(path, locale, store.defaultLocale);
    redirect(`${href("/sign-in")}?${new URLSearchParams({ callbackUrl: href(options.from ?? "/account/credit") })}`);
  }
  const now = new Date();
  const [balances, history, claimEnabled] = await Promise.all([
    listCustomerBalances(store.merchantId, customer.customerId, now),
    options.history === false ? Promise.resolve([]) : listCustomerCreditHistory(store.merchantId, customer.customerId),
    findGiftCardsToCredit(store.merchantId),
  ]);
  return { customer, balances, history, claimEnabled, now };
}
