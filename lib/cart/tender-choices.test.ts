import { describe, expect, it } from "vitest";
import { checkCreditChoice, checkPointsChoice, pointsOffers, suggestedCreditCents, type OnlineRewardTerms } from "./tender-choices";

const reward: OnlineRewardTerms = { cost: 500, onlineValueCents: 500, onlineCurrency: "EUR", usable: true };

describe("checkPointsChoice", () => {
  it.each([
    ["a usable reward the balance covers", reward, 1000, 2, "EUR", null],
    ["exactly the balance", reward, 500, 1, "EUR", null],
    ["no such reward of this merchant", null, 1000, 1, "EUR", { reason: "rewardUnavailable" }],
    ["a reward switched off or in a paused program", { ...reward, usable: false }, 1000, 1, "EUR", { reason: "rewardUnavailable" }],
    ["a counter-only reward", { ...reward, onlineValueCents: null, onlineCurrency: null }, 1000, 1, "EUR", { reason: "rewardUnavailable" }],
    ["a reward valued in another currency", { ...reward, onlineCurrency: "CHF" }, 1000, 1, "EUR", { reason: "rewardUnavailable" }],
    ["more points than held", reward, 1200, 3, "EUR", { reason: "notEnoughPoints", missing: 300 }],
    ["no points at all", reward, 0, 1, "EUR", { reason: "notEnoughPoints", missing: 500 }],
  ] as const)("%s", (_, terms, balance, quantity, currency, expected) => {
    expect(checkPointsChoice(terms, balance, quantity, currency)).toEqual(expected);
  });
});

describe("checkCreditChoice", () => {
  it.each([
    [1000, 2500, null],
    [2500, 2500, null],
    [2501, 2500, "moreThanAvailable"],
    [0, 2500, "invalidAmount"],
    [-5, 2500, "invalidAmount"],
    [1.5, 2500, "invalidAmount"],
    [100, null, "noCredit"],
    [100, 0, "noCredit"],
  ] as const)("%d of %s available: %s", (requested, available, expected) => {
    expect(checkCreditChoice(requested, available)).toBe(expected);
  });
});

describe("pointsOffers", () => {
  const rewards = [
    { id: "small", cost: 100, valueCents: 100 },
    { id: "big", cost: 500, valueCents: 1000 },
  ];
  it("offers each reward as often as both the balance and what is left allow", () => {
    expect(pointsOffers(rewards, 450, 10_000)).toEqual([
      { id: "small", cost: 100, valueCents: 100, maxQuantity: 4, refusal: null },
      { id: "big", cost: 500, valueCents: 1000, maxQuantity: 0, refusal: { reason: "notEnoughPoints", missing: 50 } },
    ]);
    expect(pointsOffers(rewards, 5000, 2500).map((o) => o.maxQuantity)).toEqual([25, 2]);
  });
  it("refuses a reward worth more than what is left rather than spending it for less", () => {
    expect(pointsOffers(rewards, 5000, 900)[1]).toMatchObject({ maxQuantity: 0, refusal: { reason: "moreThanDue" } });
    expect(pointsOffers(rewards, 5000, 0).every((o) => o.maxQuantity === 0)).toBe(true);
  });
  it("never offers more than 99 times", () => {
    expect(pointsOffers([{ id: "tiny", cost: 1, valueCents: 1 }], 1_000_000, 1_000_000)[0]!.maxQuantity).toBe(99);
  });
});

describe("suggestedCreditCents", () => {
  it.each([
    [2500, 1000, null, 1000],
    [800, 1000, null, 800],
    [800, 0, null, 0],
    [2500, 1000, 600, 600],
    [2500, 1000, 0, 1000],
  ] as const)("available %d, left %d, chosen pays %s: %d", (available, left, chosen, expected) => {
    expect(suggestedCreditCents(available, left, chosen)).toBe(expected);
  });
});
