/** The kinds of store-credit movements and where credited money came from (as in the schema). */
export type StoreCreditKind = "CREDIT" | "DEBIT" | "RELEASE" | "EXPIRE" | "ADJUST";
export type StoreCreditOriginKind = "REFUND" | "GOODWILL" | "GIFT_CARD";

/** What a customer holds in one currency at `now`. */
export interface CreditBalance {
  accountId: string;
  currency: string;
  /** What can be spent now: the balance without lots already past their expiry. */
  availableCents: number;
  /** The money that expires next, if any: what is left of the soonest lot(s) expiring at that instant. */
  nextExpiry: { amountCents: number; expiresAt: Date } | null;
}

/** One movement as the customer sees it. */
export interface CustomerCreditRow {
  id: string;
  createdAt: Date;
  currency: string;
  kind: StoreCreditKind;
  origin: StoreCreditOriginKind | null;
  amountCents: number;
  balanceAfterCents: number;
  orderNumber: string | null;
  expiresAt: Date | null;
}
