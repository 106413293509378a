import "server-only";
import { forbidden } from "next/navigation";
import { findMembership, findMerchantArea } from "@/lib/auth/data";
import { loadMerchantArea, loadSession } from "@/lib/auth/loaders";
import { hasRole, type MemberRole, type MerchantAreaStore } from "@/lib/auth/types";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { salesReport } from "./data";
import { loyaltyFigures, type LoyaltyFigures } from "./loyalty";
import { sharedTimeZone, todayKey } from "@/lib/time";
import { parsePeriod, type Period } from "./period";
import { reportParamsSchema } from "./schema";
import type { ReportInputError, SalesReport } from "./types";

/** Who reads reports: owners and managers (a manager limited to some stores sees only those). */
export const REPORT_ROLE: MemberRole = "MANAGER";

type SearchParams = Record<string, string | string[] | undefined>;

export interface ReportSelection {
  merchantId: MerchantId;
  /** The member's stores: the choices of the store filter. */
  stores: MerchantAreaStore[];
  /** "all" or one of `stores`. */
  store: string;
  /** What the report covers: null = every store of the merchant. */
  storeIds: StoreId[] | null;
  period: Period;
  /** The chosen store's zone; for all stores, theirs if they share one, else the platform's default. */
  timeZone: string;
}

/**
 * Reads the report's search params for a member: the store ("all" = every store the member works
 * in) and the period (days in that store's time zone, or the stores' shared one; the last 30 days
 * by default).
 */
export function selectReport(
  merchantId: MerchantId,
  memberStoreIds: StoreId[] | null,
  stores: MerchantAreaStore[],
  searchParams: SearchParams,
  now: Date = new Date(),
): { ok: true; selection: ReportSelection } | { ok: false; error: ReportInputError } {
  const params = reportParamsSchema.safeParse(searchParams);
  if (!params.success) return { ok: false, error: "invalidDate" };
  const store = params.data.store ?? "all";
  const chosen = store === "all" ? null : stores.find((s) => s.id === store);
  const timeZone = chosen ? chosen.timeZone : sharedTimeZone(stores.map((s) => s.timeZone));
  const period = parsePeriod(params.data, todayKey(timeZone, now));
  if (!period.ok) return { ok: false, error: period.error };
  if (chosen === undefined) return { ok: false, error: "invalidStore" };
  const storeIds: StoreId[] | null = chosen ? [chosen.id] : memberStoreIds;
  return { ok: true, selection: { merchantId, stores, store, storeIds, period: period.period, timeZone } };
}

export type ReportsView =
  | { ok: true; selection: ReportSelection; report: SalesReport; loyalty: LoyaltyFigures | null }
  | { ok: false; error: ReportInputError; stores: MerchantAreaStore[]; raw: Record<string, string> };

/**
 * The reports page. Members of another merchant: 404; staff: 403; bad dates or a store outside
 * the member's scope: the error to show, and no figures.
 */
export async function loadReports(merchantId: string, searchParams: SearchParams): Promise<ReportsView> {
  const area = await loadMerchantArea(merchantId);
  if (!hasRole(area.access.role, REPORT_ROLE)) forbidden();
  const selected = selectReport(area.access.merchantId, area.access.storeIds, area.stores, searchParams);
  if (!selected.ok) {
    const raw: Record<string, string> = {};
    for (const key of ["from", "to", "store"]) {
      const value = searchParams[key];
      if (typeof value === "string") raw[key] = value.slice(0, 64);
    }
    return { ok: false, error: selected.error, stores: area.stores, raw };
  }
  const { selection } = selected;
  const [report, loyalty] = await Promise.all([
    salesReport(selection.merchantId, selection.storeIds, selection.period, selection.timeZone),
    loyaltyFigures({ merchantId: selection.merchantId, storeIds: selection.storeIds, period: selection.period, timeZone: selection.timeZone }),
  ]);
  return { ok: true, selection, report, loyalty };
}

/**
 * The orders export's gate, for its route handler (which answers with a status rather than
 * rendering a page): the same rules as the reports page.
 */
export async function reportExportAccess(
  merchantId: string,
  searchParams: SearchParams,
): Promise<{ ok: true; selection: ReportSelection } | { ok: false; status: 400 | 401 | 403 | 404; error?: ReportInputError }> {
  const user = await loadSession();
  if (!user) return { ok: false, status: 401 };
  const membership = await findMembership(user.userId, merchantId);
  if (!membership) return { ok: false, status: 404 };
  if (membership.suspended || !hasRole(membership.role, REPORT_ROLE)) return { ok: false, status: 403 };
  const id = merchantId as MerchantId;
  const memberStoreIds = membership.storeIds.length > 0 ? membership.storeIds : null;
  const area = await findMerchantArea(id, memberStoreIds);
  if (!area) return { ok: false, status: 404 };
  const selected = selectReport(id, memberStoreIds, area.stores, searchParams);
  return selected.ok ? selected : { ok: false, status: 400, error: selected.error };
}
