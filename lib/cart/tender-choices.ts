/**
 * The rules of what a signed-in buyer may choose to pay with in the cart, besides gift cards:
 * points (a reward with an online value, taken a number of times) and store credit (an amount).
 * Pure: the cart actions check a choice with these before writing it, the cart page offers what
 * they allow. Whether a choice still pays at checkout is lib/cart/tendering.ts's to say.
 */

/** The most times one reward may pay for one cart (the cart's CHECK says the same). */
export const MAX_POINTS_QUANTITY = 99;

/** A reward as a points choice sees it. */
export interface OnlineRewardTerms {
  cost: number;
  onlineValueCents: number | null;
  onlineCurrency: string | null;
  /** Active, in an active program. */
  usable: boolean;
}

export type PointsChoiceRefusal = { reason: "rewardUnavailable" } | { reason: "notEnoughPoints"; missing: number };

/**
 * Why the member with `balance` may not choose `reward` `quantity` times in a store selling in
 * `currency`, or null when they may. `reward` null: not a reward of the store's merchant.
 */
export function checkPointsChoice(reward: OnlineRewardTerms | null, balance: number, quantity: number, currency: string): PointsChoiceRefusal | null {
  if (!reward || !reward.usable || reward.onlineValueCents === null || reward.onlineValueCents <= 0 || reward.onlineCurrency !== currency) {
    return { reason: "rewardUnavailable" };
  }
  const points = reward.cost * quantity;
  if (points > balance) return { reason: "notEnoughPoints", missing: points - balance };
  return null;
}

/** Why an amount of store credit may not be chosen, or null. `availableCents` null: no account. */
export function checkCreditChoice(requestedCents: number, availableCents: number | null): "invalidAmount" | "noCredit" | "moreThanAvailable" | null {
  if (!Number.isSafeInteger(requestedCents) || requestedCents <= 0) return "invalidAmount";
  if (availableCents === null || availableCents <= 0) return "noCredit";
  if (requestedCents > availableCents) return "moreThanAvailable";
  return null;
}

export interface PointsOffer {
  id: string;
  cost: number;
  valueCents: number;
  /** How many times it may be chosen now (0: none; see `refusal`). */
  maxQuantity: number;
  /** Why it cannot be chosen even once, with the points missing when that is why. */
  refusal: null | { reason: "notEnoughPoints"; missing: number } | { reason: "moreThanDue" };
}

/**
 * The rewards the cart page offers a member with `balance`, when `leftCents` is what gift cards
 * leave to pay: each as many times as the balance allows and its value fits in what is left (a
 * reward is never spent for less than it is worth), at most MAX_POINTS_QUANTITY.
 */
export function pointsOffers(rewards: Array<{ id: string; cost: number; valueCents: number }>, balance: number, leftCents: number): PointsOffer[] {
  return rewards.map((reward) => {
    const byBalance = Math.floor(Math.max(0, balance) / reward.cost);
    const byDue = Math.floor(Math.max(0, leftCents) / reward.valueCents);
    const maxQuantity = Math.min(MAX_POINTS_QUANTITY, byBalance, byDue);
    const refusal =
      byBalance < 1 ? ({ reason: "notEnoughPoints", missing: reward.cost - Math.max(0, balance) } as const) : byDue < 1 ? ({ reason: "moreThanDue" } as const) : null;
    return { ...reward, maxQuantity, refusal };
  });
}

/**
 * What the store-credit field offers: what the chosen credit pays now, else the smaller of what
 * is available and what is left to pay after gift cards and points.
 */
export function suggestedCreditCents(availableCents: number, leftCents: number, chosenPaysCents: number | null): number {
  if (chosenPaysCents !== null && chosenPaysCents > 0) return chosenPaysCents;
  return Math.max(0, Math.min(availableCents, leftCents));
}
