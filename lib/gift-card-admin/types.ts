import type { GiftCardStatus } from "@/lib/gift-cards/rules";

/**
 * The vocabulary of the merchant's gift-card area, shared by its pages and components. Pure
 * types: safe in client components.
 */

export type GiftCardSource = "PURCHASE" | "BONUS" | "MANUAL";
export type GiftCardLedgerKind = "ISSUE" | "REDEEM" | "RELEASE" | "REFUND" | "ADJUST" | "EXPIRE";

/** One row of the merchant's list. */
export interface GiftCardRow {
  id: string;
  last4: string;
  source: GiftCardSource;
  currency: string;
  initialCents: number;
  balanceCents: number;
  /** As a person should see it (an ACTIVE card past its date is EXPIRED). */
  status: GiftCardStatus;
  expiresAt: Date | null;
  recipientName: string | null;
  recipientEmail: string | null;
  createdAt: Date;
}

export interface GiftCardPage {
  rows: GiftCardRow[];
  /** Cards matching the search and filter, on every page. */
  total: number;
  page: number;
  pageCount: number;
}

/** One ledger movement as the card page shows it. */
export interface LedgerRow {
  id: string;
  kind: GiftCardLedgerKind;
  amountCents: number;
  balanceAfterCents: number;
  actorEmail: string | null;
  storeName: string | null;
  order: { id: string; number: string; storeId: string } | null;
  reason: string | null;
  transactionId: string;
  createdAt: Date;
  /** An ADJUST that reverses a counter redemption. */
  reversal: boolean;
}

export interface GiftCardDetails extends GiftCardRow {
  /** The status stored on the card (the job may not have expired it yet). */
  storedStatus: GiftCardStatus;
  buyer: { name: string | null; email: string } | null;
  message: string | null;
  deliverAt: Date | null;
  store: { id: string; name: string } | null;
  order: { id: string; number: string; storeId: string } | null;
  lockedTo: string | null;
  issuedBy: string | null;
  note: string | null;
  bonusFor: { id: string; last4: string } | null;
  bonus: { id: string; last4: string } | null;
  ledger: LedgerRow[];
}

/** A store a card may be issued in. */
export interface IssuingStore {
  id: string;
  name: string;
  currency: string;
  timeZone: string;
  defaultLocale: string;
}

export interface PromotionView {
  currency: string;
  minPurchaseCents: number;
  bonusCents: number;
  bonusValidDays: number;
  active: boolean;
}

export interface GiftCardSettings {
  expiryMonths: number | null;
  /** Whether customers may move a card's balance into their store credit. */
  giftCardsToCredit: boolean;
  /** One per currency the merchant's stores sell in, the saved promotion when there is one. */
  currencies: Array<{ currency: string; promotion: PromotionView | null }>;
}

/**
 * Gift-card figures of one currency over a period (see `giftCardReport`).
 * - sold / bonus / manual: cards issued in the period by source (count and initial amount);
 * - redeemedCents: REDEEM rows of the period net of the RELEASE and REFUND rows and the
 *   reversals of counter redemptions written in it;
 * - adjustedCents: managers' other ADJUST rows (signed);
 * - expiredCents: what the expiry job took;
 * - liabilityCents / liabilityCards: now, the balances of ACTIVE and DISABLED cards: a disabled
 *   card's money is still owed (it may be enabled again), and an ACTIVE card past its date stays
 *   owed until the expiry job writes its EXPIRE row.
 */
export interface GiftCardCurrencyReport {
  currency: string;
  sold: { count: number; cents: number };
  bonus: { count: number; cents: number };
  manual: { count: number; cents: number };
  redeemedCents: number;
  adjustedCents: number;
  expiredCents: number;
  liabilityCents: number;
  liabilityCards: number;
}
