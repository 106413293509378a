import type { RedeemRefusal } from "@/lib/gift-cards/rules";
import { sortGiftCards } from "@/lib/gift-cards/tender";
import { applyTenders, type Tender, type TenderedTotal } from "@/lib/pricing/tenders";
import type { CartForCheckout } from "./types";

/** Why the points a cart asks to pay with cannot pay; translated under Cart.points.refusals. */
export type PointsRefusal = "signInRequired" | "noCard" | "rewardUnavailable" | "notEnoughPoints" | "moreThanDue";
/** Why the store credit a cart asks to pay with cannot pay; translated under Cart.credit.refusals. */
export type CreditRefusal = "signInRequired" | "noCredit";

export interface CartTendering {
  giftCards: {
    /** The usable cards with what each pays, in the order they pay. */
    applied: Array<{ id: string; last4: string; amountCents: number; balanceCents: number }>;
    /** Cards in the cart that cannot pay now, with why. */
    refused: Array<{ id: string; last4: string; reason: RedeemRefusal }>;
  };
  /** The points asked for: what they pay, or why they cannot; null when none are asked for. */
  points:
    | { ok: true; cardId: string; rewardId: string; quantity: number; points: number; valueCents: number; amountCents: number }
    | { ok: false; rewardId: string; quantity: number; reason: PointsRefusal }
    | null;
  /** The store credit asked for: what it pays (at most what was asked and what is available), or why not. */
  storeCredit:
    | { ok: true; accountId: string; requestedCents: number; availableCents: number; amountCents: number }
    | { ok: false; requestedCents: number; reason: CreditRefusal }
    | null;
  /** The order's total after every tender: what they pay and what remains due. */
  tendered: TenderedTotal;
}

/**
 * What a cart's tenders pay of its total, in the fixed order of lib/pricing/tenders.ts: gift
 * cards, then points, then store credit; what remains goes to the payment provider. Pure: the
 * cart page, the checkout page and the checkout transaction all price with it, so they agree.
 *
 * - Tenders never pay for the gift cards the cart buys (`giftCardLinesCents`): together they pay
 *   at most the rest of the total.
 * - Points pay a reward's online value, `quantity` times, for a signed-in member whose card holds
 *   the points, in the reward's currency. Rewards are whole: points worth more than what the gift
 *   cards leave due are refused (moreThanDue) rather than spent for less than their value.
 * - Store credit pays the smaller of what the buyer asked for, what is available and what is
 *   left; only for a signed-in customer.
 */
export function tenderCart(
  totalCents: number,
  giftCardLinesCents: number,
  cart: Pick<CartForCheckout, "customerId" | "giftCards" | "points" | "loyaltyCard" | "storeCreditCents" | "storeCredit">,
  ctx: { currency: string; now: Date },
): CartTendering {
  const customerId = cart.customerId;
  const cards = sortGiftCards(cart.giftCards, { currency: ctx.currency, customerId, now: ctx.now });
  const payableCents = Math.max(0, totalCents - giftCardLinesCents);
  const tenders: Tender[] = cards.usable.map((card) => ({ kind: "GIFT_CARD", id: card.id, availableCents: card.balanceCents }));

  let points: CartTendering["points"] = null;
  if (cart.points) {
    const { rewardId, quantity, reward } = cart.points;
    const refuse = (reason: PointsRefusal) => ({ ok: false as const, rewardId, quantity, reason });
    if (!customerId) points = refuse("signInRequired");
    else if (!cart.loyaltyCard) points = refuse("noCard");
    else if (!reward || !reward.usable || reward.onlineValueCents === null || reward.onlineCurrency !== ctx.currency) points = refuse("rewardUnavailable");
    else if (cart.loyaltyCard.balance < reward.cost * quantity) points = refuse("notEnoughPoints");
    else {
      const valueCents = reward.onlineValueCents * quantity;
      const cardsPay = applyTenders(payableCents, tenders).tenderedCents;
      if (valueCents > payableCents - cardsPay) points = refuse("moreThanDue");
      else {
        points = { ok: true, cardId: cart.loyaltyCard.id, rewardId, quantity, points: reward.cost * quantity, valueCents, amountCents: valueCents };
        tenders.push({ kind: "LOYALTY_POINTS", id: cart.loyaltyCard.id, availableCents: valueCents });
      }
    }
  }

  let storeCredit: CartTendering["storeCredit"] = null;
  if (cart.storeCreditCents !== null) {
    const requestedCents = cart.storeCreditCents;
    if (!customerId) storeCredit = { ok: false, requestedCents, reason: "signInRequired" };
    else if (!cart.storeCredit || cart.storeCredit.availableCents <= 0) storeCredit = { ok: false, requestedCents, reason: "noCredit" };
    else {
      const { accountId, availableCents } = cart.storeCredit;
      storeCredit = { ok: true, accountId, requestedCents, availableCents, amountCents: 0 };
      tenders.push({ kind: "STORE_CREDIT", id: accountId, availableCents: Math.min(requestedCents, availableCents) });
    }
  }

  const applied = applyTenders(payableCents, tenders);
  const paid = new Map(applied.tenders.map((t) => [`${t.kind}:${t.id}`, t.amountCents]));
  if (storeCredit?.ok) storeCredit.amountCents = paid.get(`STORE_CREDIT:${storeCredit.accountId}`) ?? 0;
  const amountDueCents = totalCents - applied.tenderedCents;
  return {
    giftCards: {
      applied: cards.usable
        .map((card) => ({ id: card.id, last4: card.last4, amountCents: paid.get(`GIFT_CARD:${card.id}`) ?? 0, balanceCents: card.balanceCents }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      refused: cards.refused,
    },
    points,
    storeCredit,
    tendered: { tenders: applied.tenders, tenderedCents: applied.tenderedCents, amountDueCents },
  };
}
