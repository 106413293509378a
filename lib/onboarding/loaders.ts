import "server-only";
import type { MembershipAccess } from "@/lib/auth/types";
import { findChecklistFacts } from "./data";
import type { ChecklistItem } from "./types";

/**
 * What is left to do for a merchant, for the checklist on its home page. The caller has passed
 * requireMembership; the links are apex paths without locale. The loyalty step is done once a
 * program is published.
 */
export async function loadChecklist(access: MembershipAccess): Promise<ChecklistItem[]> {
  const facts = await findChecklistFacts(access.merchantId);
  const base = `/account/m/${encodeURIComponent(access.merchantId)}`;
  const store = facts.firstStoreId ? `${base}/stores/${encodeURIComponent(facts.firstStoreId)}` : base;
  return [
    { key: "product", done: facts.products > 0, href: `${store}/products/new` },
    { key: "loyalty", done: facts.loyaltyPublished, href: `${base}/loyalty` },
    { key: "staff", done: facts.members > 1 || facts.invitations > 0 || facts.codes > 0, href: `${base}/staff` },
    { key: "domain", done: facts.domains > 0, href: `${store}/domains` },
  ];
}
