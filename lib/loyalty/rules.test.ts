import { describe, expect, it } from "vitest";
import { cooldownMinutesLeft, decideEarning, earningAmount, pointsForSpend, rewardProgress, rewardReach, rewardsNewlyReached } from "./rules";
import type { EarnDecision, EarningRules } from "./types";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const points: EarningRules = { type: "POINTS", pointsPerUnit: 2, stampsPerVisit: null, cooldownMinutes: 30, dailyCap: 100 };
const stamps: EarningRules = { type: "STAMPS", pointsPerUnit: null, stampsPerVisit: 1, cooldownMinutes: 0, dailyCap: null };

describe("pointsForSpend", () => {
  it.each([
    [0, 1, 2, 0],
    [99, 1, 2, 0],
    [100, 1, 2, 1],
    [1299, 2, 2, 24],
    [1300, 2, 2, 26],
    [500, 3, 0, 1500],
    [1999, 1, 3, 1],
  ])("%i minor units at %i per unit (%i digits) -> %i", (cents, perUnit, digits, expected) => {
    expect(pointsForSpend(cents, perUnit, digits)).toBe(expected);
  });

  it.each([[-1], [1.5], [Number.NaN]])("refuses %s", (cents) => {
    expect(() => pointsForSpend(cents, 1, 2)).toThrow(RangeError);
  });
});

describe("earningAmount", () => {
  it("stamps ignore the spend", () => expect(earningAmount({ ...stamps, stampsPerVisit: 2 }, 999_999, 2)).toBe(2));
  it("points follow the spend", () => expect(earningAmount(points, 2550, 2)).toBe(50));
  it("points without a spend give nothing", () => expect(earningAmount(points, null, 2)).toBe(0));
});

describe("cooldownMinutesLeft", () => {
  it.each<[string, Date | null, number, number]>([
    ["never earned", null, 30, 0],
    ["no cooldown", minutesAgo(0), 0, 0],
    ["just earned", NOW, 30, 30],
    ["earned a moment after this request read the clock", new Date(NOW.getTime() + 250), 30, 30],
    ["one second ago rounds up", new Date(NOW.getTime() - 1000), 30, 30],
    ["29.5 minutes ago", new Date(NOW.getTime() - 29.5 * 60_000), 30, 1],
    ["one ms before the end", new Date(NOW.getTime() - 30 * 60_000 + 1), 30, 1],
    ["exactly at the end", minutesAgo(30), 30, 0],
    ["long ago", minutesAgo(600), 30, 0],
  ])("%s", (_label, last, cooldown, expected) => {
    expect(cooldownMinutesLeft(last, cooldown, NOW)).toBe(expected);
  });
});

describe("decideEarning", () => {
  const cases: Array<[string, EarningRules, number, Date | null, number, EarnDecision]> = [
    ["first earning", points, 10, null, 0, { ok: true, amount: 10 }],
    ["in the cooldown", points, 10, minutesAgo(10), 10, { ok: false, reason: "COOLDOWN", params: { minutes: 20 } }],
    ["cooldown over", points, 10, minutesAgo(30), 10, { ok: true, amount: 10 }],
    ["cooldown wins over the cap", points, 10, minutesAgo(1), 100, { ok: false, reason: "COOLDOWN", params: { minutes: 29 } }],
    ["reaches the cap exactly", points, 10, null, 90, { ok: true, amount: 10 }],
    ["one over the cap", points, 11, null, 90, { ok: false, reason: "DAILY_CAP", params: { remaining: 10, cap: 100 } }],
    ["cap used up", points, 1, null, 100, { ok: false, reason: "DAILY_CAP", params: { remaining: 0, cap: 100 } }],
    ["nothing to earn", points, 0, null, 0, { ok: false, reason: "NOTHING_TO_EARN", params: {} }],
    ["stamps without cap or cooldown", stamps, 1, NOW, 500, { ok: true, amount: 1 }],
  ];
  it.each(cases)("%s", (_label, rules, amount, lastEarnedAt, earnedToday, expected) => {
    expect(decideEarning({ rules, amount, lastEarnedAt, earnedToday, now: NOW })).toEqual(expected);
  });
});

describe("rewardReach", () => {
  it.each([
    [100, 100, "READY"],
    [150, 100, "READY"],
    [80, 100, "WITHIN_REACH"],
    [79, 100, "FAR"],
    [0, 100, "FAR"],
    [9, 10, "WITHIN_REACH"],
    [8, 10, "WITHIN_REACH"],
    [7, 10, "FAR"],
    [0, 1, "FAR"],
  ])("balance %i, cost %i -> %s", (balance, cost, expected) => {
    expect(rewardReach(balance, cost)).toBe(expected);
  });

  it("reports the rewards an earning brought within reach, once", () => {
    const rewards = [{ id: "a", cost: 10 }, { id: "b", cost: 100 }, { id: "c", cost: 5 }];
    expect(rewardsNewlyReached(rewards, 0, 8).map((r) => r.id)).toEqual(["a", "c"]);
    expect(rewardsNewlyReached(rewards, 8, 9)).toEqual([]);
    expect(rewardsNewlyReached(rewards, 0, 4).map((r) => r.id)).toEqual(["c"]);
  });

  it.each([[0, 10, 0], [5, 10, 50], [15, 10, 100], [1, 3, 33]])("progress %i/%i -> %i%%", (b, c, p) => {
    expect(rewardProgress(b, c)).toBe(p);
  });
});
