import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { findMembership } from "@/lib/auth/data";
import { getTranslations } from "next-intl/server";
import { loadCustomerSession, loadSession, requireMembership } from "@/lib/auth/loaders";
import { hasRole, type MemberRole, type MembershipAccess } from "@/lib/auth/types";
import type { Locale } from "@/lib/locales";
import type { Storefront } from "@/lib/tenancy/loaders";
import type { StoreId } from "@/lib/tenancy/types";
import { localizedPath } from "@/lib/tenancy/urls";
import { findMemberBalance } from "./data";
import type { LoyaltyActor } from "./mutations";

/** The user's membership of the store's merchant when its scope includes this store, else null. */
async function terminalMembership(userId: string, store: Storefront) {
  const membership = await findMembership(userId, store.merchantId);
  if (!membership) return null;
  if (membership.storeIds.length > 0 && !membership.storeIds.includes(store.id as StoreId)) return null;
  return membership;
}

/**
 * True when the user signed in on this storefront host may open its terminal (the same rule
 * as `requireTerminalAccess`), so storefront pages can show staff the way in. Never throws.
 */
export async function canOpenTerminal(store: Storefront): Promise<boolean> {
  const user = await loadSession();
  return !!user && !!(await terminalMembership(user.userId, store));
}

export interface TerminalAccess {
  actor: LoyaltyActor;
  role: MemberRole;
  email: string;
}

/**
 * The gate of the staff terminal on a storefront host: the user signed in on this host must be
 * a member of the store's merchant whose scope includes this store. Anonymous: redirect to this
 * store's sign-in, coming back to `from`. Signed in without such a membership (a customer, staff
 * of another merchant): notFound(), so the terminal does not even exist for them.
 * `atLeast` (e.g. MANAGER for reversals) answers forbidden() when the role is too low.
 */
export async function requireTerminalAccess(store: Storefront, locale: Locale, options: { from?: string; atLeast?: MemberRole } = {}): Promise<TerminalAccess> {
  const user = await loadSession();
  if (!user) {
    const href = (path: string) => localizedPath(path, locale, store.defaultLocale);
    redirect(`${href("/sign-in")}?${new URLSearchParams({ callbackUrl: options.from ?? href("/terminal") })}`);
  }
  const membership = await terminalMembership(user.userId, store);
  if (!membership) notFound();
  if (options.atLeast && !hasRole(membership.role, options.atLeast)) forbidden();
  return { actor: { merchantId: store.merchantId, storeId: store.id as StoreId, userId: user.userId }, role: membership.role, email: user.email };
}

/**
 * The gate of the merchant area's loyalty pages and actions: managers and owners of the
 * merchant (staff work at the terminal: forbidden()); anyone else notFound().
 */
export async function requireLoyaltyManager(merchantId: string): Promise<MembershipAccess> {
  const access = await requireMembership(merchantId, { from: `/account/m/${encodeURIComponent(merchantId)}/loyalty` });
  if (!hasRole(access.role, "MANAGER")) forbidden();
  return access;
}

/** What the storefront header shows a visitor about the loyalty program: their balance, for members. */
export type LoyaltyBadge = { member: false } | { member: true; label: string };

/**
 * The header's loyalty link for the visitor of a (cached) storefront page, asked by the browser:
 * a signed-in member gets their balance, everyone else the invitation the page already shows.
 */
export async function loadLoyaltyBadge(store: Storefront, locale: Locale): Promise<LoyaltyBadge> {
  const customer = await loadCustomerSession(store.id);
  const member = customer ? await findMemberBalance(store.merchantId, customer.customerId) : null;
  if (!member) return { member: false };
  const [t, tl] = await Promise.all([getTranslations({ locale, namespace: "Storefront" }), getTranslations({ locale, namespace: "Loyalty" })]);
  return { member: true, label: t("loyaltyBalance", { amount: tl("amount", { count: member.balance, unit: member.unit }) }) };
}
