import "server-only";
import { getLocale } from "next-intl/server";
import { actionClient } from "@/lib/actions/pipeline";
import { AppError } from "@/lib/errors";
import { isLocale, PLATFORM_DEFAULT_LOCALE, type Locale } from "@/lib/locales";
import { loadPublicStorefront } from "@/lib/tenancy/loaders";
import { currentTenant } from "@/lib/tenancy/request";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { loadCustomerSession, loadSession, requireMembership, requirePlatformAdmin, requireStoreAccess } from "./loaders";
import { hasRole, type CustomerSession, type MemberRole, type MembershipAccess, type SessionUser, type StoreAccess } from "./types";
import { forbidden } from "next/navigation";

/**
 * The clients every server action is built from (lib/actions/pipeline.ts). Each resolves its
 * context from the request, never from the form:
 *
 * - `storefrontAction`: the store the proxy routed the request to, and the customer signed in on
 *   it (or null). Not a storefront request: `Errors.NOT_FOUND`.
 * - `merchantAction({ role })` / `merchantStoreAction({ role })`: the membership gate of the
 *   merchant (and store) the page bound, at least `role`; its branded ids are in the context.
 *   Another merchant's id: notFound(); a role too low: forbidden(); signed out: sign-in redirect.
 * - `adminAction`: a platform admin (others: forbidden()).
 * - `publicAction`: no one in particular (sign-up, joining a team): the session, if any, and the locale.
 * - `signInAction`: the sign-in and sign-out forms: only the locale (see below).
 *
 * The loyalty terminal's client (staff of the store the request came to) sits beside its gate in
 * lib/loyalty.
 */

/** The request's locale (next-intl's, as the proxy settled it). */
async function requestLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE;
}

export interface StorefrontContext {
  store: { id: StoreId; merchantId: MerchantId; slug: string; timeZone: string; currency: string };
  customer: CustomerSession | null;
  locale: Locale;
}

export const storefrontAction = actionClient<[], StorefrontContext>(0, async () => {
  const tenant = await currentTenant();
  if (tenant?.kind !== "store") throw new AppError("NOT_FOUND");
  const { timeZone, currency } = await loadPublicStorefront(tenant.slug);
  const store = { id: tenant.storeId, merchantId: tenant.merchantId, slug: tenant.slug, timeZone, currency };
  return { store, customer: await loadCustomerSession(store.id), locale: await requestLocale() };
});

export interface MerchantContext {
  access: MembershipAccess;
  merchantId: MerchantId;
  actor: { merchantId: MerchantId; userId: string };
  locale: Locale;
}

export function merchantAction(options: { role: MemberRole }) {
  return actionClient<[merchantId: string], MerchantContext>(1, async (merchantId) => {
    const access = await requireMembership(merchantId);
    if (!hasRole(access.role, options.role)) forbidden();
    return { access, merchantId: access.merchantId, actor: { merchantId: access.merchantId, userId: access.userId }, locale: await requestLocale() };
  });
}

export interface MerchantStoreContext {
  access: StoreAccess;
  merchantId: MerchantId;
  store: StoreAccess["store"];
  actor: { merchantId: MerchantId; storeId: StoreId; userId: string };
  locale: Locale;
}

export function merchantStoreAction(options: { role: MemberRole }) {
  return actionClient<[merchantId: string, storeId: string], MerchantStoreContext>(2, async (merchantId, storeId) => {
    const access = await requireStoreAccess(merchantId, storeId, options.role);
    return {
      access,
      merchantId: access.merchantId,
      store: access.store,
      actor: { merchantId: access.merchantId, storeId: access.store.id, userId: access.userId },
      locale: await requestLocale(),
    };
  });
}

export interface AdminContext {
  admin: { userId: string; email: string };
  locale: Locale;
}

export const adminAction = actionClient<[], AdminContext>(0, async () => ({ admin: await requirePlatformAdmin(), locale: await requestLocale() }));

export interface PublicContext {
  user: SessionUser | null;
  locale: Locale;
}

export const publicAction = actionClient<[], PublicContext>(0, async () => ({ user: await loadSession(), locale: await requestLocale() }));

export interface SignInContext {
  locale: Locale;
}

/**
 * The sign-in and sign-out forms: only the locale. Unlike `publicAction` it never reads the
 * session, which these actions are about to change: the session read is memoized for the
 * request, and the page a sign-in redirects to is rendered in that same request, so it would
 * see the visitor still signed out (and send them back to the sign-in page).
 */
export const signInAction = actionClient<[], SignInContext>(0, async () => ({ locale: await requestLocale() }));
