import "server-only";
import { randomBytes } from "node:crypto";
import { forbidden, notFound, redirect } from "next/navigation";
import { requireMembership, requireStoreAccess, loadCustomerSession } from "@/lib/auth/loaders";
import { hasRole, type MembershipAccess } from "@/lib/auth/types";
import { isLocale, type Locale } from "@/lib/locales";
import type { Storefront } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";
import {
  findPayableRequest,
  findPayer,
  findReminderSettings,
  findRequest,
  listRequests,
  listBillableProducts,
  listScopeStores,
  owedByEmail,
  outstandingTotals,
  payersToRemindInPerson,
  type RequestScope,
} from "./data";
import { isConvertibleOrder } from "./from-orders";
import { payRequestPath, storefrontUrl, verifyPayToken, verifyUnsubscribeToken } from "./links";
import { parseRequestListQuery } from "./schema";
import { totalsByCurrency } from "./statement";

/**
 * Session-gated reads for the payment-request pages. Merchant area: managers and owners (it is
 * money the merchant is owed; staff: forbidden()), in the stores they work in; another merchant's
 * member: notFound(). Storefront: the pay and unsubscribe pages answer only to their secret link
 * (anything else: notFound()), "what I owe" to the signed-in customer.
 */
export const PAYMENT_REQUESTS_ROLE = "MANAGER" as const;

type SearchParams = Record<string, string | string[] | undefined>;

const base = (merchantId: string) => `/account/m/${encodeURIComponent(merchantId)}/payment-requests`;

/** The gate of the merchant's payment-request pages. */
export async function requireRequestsAccess(merchantId: string, from = ""): Promise<MembershipAccess> {
  const access = await requireMembership(merchantId, { from: `${base(merchantId)}${from}` });
  if (!hasRole(access.role, PAYMENT_REQUESTS_ROLE)) forbidden();
  return access;
}

const scopeOf = (access: MembershipAccess): RequestScope => ({ merchantId: access.merchantId, storeIds: access.storeIds });

/** The list: requests by the filters, what is outstanding per currency, payers to remind in person, the schedule. */
export async function loadRequestList(merchantId: string, searchParams: SearchParams) {
  const access = await requireRequestsAccess(merchantId);
  const query = parseRequestListQuery(searchParams);
  const scope = scopeOf(access);
  const [requests, totals, inPerson, stores, settings] = await Promise.all([
    listRequests(scope, query),
    outstandingTotals(scope),
    payersToRemindInPerson(scope),
    listScopeStores(scopeOf(access)),
    findReminderSettings(access.merchantId),
  ]);
  return { access, query, requests, totals, inPerson, stores, settings };
}

/** The new-request form: the member's stores with their products (gift cards left out) and a fresh form key. */
export async function loadNewRequestForm(merchantId: string) {
  const access = await requireRequestsAccess(merchantId, "/new");
  const stores = await listScopeStores(scopeOf(access));
  const products = await listBillableProducts(
    access.merchantId,
    stores.map((s) => s.id),
  );
  return {
    access,
    stores: stores.map((store) => ({
      ...store,
      products: products
        .filter((p) => p.storeId === store.id)
        .map((p) => ({
          id: p.id,
          priceCents: p.priceCents,
          title: (p.translations.find((t) => t.locale === store.defaultLocale) ?? p.translations[0])?.title ?? "",
        })),
    })),
    formKey: randomBytes(18).toString("base64url"),
  };
}

/** One request's page, with its pay link; notFound() for a request of another merchant or store. */
export async function loadRequest(merchantId: string, requestId: string) {
  const access = await requireRequestsAccess(merchantId, `/${encodeURIComponent(requestId)}`);
  const request = await findRequest(scopeOf(access), requestId);
  if (!request) notFound();
  const store = { slug: request.store.slug, defaultLocale: request.store.defaultLocale, locales: [request.store.defaultLocale] };
  const locale: Locale = isLocale(request.store.defaultLocale) ? request.store.defaultLocale : "en";
  return {
    access,
    request,
    payUrl: storefrontUrl(store, payRequestPath(request.id), locale),
    // The test reminder lists the payer's items in every store: members of every store only.
    canSendTest: access.storeIds === null && request.payer.email !== null,
  };
}

/**
 * Whether the merchant's order page offers to turn the order into a payment request: to managers
 * and owners of the store (staff see no button), for an order that qualifies (from-orders.ts).
 */
export async function loadOrderConversion(merchantId: string, storeId: string, orderId: string): Promise<boolean> {
  const access = await requireStoreAccess(merchantId, storeId);
  if (!hasRole(access.role, PAYMENT_REQUESTS_ROLE)) return false;
  return isConvertibleOrder(access.merchantId, access.store.id, orderId);
}

/** The reminder schedule's form. */
export async function loadReminderSettings(merchantId: string) {
  const access = await requireRequestsAccess(merchantId, "/settings");
  return { access, settings: await findReminderSettings(access.merchantId) };
}

/** The pay page of a request of this store, for the holder of its link only (else notFound()). */
export async function loadPayPage(store: Storefront, requestId: string, token: unknown) {
  if (!verifyPayToken(requestId, token)) notFound();
  const request = await findPayableRequest(store.merchantId, store.id, requestId);
  if (!request) notFound();
  return request;
}

/** The unsubscribe page of a payer of this store's merchant, for the holder of its link only (else notFound()). */
export async function loadUnsubscribePage(store: Storefront, payerId: string, token: unknown) {
  if (!verifyUnsubscribeToken(payerId, token)) notFound();
  const payer = await findPayer(store.merchantId, payerId);
  if (!payer) notFound();
  return payer;
}

/**
 * "What I owe": the outstanding requests billed to the signed-in customer's email at this store's
 * merchant, each with its pay link on its own store, and the totals per currency. Visitors go to
 * the store's sign-in and come back.
 */
export async function loadOwed(store: Storefront, locale: Locale) {
  const customer = await loadCustomerSession(store.id);
  if (!customer) {
    const href = (path: string) => localizedPath(path, locale, store.defaultLocale);
    redirect(`${href("/sign-in")}?${new URLSearchParams({ callbackUrl: href("/account/owed") })}`);
  }
  const items = await owedByEmail(store.merchantId, customer.email);
  return {
    items: items.map((item) => ({
      ...item,
      payUrl: storefrontUrl(
        { slug: item.storeSlug, defaultLocale: item.storeDefaultLocale, locales: item.storeLocales },
        payRequestPath(item.requestId),
        locale,
      ),
    })),
    totals: totalsByCurrency(items),
  };
}
