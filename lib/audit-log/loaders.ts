import "server-only";
import { forbidden } from "next/navigation";
import { findMerchantTimeZone } from "@/lib/auth/data";
import { requireMembership, requirePlatformAdmin } from "@/lib/auth/loaders";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import { listAuditEvents } from "./data";
import { parseAuditFilter, type AuditFilter } from "./schema";
import type { AuditFilterError, AuditPage } from "./types";

/** `timeZone`: the zone the filter's days are read in and the log's times are shown in. */
export type AuditView = (
  | { ok: true; filter: AuditFilter; page: AuditPage }
  | { ok: false; errors: AuditFilterError[]; raw: Record<string, string> }
) & { timeZone: string };

type SearchParams = Record<string, string | string[] | undefined>;

/** Every audit event of the platform, filtered (platform admins only). */
export async function loadAdminAuditLog(searchParams: SearchParams): Promise<AuditView> {
  await requirePlatformAdmin({ from: "/admin/audit" });
  const parsed = parseAuditFilter(searchParams);
  // The platform's log covers every merchant: its days are the platform's.
  const timeZone = DEFAULT_TIME_ZONE;
  if (!parsed.ok) return { ...parsed, timeZone };
  return { ok: true, filter: parsed.filter, page: await listAuditEvents(parsed.filter, null, timeZone), timeZone };
}

/**
 * One merchant's own audit events. Owners and managers who work for every store read it
 * (events are not kept per store, so members limited to some stores do not); staff get 403,
 * anyone outside the merchant 404.
 */
export async function loadMerchantAuditLog(merchantId: string, searchParams: SearchParams): Promise<AuditView> {
  const access = await requireMembership(merchantId, { from: `/account/m/${encodeURIComponent(merchantId)}/audit` });
  if (access.role === "STAFF" || access.storeIds) forbidden();
  const parsed = parseAuditFilter(searchParams);
  const timeZone = await findMerchantTimeZone(access.merchantId);
  if (!parsed.ok) return { ...parsed, timeZone };
  const filter = { ...parsed.filter, merchant: undefined };
  return { ok: true, filter, page: await listAuditEvents(filter, access.merchantId, timeZone), timeZone };
}
