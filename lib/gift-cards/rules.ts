import { addDays, dayKey, startOfDayKey } from "@/lib/time";

/**
 * The rules of gift cards that need no database: amounts a product offers, delivery dates,
 * expiry and whether a card can pay. Pure and table-tested (rules.test.ts).
 */

/** The longest personal message on a card. */
export const GIFT_CARD_MESSAGE_MAX = 500;
/** How far ahead a delivery date may be, in days. */
export const DELIVERY_MAX_DAYS_AHEAD = 365;

/** What a gift-card product offers: fixed amounts, or any amount between a minimum and a maximum. */
export type GiftCardOffer = { kind: "fixed"; amounts: readonly number[] } | { kind: "range"; minCents: number; maxCents: number };

/** The offer stored on a product (Product.giftCardAmounts / giftCardMinCents / giftCardMaxCents). */
export function offerOf(product: { giftCardAmounts: readonly number[]; giftCardMinCents: number | null; giftCardMaxCents: number | null }): GiftCardOffer | null {
  if (product.giftCardAmounts.length > 0) return { kind: "fixed", amounts: [...product.giftCardAmounts].sort((a, b) => a - b) };
  if (product.giftCardMinCents !== null && product.giftCardMaxCents !== null) {
    return { kind: "range", minCents: product.giftCardMinCents, maxCents: product.giftCardMaxCents };
  }
  return null;
}

export type AmountRefusal =
  | { reason: "amountNotOffered" }
  | { reason: "amountTooLow"; minCents: number }
  | { reason: "amountTooHigh"; maxCents: number };

/** Whether a buyer may choose `amountCents` (a positive integer of minor units) from `offer`. */
export function checkAmount(offer: GiftCardOffer, amountCents: number): AmountRefusal | null {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return { reason: "amountNotOffered" };
  if (offer.kind === "fixed") return offer.amounts.includes(amountCents) ? null : { reason: "amountNotOffered" };
  if (amountCents < offer.minCents) return { reason: "amountTooLow", minCents: offer.minCents };
  if (amountCents > offer.maxCents) return { reason: "amountTooHigh", maxCents: offer.maxCents };
  return null;
}

/**
 * Whether a delivery day (a day key in the store's time zone) may be chosen on `today`: not
 * before today, at most DELIVERY_MAX_DAYS_AHEAD days after it.
 */
export function checkDeliveryDay(day: string, today: string): "deliveryInPast" | "deliveryTooFar" | null {
  if (day < today) return "deliveryInPast";
  if (day > addDays(today, DELIVERY_MAX_DAYS_AHEAD)) return "deliveryTooFar";
  return null;
}

/** `day` moved by whole calendar months, the day clamped to the target month's length. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * When a card issued at `issuedAt` expires after `months`: at the end of the same calendar day
 * `months` later in the store's time zone (the card is valid through that whole day). Null
 * months: never.
 */
export function expiryAfterMonths(issuedAt: Date, months: number | null, timeZone: string): Date | null {
  if (months === null) return null;
  return startOfDayKey(addDays(addMonths(dayKey(issuedAt, timeZone), months), 1), timeZone);
}

/** The same for a number of days (bonus cards). */
export function expiryAfterDays(issuedAt: Date, days: number, timeZone: string): Date {
  return startOfDayKey(addDays(dayKey(issuedAt, timeZone), days + 1), timeZone);
}

export type GiftCardStatus = "ACTIVE" | "DISABLED" | "EXPIRED" | "USED_UP";

export interface CardState {
  status: GiftCardStatus;
  balanceCents: number;
  currency: string;
  expiresAt: Date | null;
  lockedCustomerId: string | null;
}

/** The status a person should see: an active card past its date is expired before the job says so. */
export function visibleStatus(card: Pick<CardState, "status" | "expiresAt">, now: Date): GiftCardStatus {
  if (card.status === "ACTIVE" && card.expiresAt !== null && card.expiresAt <= now) return "EXPIRED";
  return card.status;
}

/** Why a card cannot pay; each is translated under GiftCards.refusals. */
export type RedeemRefusal = "disabled" | "expired" | "otherCurrency" | "lockedToOther" | "empty";

/**
 * Whether `card` can pay in `currency` for `customerId` (null: a guest) at `now`. A card locked
 * to a customer pays only for that customer, signed in.
 */
export function redeemRefusal(card: CardState, ctx: { currency: string; customerId: string | null; now: Date }): RedeemRefusal | null {
  const status = visibleStatus(card, ctx.now);
  if (status === "DISABLED") return "disabled";
  if (status === "EXPIRED") return "expired";
  if (card.currency !== ctx.currency) return "otherCurrency";
  if (card.lockedCustomerId !== null && card.lockedCustomerId !== ctx.customerId) return "lockedToOther";
  if (status === "USED_UP" || card.balanceCents <= 0) return "empty";
  return null;
}

export interface Promotion {
  id: string;
  minPurchaseCents: number;
  bonusCents: number;
  bonusValidDays: number;
}

/** The bonus a purchased card of `amountCents` earns under the merchant's active promotion, if any. */
export function bonusFor(promotion: Promotion | null, amountCents: number): Promotion | null {
  return promotion && amountCents >= promotion.minPurchaseCents ? promotion : null;
}
