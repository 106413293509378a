import { describe, expect, it } from "vitest";
import { addMonths, bonusFor, checkAmount, checkDeliveryDay, expiryAfterDays, expiryAfterMonths, offerOf, redeemRefusal, visibleStatus, type CardState } from "./rules";

describe("amounts a buyer may choose", () => {
  const fixed = offerOf({ giftCardAmounts: [5000, 2500], giftCardMinCents: null, giftCardMaxCents: null })!;
  const range = offerOf({ giftCardAmounts: [], giftCardMinCents: 1000, giftCardMaxCents: 50000 })!;

  it("reads the product's offer, fixed amounts ascending", () => {
    expect(fixed).toEqual({ kind: "fixed", amounts: [2500, 5000] });
    expect(range).toEqual({ kind: "range", minCents: 1000, maxCents: 50000 });
    expect(offerOf({ giftCardAmounts: [], giftCardMinCents: null, giftCardMaxCents: null })).toBeNull();
  });

  it.each([
    [fixed, 2500, null],
    [fixed, 5000, null],
    [fixed, 3000, { reason: "amountNotOffered" }],
    [range, 1000, null],
    [range, 50000, null],
    [range, 999, { reason: "amountTooLow", minCents: 1000 }],
    [range, 50001, { reason: "amountTooHigh", maxCents: 50000 }],
    [range, 0, { reason: "amountNotOffered" }],
    [range, -2500, { reason: "amountNotOffered" }],
    [range, 12.5, { reason: "amountNotOffered" }],
  ] as const)("offer %j, amount %d -> %j", (offer, amount, expected) => {
    expect(checkAmount(offer, amount)).toEqual(expected);
  });
});

describe("delivery dates", () => {
  it.each([
    ["2026-12-07", null],
    ["2026-12-06", "deliveryInPast"],
    ["2027-12-07", null],
    ["2027-12-08", "deliveryTooFar"],
  ] as const)("%s on 2026-12-07 -> %s", (day, expected) => {
    expect(checkDeliveryDay(day, "2026-12-07")).toBe(expected);
  });
});

describe("expiry", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-12-07", 60, "2031-12-07"],
    ["2026-03-15", -2, "2026-01-15"],
  ])("%s + %d months = %s", (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });

  it("ends at the end of the same day N months later, in the store's time zone", () => {
    // 23:30 in Luxembourg on 31 Dec is already the next day in UTC; the card counts the local day.
    const issued = new Date("2026-12-31T22:30:00Z");
    expect(expiryAfterMonths(issued, 12, "Europe/Luxembourg")!.toISOString()).toBe("2027-12-31T23:00:00.000Z");
    expect(expiryAfterMonths(issued, 12, "UTC")!.toISOString()).toBe("2028-01-01T00:00:00.000Z");
    expect(expiryAfterMonths(issued, null, "UTC")).toBeNull();
    expect(expiryAfterDays(new Date("2026-12-07T10:00:00Z"), 30, "UTC").toISOString()).toBe("2027-01-07T00:00:00.000Z");
  });

  it("shows an active card as expired from its expiry instant on", () => {
    const expiresAt = new Date("2027-01-01T00:00:00Z");
    expect(visibleStatus({ status: "ACTIVE", expiresAt }, new Date("2026-12-31T23:59:59.999Z"))).toBe("ACTIVE");
    expect(visibleStatus({ status: "ACTIVE", expiresAt }, expiresAt)).toBe("EXPIRED");
    expect(visibleStatus({ status: "DISABLED", expiresAt }, expiresAt)).toBe("DISABLED");
  });
});

describe("whether a card can pay", () => {
  const now = new Date("2026-12-07T12:00:00Z");
  const card: CardState = { status: "ACTIVE", balanceCents: 2500, currency: "EUR", expiresAt: null, lockedCustomerId: null };
  const ctx = { currency: "EUR", customerId: null, now };

  it.each([
    [{}, {}, null],
    [{ status: "DISABLED" }, {}, "disabled"],
    [{ expiresAt: now }, {}, "expired"],
    [{ status: "EXPIRED", balanceCents: 0 }, {}, "expired"],
    [{ currency: "CHF" }, {}, "otherCurrency"],
    [{ lockedCustomerId: "cust-a" }, {}, "lockedToOther"],
    [{ lockedCustomerId: "cust-a" }, { customerId: "cust-b" }, "lockedToOther"],
    [{ lockedCustomerId: "cust-a" }, { customerId: "cust-a" }, null],
    [{ status: "USED_UP", balanceCents: 0 }, {}, "empty"],
  ] as const)("card %j with %j -> %s", (change, ctxChange, expected) => {
    expect(redeemRefusal({ ...card, ...change }, { ...ctx, ...ctxChange })).toBe(expected);
  });
});

describe("bonus gifts", () => {
  const promotion = { id: "p", minPurchaseCents: 5000, bonusCents: 1000, bonusValidDays: 90 };
  it("come with cards of at least the promotion's amount", () => {
    expect(bonusFor(promotion, 5000)).toBe(promotion);
    expect(bonusFor(promotion, 4999)).toBeNull();
    expect(bonusFor(null, 10000)).toBeNull();
  });
});
