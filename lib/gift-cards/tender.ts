import { redeemRefusal, type CardState, type RedeemRefusal } from "./rules";

/** A gift card entered in a cart, as the cart reads it. */
export interface CartGiftCard extends CardState {
  id: string;
  last4: string;
}

/**
 * Splits a cart's gift cards into those that can pay now and those that cannot (with why), for
 * the buyer `customerId` (null: a guest) in `currency` at `now`. Pure.
 */
export function sortGiftCards(
  cards: readonly CartGiftCard[],
  ctx: { currency: string; customerId: string | null; now: Date },
): { usable: CartGiftCard[]; refused: Array<{ id: string; last4: string; reason: RedeemRefusal }> } {
  const usable: CartGiftCard[] = [];
  const refused: Array<{ id: string; last4: string; reason: RedeemRefusal }> = [];
  for (const card of cards) {
    const reason = redeemRefusal(card, ctx);
    if (reason) refused.push({ id: card.id, last4: card.last4, reason });
    else usable.push(card);
  }
  return { usable, refused };
}
