/**
 * Earning and reward rules. Pure: the mutations call them under the card's row lock with the
 * numbers they just read, the pages call them to show where a card stands.
 */
import type { EarnDecision, EarningRules, LoyaltyLedgerKind, RewardReach } from "./types";

/**
 * True when a program has what publishing needs: terms as a text (in any locale) or a link. The
 * program form's server check and its publish button both ask this (zod-free, for the browser).
 */
export function canPublish(terms: { termsTexts: Readonly<Record<string, string | undefined>>; termsUrl: string | null | undefined }): boolean {
  return Object.values(terms.termsTexts).some((v) => !!v?.trim()) || !!terms.termsUrl?.trim();
}

/** The largest amount of points or stamps one movement may carry (PostgreSQL integer, with room). */
export const MAX_MOVEMENT = 1_000_000;

/**
 * Points for an amount spent: `pointsPerUnit` per WHOLE unit of currency, rounded down (12.99 EUR
 * at 2 points per euro earns 24). `digits` is the currency's number of minor-unit digits.
 */
export function pointsForSpend(spendCents: number, pointsPerUnit: number, digits: number): number {
  if (!Number.isSafeInteger(spendCents) || spendCents < 0) throw new RangeError(`Not an amount in minor units: ${spendCents}`);
  const wholeUnits = Math.floor(spendCents / 10 ** digits);
  return wholeUnits * pointsPerUnit;
}

/** What one earning gives before cooldown and cap: stamps per visit, or points for the spend. */
export function earningAmount(rules: EarningRules, spendCents: number | null, digits: number): number {
  if (rules.type === "STAMPS") return rules.stampsPerVisit ?? 0;
  return pointsForSpend(spendCents ?? 0, rules.pointsPerUnit ?? 0, digits);
}

/**
 * Whole minutes (rounded up) left before a card that last earned at `lastEarnedAt` may earn again;
 * 0 when it may. Never more than the cooldown: a request that read the clock before a concurrent
 * earning took the card's lock sees that earning a moment "in the future".
 */
export function cooldownMinutesLeft(lastEarnedAt: Date | null, cooldownMinutes: number, now: Date): number {
  if (!lastEarnedAt || cooldownMinutes <= 0) return 0;
  const leftMs = lastEarnedAt.getTime() + cooldownMinutes * 60_000 - now.getTime();
  return leftMs > 0 ? Math.min(cooldownMinutes, Math.ceil(leftMs / 60_000)) : 0;
}

/**
 * Decides one earning of `amount` on a card: refused during the cooldown (with the minutes
 * left), refused when it would take the card over the daily cap (with what is left today),
 * refused when there is nothing to earn. Cooldown is checked first: it is what staff can wait out.
 */
export function decideEarning(input: {
  rules: EarningRules;
  amount: number;
  lastEarnedAt: Date | null;
  earnedToday: number;
  now: Date;
}): EarnDecision {
  const { rules, amount, lastEarnedAt, earnedToday, now } = input;
  const minutes = cooldownMinutesLeft(lastEarnedAt, rules.cooldownMinutes, now);
  if (minutes > 0) return { ok: false, reason: "COOLDOWN", params: { minutes } };
  if (amount <= 0) return { ok: false, reason: "NOTHING_TO_EARN", params: {} };
  if (rules.dailyCap !== null && earnedToday + amount > rules.dailyCap) {
    return { ok: false, reason: "DAILY_CAP", params: { remaining: Math.max(0, rules.dailyCap - earnedToday), cap: rules.dailyCap } };
  }
  return { ok: true, amount };
}

/** A reward is within reach when the card misses at most a fifth of its cost (at least 1). */
export function rewardReach(balance: number, cost: number): RewardReach {
  if (balance >= cost) return "READY";
  const missing = cost - balance;
  return missing * 5 <= cost ? "WITHIN_REACH" : "FAR";
}

/** Rewards that an earning from `before` to `after` brought within reach or made redeemable. */
export function rewardsNewlyReached<R extends { cost: number }>(rewards: readonly R[], before: number, after: number): R[] {
  return rewards.filter((r) => rewardReach(before, r.cost) === "FAR" && rewardReach(after, r.cost) !== "FAR");
}

/** Progress towards a reward in percent (0..100, rounded down) for progress bars. */
export function rewardProgress(balance: number, cost: number): number {
  if (cost <= 0) return 100;
  return Math.min(100, Math.floor((Math.max(0, balance) * 100) / cost));
}

/**
 * Whether a manager may reverse a movement: earnings, bonuses and counter redemptions. Reversals
 * stand, and an online order's spending and its give-backs are settled by the order's own
 * release and refunds.
 */
export function canReverse(movement: { kind: LoyaltyLedgerKind; orderId: string | null }): boolean {
  return movement.kind === "EARN" || movement.kind === "BONUS" || (movement.kind === "REDEEM" && movement.orderId === null);
}
