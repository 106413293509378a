import "server-only";
import { forbidden, notFound } from "next/navigation";
import { findMerchantTimeZone } from "@/lib/auth/data";
import { requireMembership } from "@/lib/auth/loaders";
import { hasRole, type MembershipAccess } from "@/lib/auth/types";
import { creditTotals, findCreditAccount, listCreditAccounts, listMerchantCurrencies } from "./data";
import { parseCreditListQuery } from "./schema";

/**
 * Session-gated reads for the store-credit pages of the merchant area: managers and owners read
 * and change customers' credit (it is money owed), staff do not (forbidden()); another merchant's
 * member: notFound().
 */
export const STORE_CREDIT_ROLE = "MANAGER" as const;

type SearchParams = Record<string, string | string[] | undefined>;

/** The gate of the store-credit pages. */
export async function requireCreditAccess(merchantId: string, from = "/store-credit"): Promise<MembershipAccess> {
  const access = await requireMembership(merchantId, { from: `/account/m/${encodeURIComponent(merchantId)}${from}` });
  if (!hasRole(access.role, STORE_CREDIT_ROLE)) forbidden();
  return access;
}

/** The list page: the accounts (filtered by email), the totals per currency, the goodwill form's currencies. */
export async function loadCreditList(merchantId: string, searchParams: SearchParams) {
  const access = await requireCreditAccess(merchantId);
  const query = parseCreditListQuery(searchParams);
  const [accounts, totals, currencies, timeZone] = await Promise.all([
    listCreditAccounts(access.merchantId, query.q),
    creditTotals(access.merchantId),
    listMerchantCurrencies(access.merchantId),
    findMerchantTimeZone(access.merchantId),
  ]);
  return { access, query, accounts, totals, currencies, timeZone };
}

/** An account's page: the account of this merchant (else notFound()) and the zone of its dates. */
export async function loadCreditAccount(merchantId: string, accountId: string) {
  const access = await requireCreditAccess(merchantId, `/store-credit/${encodeURIComponent(accountId)}`);
  const [account, timeZone] = await Promise.all([findCreditAccount(access.merchantId, accountId), findMerchantTimeZone(access.merchantId)]);
  if (!account) notFound();
  return { access, account, timeZone };
}
