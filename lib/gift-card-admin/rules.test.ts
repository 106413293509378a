import { describe, expect, it } from "vitest";
import { canDisable, enableRefusal, expiryChoice, expiryOfDay, extendRefusal, last4Of, lastValidDay, parseListQuery, statusWhenEnabled } from "./rules";

describe("the list's search params", () => {
  it.each([
    [{}, { q: "", status: null, page: 1 }],
    [{ q: "  marie  ", status: "EXPIRED", page: "3" }, { q: "marie", status: "EXPIRED", page: 3 }],
    [{ q: ["a", "b"], status: "expired", page: "0" }, { q: "a", status: null, page: 1 }],
    [{ q: "x\u0000y", status: "DELETED", page: "2.5" }, { q: "xy", status: null, page: 1 }],
    [{ q: "z".repeat(150), page: "-1" }, { q: "z".repeat(100), status: null, page: 1 }],
  ] as const)("%j -> %j", (params, expected) => {
    expect(parseListQuery(params)).toEqual(expected);
  });
});

describe("searching by the last four characters", () => {
  it.each([
    ["WV2D", "WV2D"],
    ["wv2d", "WV2D"],
    ["•••• wv2d", "WV2D"],
    ["**** WV2D", "WV2D"],
    ["WV2", null],
    ["WV2DX", null],
    ["marie", null],
    ["a@b.", null],
  ])("%j -> %j", (q, expected) => {
    expect(last4Of(q)).toBe(expected);
  });
});

describe("expiry days", () => {
  it("a card valid through a day expires when the next day starts in the zone, and shows that day back", () => {
    // Winter: Luxembourg is UTC+1; summer: UTC+2.
    expect(expiryOfDay("2027-01-31", "Europe/Luxembourg").toISOString()).toBe("2027-01-31T23:00:00.000Z");
    expect(expiryOfDay("2027-06-30", "Europe/Luxembourg").toISOString()).toBe("2027-06-30T22:00:00.000Z");
    expect(expiryOfDay("2027-12-31", "UTC").toISOString()).toBe("2028-01-01T00:00:00.000Z");
    expect(lastValidDay(expiryOfDay("2027-06-30", "Europe/Luxembourg"), "Europe/Luxembourg")).toBe("2027-06-30");
    expect(lastValidDay(expiryOfDay("2028-02-29", "Asia/Kathmandu"), "Asia/Kathmandu")).toBe("2028-02-29");
  });
});

describe("extending a card", () => {
  const now = new Date("2026-12-07T12:00:00Z");
  const later = new Date("2027-06-01T00:00:00Z");
  const current = new Date("2027-01-01T00:00:00Z");
  it.each([
    [{ status: "ACTIVE", expiresAt: current }, later, null],
    [{ status: "ACTIVE", expiresAt: current }, null, null],
    [{ status: "ACTIVE", expiresAt: current }, current, "notLater"],
    [{ status: "ACTIVE", expiresAt: current }, new Date("2026-12-31T00:00:00Z"), "notLater"],
    [{ status: "ACTIVE", expiresAt: null }, later, "notLater"],
    [{ status: "ACTIVE", expiresAt: null }, null, "notLater"],
    [{ status: "ACTIVE", expiresAt: current }, now, "inPast"],
    // Past its date but not yet expired by the job: the money is still on it.
    [{ status: "ACTIVE", expiresAt: new Date("2026-12-01T00:00:00Z") }, later, null],
    [{ status: "DISABLED", expiresAt: current }, later, null],
    [{ status: "USED_UP", expiresAt: current }, null, null],
    [{ status: "EXPIRED", expiresAt: new Date("2026-12-01T00:00:00Z") }, later, "expiredTaken"],
    [{ status: "EXPIRED", expiresAt: new Date("2026-12-01T00:00:00Z") }, null, "expiredTaken"],
  ] as const)("%j to %s -> %s", (card, next, expected) => {
    expect(extendRefusal(card, next, now)).toBe(expected);
  });
});

describe("disabling and enabling a card", () => {
  const now = new Date("2026-12-07T12:00:00Z");
  it("disables only cards that could be used", () => {
    expect(["ACTIVE", "USED_UP", "DISABLED", "EXPIRED"].map((s) => canDisable(s as "ACTIVE"))).toEqual([true, true, false, false]);
  });

  it.each([
    [{ status: "DISABLED", expiresAt: null }, null],
    [{ status: "DISABLED", expiresAt: new Date("2026-12-07T12:00:01Z") }, null],
    [{ status: "DISABLED", expiresAt: now }, "expired"],
    [{ status: "ACTIVE", expiresAt: null }, "notDisabled"],
    [{ status: "EXPIRED", expiresAt: null }, "notDisabled"],
  ] as const)("%j -> %s", (card, expected) => {
    expect(enableRefusal(card, now)).toBe(expected);
  });

  it("gives an enabled card its status by balance", () => {
    expect(statusWhenEnabled(1)).toBe("ACTIVE");
    expect(statusWhenEnabled(0)).toBe("USED_UP");
  });
});

describe("the default expiry as the settings form shows it", () => {
  it.each([
    [null, { unit: "none", count: null }],
    [12, { unit: "years", count: 1 }],
    [60, { unit: "years", count: 5 }],
    [18, { unit: "months", count: 18 }],
  ] as const)("%s months -> %j", (months, expected) => {
    expect(expiryChoice(months)).toEqual(expected);
  });
});
