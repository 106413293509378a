import "server-only";
import { forbidden, notFound } from "next/navigation";
import { findMembership, findMerchantTimeZone } from "@/lib/auth/data";
import { loadSession, requireMembership } from "@/lib/auth/loaders";
import { hasRole, type MemberRole, type MembershipAccess } from "@/lib/auth/types";
import { parsePeriod, type Period, type PeriodError } from "@/lib/reports/period";
import { reportParamsSchema } from "@/lib/reports/schema";
import type { MerchantId } from "@/lib/tenancy/types";
import { todayKey } from "@/lib/time";
import { findGiftCard, findGiftCardSettings, giftCardReport, hasGiftCards, listGiftCards, listIssuingStores } from "./data";
import { parseListQuery } from "./rules";

/**
 * Session-gated reads for the gift-card pages of the merchant area. Who may do what:
 * every member views the list and the cards (staff redeem at the counter and answer customers),
 * managers issue, disable, extend and read the reports, owners change the settings. Another
 * merchant's member: notFound(); a role too low: forbidden().
 */
export const GIFT_CARD_ROLES = { view: "STAFF", manage: "MANAGER", report: "MANAGER", configure: "OWNER" } as const satisfies Record<string, MemberRole>;

type SearchParams = Record<string, string | string[] | undefined>;

/** The gate of the gift-card pages: a member of the merchant with at least `role`. */
export async function requireGiftCardAccess(merchantId: string, role: MemberRole, from = "/gift-cards"): Promise<MembershipAccess> {
  const access = await requireMembership(merchantId, { from: `/account/m/${encodeURIComponent(merchantId)}${from}` });
  if (!hasRole(access.role, role)) forbidden();
  return access;
}

/** The list page: one page of the search, whether the merchant has any card, the zone of its dates. */
export async function loadGiftCardList(merchantId: string, searchParams: SearchParams) {
  const access = await requireGiftCardAccess(merchantId, GIFT_CARD_ROLES.view);
  const query = parseListQuery(searchParams);
  const [page, any, timeZone] = await Promise.all([listGiftCards(access.merchantId, query), hasGiftCards(access.merchantId), findMerchantTimeZone(access.merchantId)]);
  return { access, query, page, any, timeZone };
}

/** A card's page: the card of this merchant (else notFound()) and the zone of its dates. */
export async function loadGiftCardPage(merchantId: string, cardId: string) {
  const access = await requireGiftCardAccess(merchantId, GIFT_CARD_ROLES.view, `/gift-cards/${encodeURIComponent(cardId)}`);
  const [card, timeZone] = await Promise.all([findGiftCard(access.merchantId, cardId), findMerchantTimeZone(access.merchantId)]);
  if (!card) notFound();
  return { access, card, timeZone };
}

/** The issuing form: the member's stores and the merchant's default expiry. */
export async function loadIssueForm(merchantId: string) {
  const access = await requireGiftCardAccess(merchantId, GIFT_CARD_ROLES.manage, "/gift-cards/new");
  const [stores, settings, timeZone] = await Promise.all([
    listIssuingStores(access.merchantId, access.storeIds),
    findGiftCardSettings(access.merchantId),
    findMerchantTimeZone(access.merchantId),
  ]);
  return { access, stores, expiryMonths: settings.expiryMonths, timeZone };
}

/** The settings page (owners). */
export async function loadGiftCardSettings(merchantId: string) {
  const access = await requireGiftCardAccess(merchantId, GIFT_CARD_ROLES.configure, "/gift-cards/settings");
  return { access, settings: await findGiftCardSettings(access.merchantId) };
}

export type GiftCardReportView =
  | { ok: true; period: Period; timeZone: string; currencies: Awaited<ReturnType<typeof giftCardReport>> }
  | { ok: false; error: PeriodError; timeZone: string };

/** The period of a report's search params, in the merchant's zone (the last 30 days by default). */
function selectPeriod(searchParams: SearchParams, timeZone: string, now = new Date()): { ok: true; period: Period } | { ok: false; error: PeriodError } {
  const params = reportParamsSchema.safeParse(searchParams);
  if (!params.success) return { ok: false, error: "invalidDate" };
  return parsePeriod(params.data, todayKey(timeZone, now));
}

/** The reports page: figures per currency for the chosen period. */
export async function loadGiftCardReport(merchantId: string, searchParams: SearchParams): Promise<{ access: MembershipAccess; view: GiftCardReportView }> {
  const access = await requireGiftCardAccess(merchantId, GIFT_CARD_ROLES.report, "/gift-cards/reports");
  const timeZone = await findMerchantTimeZone(access.merchantId);
  const selected = selectPeriod(searchParams, timeZone);
  if (!selected.ok) return { access, view: { ok: false, error: selected.error, timeZone } };
  return { access, view: { ok: true, period: selected.period, timeZone, currencies: await giftCardReport(access.merchantId, selected.period, timeZone) } };
}

export type ExportAccess =
  | { ok: true; merchantId: MerchantId; timeZone: string; kind: "cards" | "ledger"; period: Period }
  | { ok: false; status: 400 | 401 | 403 | 404; error?: PeriodError };

/**
 * The CSV export's gate, for its route handler (a status rather than a page): the reports' role;
 * `kind` "cards" (every card) or "ledger" (the period's movements).
 */
export async function giftCardExportAccess(merchantId: string, searchParams: SearchParams): Promise<ExportAccess> {
  const user = await loadSession();
  if (!user) return { ok: false, status: 401 };
  const membership = await findMembership(user.userId, merchantId);
  if (!membership) return { ok: false, status: 404 };
  if (membership.suspended || !hasRole(membership.role, GIFT_CARD_ROLES.report)) return { ok: false, status: 403 };
  const id = merchantId as MerchantId;
  const timeZone = await findMerchantTimeZone(id);
  const kind = searchParams.kind === "ledger" ? "ledger" : searchParams.kind === "cards" || searchParams.kind === undefined ? "cards" : null;
  if (!kind) return { ok: false, status: 400 };
  const selected = selectPeriod({ from: searchParams.from, to: searchParams.to }, timeZone);
  if (!selected.ok) return { ok: false, status: 400, error: selected.error };
  return { ok: true, merchantId: id, timeZone, kind, period: selected.period };
}
