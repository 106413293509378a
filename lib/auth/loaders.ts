import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { isLocale, PLATFORM_DEFAULT_LOCALE, type Locale } from "@/lib/locales";
import { currentPath, currentTenant } from "@/lib/tenancy/request";
import type { MerchantId } from "@/lib/tenancy/types";
import { localizedPath, sameOriginRedirect } from "@/lib/tenancy/urls";
import { hostPath } from "./context";
import { memberRefusal, type MemberRefusal } from "./refusal";
import { findCustomerOfUser, findMembership, findMerchantArea, findMerchantStore, findSessionUser, listMerchantsOfUser } from "./data";
import { auth } from "./index";
import { hasRole, type AccountMerchant, type CustomerSession, type MembershipAccess, type MemberRole, type MerchantArea, type SessionUser, type StoreAccess } from "./types";

/**
 * Session-gated reads for pages and actions. The session cookie only says who signed in on this
 * host; everything else (admin rights, memberships, customer rows) is read from the database on
 * every request, so revoking them takes effect on the next request.
 */

const sessionUserId = cache(async (): Promise<string | null> => {
  // auth() only knows hosts that serve something; anywhere else nobody is signed in.
  if (!(await currentTenant())) return null;
  const session = await auth();
  const id = session?.user?.id;
  return typeof id === "string" && id ? id : null;
});

/** The user signed in on this host, fresh from the database, or null. Never throws for a bad cookie. */
export const loadSession = cache(async (): Promise<SessionUser | null> => {
  const userId = await sessionUserId();
  if (!userId) return null;
  const user = await findSessionUser(userId);
  if (!user) return null;
  return { userId: user.id, email: user.email, name: user.name, isPlatformAdmin: user.isPlatformAdmin };
});

async function currentLocale(): Promise<Locale> {
  const locale = await getLocale().catch(() => PLATFORM_DEFAULT_LOCALE);
  return isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE;
}

/**
 * The apex sign-in page in the current locale, coming back afterwards to the page the visitor
 * asked for (as stamped by the proxy), or to `from` (an apex path without locale) when unknown.
 */
export async function apexSignInPath(from: string): Promise<string> {
  const locale = await currentLocale();
  const [tenant, path] = await Promise.all([currentTenant(), currentPath()]);
  const back = tenant?.kind === "platform" && path?.startsWith("/") && !path.startsWith("//") ? path : localizedPath(from, locale, PLATFORM_DEFAULT_LOCALE);
  return `${localizedPath("/sign-in", locale, PLATFORM_DEFAULT_LOCALE)}?${new URLSearchParams({ callbackUrl: back })}`;
}

/**
 * The signed-in user of the apex areas. Anonymous visitors are redirected to the apex sign-in
 * and come back to the page they asked for afterwards (`from`, a path without locale prefix
 * such as "/account/m/abc", when the request does not say).
 */
export async function requireUser(from = "/account"): Promise<SessionUser> {
  const user = await loadSession();
  if (!user) redirect(await apexSignInPath(from));
  return user;
}

/**
 * The platform admin making this request, for every admin page and action. Anonymous: redirect
 * to sign-in. Signed in without admin rights: forbidden() (403, admin/forbidden.tsx).
 */
export async function requirePlatformAdmin(options: { from?: string } = {}): Promise<{ userId: string; email: string }> {
  const user = await requireUser(options.from ?? "/admin");
  if (!user.isPlatformAdmin) forbidden();
  return { userId: user.userId, email: user.email };
}

/** The signed-in user and their merchants (possibly none: they may create one or join a team). */
export async function loadAccountHome(from = "/account"): Promise<{ user: SessionUser; merchants: AccountMerchant[] }> {
  const user = await requireUser(from);
  return { user, merchants: await listMerchantsOfUser(user.userId) };
}

const membershipOf = cache(async (userId: string, merchantId: string) => findMembership(userId, merchantId));

/**
 * The gate of every merchant page and action: the signed-in user's membership of `merchantId`,
 * with the branded MerchantId that data functions require. Anonymous: redirect to sign-in.
 * Not a member (including members of other merchants): notFound(), so nothing of the merchant,
 * not even its existence, is shown. A member of a suspended merchant: forbidden() (403), from
 * the next request after the suspension (account/forbidden.tsx says why).
 */
export async function requireMembership(merchantId: string, options: { from?: string } = {}): Promise<MembershipAccess> {
  const user = await requireUser(options.from ?? `/account/m/${encodeURIComponent(merchantId)}`);
  const membership = await membershipOf(user.userId, merchantId);
  if (!membership) notFound();
  if (membership.suspended) forbidden();
  return {
    merchantId: merchantId as MerchantId,
    userId: user.userId,
    role: membership.role,
    storeIds: membership.storeIds.length > 0 ? membership.storeIds : null,
  };
}

/**
 * The gate of every store page and action of the merchant area: a member of `merchantId` whose
 * scope includes `storeId` and whose role is at least `atLeast`. A store of another merchant, or
 * outside the member's scope: notFound(). A role too low for the page: forbidden() (403).
 */
export async function requireStoreAccess(
  merchantId: string,
  storeId: string,
  atLeast: MemberRole = "STAFF",
): Promise<StoreAccess> {
  const access = await requireMembership(merchantId, { from: `/account/m/${encodeURIComponent(merchantId)}/stores/${encodeURIComponent(storeId)}` });
  if (access.storeIds && !access.storeIds.includes(storeId as (typeof access.storeIds)[number])) notFound();
  const store = await findMerchantStore(access.merchantId, storeId);
  if (!store) notFound();
  if (!hasRole(access.role, atLeast)) forbidden();
  return { ...access, store };
}

/**
 * Why the account area refused the current request, for its 403 page: "suspended" when the
 * page asked for belongs to a suspended merchant the signed-in user is a member of; who the page
 * is for when a member of its merchant was refused (`memberRefusal`); else "account" (not a
 * member of any business). Reads the public path the proxy stamped on the request.
 */
export async function loadAccountForbiddenReason(): Promise<"suspended" | "account" | MemberRefusal> {
  const user = await loadSession();
  if (!user) return "account";
  const path = (await currentPath()) ?? "/";
  const match = /^(?:\/[a-z]{2})?\/account\/m\/([^/?#]+)/.exec(path);
  if (!match) return "account";
  let merchantId: string;
  try {
    merchantId = decodeURIComponent(match[1]!);
  } catch {
    return "account";
  }
  const membership = await membershipOf(user.userId, merchantId);
  if (!membership) return "account";
  return membership.suspended ? "suspended" : memberRefusal(path, membership);
}

/** The merchant area's shell: the merchant's name and the stores this member works in. */
export async function loadMerchantArea(merchantId: string): Promise<MerchantArea> {
  const access = await requireMembership(merchantId);
  const area = await findMerchantArea(access.merchantId, access.storeIds);
  if (!area) notFound();
  return { access, merchantName: area.name, stores: area.stores };
}

/**
 * The customer signed in on this storefront: a session on this host whose user is a customer
 * of the store's merchant. Null for visitors (storefront pages then offer sign-in). Memoized per
 * server render.
 */
export const loadCustomerSession = cache(async (storeId: string): Promise<CustomerSession | null> => {
  const ctx = await currentTenant();
  // Customer sessions live on the store's own host only.
  if (ctx?.kind !== "store" || ctx.storeId !== storeId) return null;
  const user = await loadSession();
  if (!user) return null;
  const customer = await findCustomerOfUser(ctx.merchantId, user.userId);
  if (!customer) return null;
  return {
    customerId: customer.id,
    userId: user.userId,
    merchantId: ctx.merchantId,
    email: customer.email,
    name: customer.name ?? user.name,
  };
});

/**
 * On a sign-in page: a visitor who is already signed in on this host goes straight on, to
 * `callbackUrl` when it stays on this host, else to their home (/admin for platform admins on
 * the apex, /account otherwise).
 */
export async function redirectIfSignedIn(callbackUrl: string | undefined, locale: Locale): Promise<void> {
  const ctx = await currentTenant();
  if (!ctx) return;
  const user = await loadSession();
  if (!user) return;
  if (ctx.kind === "store" && !(await loadCustomerSession(ctx.storeId))) return;
  const home = hostPath(ctx, ctx.kind === "platform" && user.isPlatformAdmin ? "/admin" : "/account", locale);
  redirect(sameOriginRedirect(callbackUrl, ctx.origin, home));
}
