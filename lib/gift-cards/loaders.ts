import "server-only";
import { redirect } from "next/navigation";
import { loadCustomerSession } from "@/lib/auth/loaders";
import type { Locale } from "@/lib/locales";
import type { Storefront } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";
import { findTerminalCard, listCustomerGiftCards } from "./data";
import type { CustomerGiftCard, TerminalGiftCardView } from "./types";

/** The signed-in customer's gift cards at this store's merchant; visitors go to the store's sign-in. */
export async function loadCustomerGiftCards(store: Storefront, locale: Locale): Promise<CustomerGiftCard[]> {
  const customer = await loadCustomerSession(store.id);
  if (!customer) {
    const href = (path: string) => localizedPath(path, locale, store.defaultLocale);
    redirect(`${href("/sign-in")}?${new URLSearchParams({ callbackUrl: href("/account/gift-cards") })}`);
  }
  return listCustomerGiftCards(store.merchantId, customer);
}

/**
 * The card the terminal's gift-card page opens (`?card=<id>`), for staff who passed the
 * terminal's gate on this store: a card of the store's merchant, or null (an id of another
 * merchant's card finds nothing). Call after `requireTerminalAccess`.
 */
export async function loadTerminalGiftCard(store: Storefront, cardId: string | undefined): Promise<TerminalGiftCardView | null> {
  if (!cardId || !/^[a-z0-9]{1,64}$/i.test(cardId)) return null;
  return findTerminalCard(store.merchantId, cardId, 10);
}
