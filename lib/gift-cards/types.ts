/**
 * Gift-card vocabulary shared by the terminal, the balance page and the customer's account.
 * Pure types: no database, safe to import from client components.
 */
import type { GiftCardStatus } from "./rules";

export type { GiftCardStatus };
export type GiftCardLedgerKind = "ISSUE" | "REDEEM" | "RELEASE" | "REFUND" | "ADJUST" | "EXPIRE";

/** One movement of a card as the terminal lists it. */
export interface GiftCardLedgerRowView {
  id: string;
  kind: GiftCardLedgerKind;
  /** Signed minor units of the card's currency. */
  amountCents: number;
  balanceAfterCents: number;
  createdAt: Date;
  storeName: string | null;
  staffEmail: string | null;
  orderId: string | null;
  reason: string | null;
  /** An ADJUST that reverses a counter redemption. */
  reversesId: string | null;
  /** This row was reversed already (a counter redemption is reversed at most once). */
  reversed: boolean;
}

/** A card as staff see it at the terminal: never its code, only the last four characters. */
export interface TerminalGiftCardView {
  id: string;
  last4: string;
  currency: string;
  balanceCents: number;
  initialCents: number;
  status: GiftCardStatus;
  expiresAt: Date | null;
  ledger: GiftCardLedgerRowView[];
}

/** What the public balance page tells the holder of a code. */
export interface GiftCardBalance {
  last4: string;
  currency: string;
  balanceCents: number;
  status: GiftCardStatus;
  expiresAt: Date | null;
}

/** A card in the customer's "My gift cards": bought by them, received by them, or both. */
export interface CustomerGiftCard {
  id: string;
  last4: string;
  currency: string;
  initialCents: number;
  balanceCents: number;
  status: GiftCardStatus;
  expiresAt: Date | null;
  /** The customer bought it (for themselves or someone else). */
  bought: boolean;
  recipientName: string | null;
  recipientEmail: string | null;
  /** The start of the delivery day; null: delivered when the order was paid. */
  deliverAt: Date | null;
  createdAt: Date;
}
