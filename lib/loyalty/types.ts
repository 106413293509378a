/**
 * Loyalty vocabulary shared by the merchant area, the terminal, the storefront and the emails.
 * Pure types: no database, safe to import from client components.
 */

export type LoyaltyProgramType = "POINTS" | "STAMPS";
export type LoyaltyLedgerKind = "EARN" | "REDEEM" | "BONUS" | "REVERSAL" | "RELEASE" | "REFUND";

/** The rule fields of a program: everything earning needs. */
export interface EarningRules {
  type: LoyaltyProgramType;
  /** POINTS: points per whole unit of currency. */
  pointsPerUnit: number | null;
  /** STAMPS: stamps per visit. */
  stampsPerVisit: number | null;
  /** Minutes between two earnings on one card; 0 means none. */
  cooldownMinutes: number;
  /** Most points or stamps one card may earn per day; null means no cap. */
  dailyCap: number | null;
}

/**
 * Why an earning or a redemption is refused. The UI translates each code under
 * `Loyalty.reasons.<code>` with its params.
 * - COOLDOWN { minutes }: minutes left (rounded up) before the card can earn again
 * - DAILY_CAP { remaining, cap }: what the card may still earn today
 * - NOTHING_TO_EARN {}: the amount gives no point (e.g. less than one unit)
 * - INSUFFICIENT_BALANCE { missing }: the reward costs more than the balance
 * - REWARD_UNAVAILABLE {}: not a reward of this program, or switched off
 * - ALREADY_REVERSED {}: a movement is reversed at most once
 * - NOT_REVERSIBLE {}: reversals and enrollment bonuses cannot be reversed here
 * - BALANCE_TOO_LOW {}: reversing an earning would make the balance negative
 */
export const LOYALTY_REASONS = [
  "COOLDOWN",
  "DAILY_CAP",
  "NOTHING_TO_EARN",
  "INSUFFICIENT_BALANCE",
  "REWARD_UNAVAILABLE",
  "ALREADY_REVERSED",
  "NOT_REVERSIBLE",
  "BALANCE_TOO_LOW",
] as const;
export type LoyaltyReason = (typeof LOYALTY_REASONS)[number];

export type EarnDecision =
  | { ok: true; amount: number }
  | { ok: false; reason: "COOLDOWN"; params: { minutes: number } }
  | { ok: false; reason: "DAILY_CAP"; params: { remaining: number; cap: number } }
  | { ok: false; reason: "NOTHING_TO_EARN"; params: Record<string, never> };

/** How far a card is from a reward. */
export type RewardReach = "READY" | "WITHIN_REACH" | "FAR";
