import type { StoreCreditKind, StoreCreditOriginKind } from "@/lib/credit/types";

/** A customer's account as the merchant's list shows it. */
export interface CreditAccountRow {
  id: string;
  email: string;
  name: string | null;
  currency: string;
  balanceCents: number;
}

/** What is outstanding in one currency: the sum of the balances. */
export interface CreditTotal {
  currency: string;
  balanceCents: number;
  accounts: number;
}

/** One movement of an account, for the merchant's detail page. */
export interface CreditLedgerRow {
  id: string;
  createdAt: Date;
  kind: StoreCreditKind;
  origin: StoreCreditOriginKind | null;
  amountCents: number;
  balanceAfterCents: number;
  storeName: string | null;
  orderNumber: string | null;
  actorEmail: string | null;
  reason: string | null;
  expiresAt: Date | null;
}

export interface CreditAccountDetails extends CreditAccountRow {
  ledger: CreditLedgerRow[];
}
