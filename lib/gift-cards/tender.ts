import { applyTenders, type TenderedTotal } from "@/lib/pricing/tenders";
import { redeemRefusal, type CardState, type RedeemRefusal } from "./rules";

/** A gift card entered in a cart, as the cart reads it. */
export interface CartGiftCard extends CardState {
  id: string;
  last4: string;
}

export interface GiftCardTendering {
  /** The usable cards with what each pays, in the order they pay (see applyTenders). */
  applied: Array<{ id: string; last4: string; amountCents: number; balanceCents: number }>;
  /** Cards in the cart that cannot pay now, with why. */
  refused: Array<{ id: string; last4: string; reason: RedeemRefusal }>;
  /** The order's total after the gift cards: what they pay and what remains due. */
  tendered: TenderedTotal;
}

/**
 * What a cart's gift cards pay of its total: each usable card the smaller of its balance and
 * what is still due after coupons, and all of them together nothing of the gift cards the cart
 * buys (`giftCardLinesCents`: a gift card cannot buy a gift card). Pure; the cart page, the
 * checkout page and the checkout transaction all price with it, so they agree.
 */
export function tenderGiftCards(
  totalCents: number,
  giftCardLinesCents: number,
  cards: readonly CartGiftCard[],
  ctx: { currency: string; customerId: string | null; now: Date },
): GiftCardTendering {
  const refused: GiftCardTendering["refused"] = [];
  const usable: CartGiftCard[] = [];
  for (const card of cards) {
    const reason = redeemRefusal(card, ctx);
    if (reason) refused.push({ id: card.id, last4: card.last4, reason });
    else usable.push(card);
  }
  const tendered = applyTenders(
    totalCents,
    usable.map((card) => ({ kind: "GIFT_CARD" as const, id: card.id, availableCents: card.balanceCents })),
    { GIFT_CARD: Math.max(0, totalCents - giftCardLinesCents) },
  );
  const byId = new Map(usable.map((card) => [card.id, card]));
  const applied = tendered.tenders.map((t) => ({ id: t.id, last4: byId.get(t.id)!.last4, amountCents: t.amountCents, balanceCents: byId.get(t.id)!.balanceCents }));
  return { applied, refused, tendered };
}
