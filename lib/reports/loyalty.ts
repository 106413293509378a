import "server-only";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import type { Period } from "./period";

/**
 * EXTENSION POINT for the loyalty program's figures in reports.
 *
 * The loyalty tables do not exist yet. When they do, compute here, in SQL like the sales figures
 * (lib/reports/data.ts), for the same merchant, store scope, period and time zone:
 *   - members: customers enrolled in the program (at the end of the period, and new in it);
 *   - points issued and points redeemed in the period (from the append-only points ledger).
 * Return null while there is no program; the reports page shows the loyalty section only for a
 * non-null result, so nothing else needs to change.
 */
export interface LoyaltyFigures {
  members: number;
  newMembers: number;
  pointsIssued: number;
  pointsRedeemed: number;
}

/** What the loyalty figures are computed for: the same scope as the sales report. */
export interface LoyaltyScope {
  merchantId: MerchantId;
  /** Null means every store of the merchant. */
  storeIds: StoreId[] | null;
  period: Period;
  timeZone: string;
}

export const loyaltyFigures: (scope: LoyaltyScope) => Promise<LoyaltyFigures | null> = async () => null;
