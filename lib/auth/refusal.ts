/**
 * Who a page of the merchant area is for, told on the 403 page to a member whose role (or store
 * scope) does not open it. Pure: the page gates decide; this only names their rule for the
 * refused page, so it mirrors them: store settings, domains and gift-card settings are the owners', the audit log
 * is for owners and managers of every store, every other refused page for owners and managers.
 */
import type { MemberRole } from "./types";

export type MemberRefusal = "managers" | "owners" | "allStores";

/** `path`: the public path asked for (with or without locale prefix, query or hash). */
export function memberRefusal(path: string, membership: { role: MemberRole; storeIds: readonly string[] }): MemberRefusal {
  const rest = /^(?:\/[a-z]{2})?\/account\/m\/[^/?#]+(\/[^?#]*)?/.exec(path)?.[1] ?? "";
  if (/^\/stores\/[^/]+\/(?:settings|domains)(?:\/|$)/.test(rest)) return "owners";
  if (/^\/gift-cards\/settings(?:\/|$)/.test(rest)) return "owners";
  if (/^\/audit(?:\/|$)/.test(rest) && membership.role !== "STAFF" && membership.storeIds.length > 0) return "allStores";
  return "managers";
}
