import { describe, expect, it } from "vitest";
import { couponAmountCents, couponStatus, normalizeCouponCode, percentOfCents, qualifyCoupon } from "./rules";
import { couponTerms } from "@/tests/doubles/coupon-terms";
import type { CouponQualification, CouponTerms, CouponUsage } from "./types";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

describe("normalizeCouponCode", () => {
  it.each([
    ["bienvenue10", "BIENVENUE10"],
    ["  Bienvenue10 ", "BIENVENUE10"],
    ["summer 2026", "SUMMER2026"],
    ["ＳＡＬＥ", "SALE"],
    ["größe", "GRÖSSE"],
  ])("%j -> %j", (input, expected) => {
    expect(normalizeCouponCode(input)).toBe(expected);
  });
});

describe("qualifyCoupon", () => {
  const cases: Array<[string, Partial<CouponTerms>, { subtotalCents?: number; now?: Date; usage?: CouponUsage }, CouponQualification]> = [
    ["no rules", {}, {}, { qualified: true }],
    ["paused", { paused: true }, {}, { qualified: false, reason: "PAUSED", params: {} }],
    ["paused wins over expired", { paused: true, endsAt: at(-1000) }, {}, { qualified: false, reason: "PAUSED", params: {} }],
    ["starts one ms later", { startsAt: at(1) }, {}, { qualified: false, reason: "NOT_STARTED", params: { startsAt: at(1).toISOString() } }],
    ["starts exactly now (inclusive)", { startsAt: NOW }, {}, { qualified: true }],
    ["ends one second later", { endsAt: at(1000) }, {}, { qualified: true }],
    ["ends one ms later", { endsAt: at(1) }, {}, { qualified: true }],
    ["ends exactly now (exclusive)", { endsAt: NOW }, {}, { qualified: false, reason: "EXPIRED", params: { endsAt: NOW.toISOString() } }],
    ["ended one second ago", { endsAt: at(-1000) }, {}, { qualified: false, reason: "EXPIRED", params: { endsAt: at(-1000).toISOString() } }],
    ["total limit: one use left", { totalLimit: 10 }, { usage: { total: 9, byCustomer: 0 } }, { qualified: true }],
    ["total limit reached", { totalLimit: 10 }, { usage: { total: 10, byCustomer: 0 } }, { qualified: false, reason: "LIMIT_REACHED", params: {} }],
    ["total limit over (released later)", { totalLimit: 10 }, { usage: { total: 11, byCustomer: 0 } }, { qualified: false, reason: "LIMIT_REACHED", params: {} }],
    ["total limit 0", { totalLimit: 0 }, {}, { qualified: false, reason: "LIMIT_REACHED", params: {} }],
    ["per customer: one use left", { perCustomerLimit: 2 }, { usage: { total: 5, byCustomer: 1 } }, { qualified: true }],
    ["per customer: used up", { perCustomerLimit: 1 }, { usage: { total: 5, byCustomer: 1 } }, { qualified: false, reason: "ALREADY_USED", params: { perCustomerLimit: 1 } }],
    ["total limit wins over per customer", { perCustomerLimit: 1, totalLimit: 1 }, { usage: { total: 1, byCustomer: 1 } }, { qualified: false, reason: "LIMIT_REACHED", params: {} }],
    ["exactly the minimum", { minSubtotalCents: 5000 }, { subtotalCents: 5000 }, { qualified: true }],
    ["one cent below the minimum", { minSubtotalCents: 5000 }, { subtotalCents: 4999 }, { qualified: false, reason: "BELOW_MINIMUM", params: { missingCents: 1, minSubtotalCents: 5000 } }],
    ["4,00 below the minimum", { minSubtotalCents: 5000 }, { subtotalCents: 4600 }, { qualified: false, reason: "BELOW_MINIMUM", params: { missingCents: 400, minSubtotalCents: 5000 } }],
    ["empty cart", {}, { subtotalCents: 0 }, { qualified: false, reason: "EMPTY_CART", params: {} }],
    ["expired wins over below minimum", { minSubtotalCents: 5000, endsAt: at(-1) }, { subtotalCents: 100 }, { qualified: false, reason: "EXPIRED", params: { endsAt: at(-1).toISOString() } }],
  ];

  it.each(cases)("%s", (_name, overrides, context, expected) => {
    const result = qualifyCoupon(couponTerms(overrides), {
      subtotalCents: context.subtotalCents ?? 10_000,
      now: context.now ?? NOW,
      usage: context.usage,
    });
    expect(result).toEqual(expected);
  });
});

describe("percentOfCents (round half up on the minor unit)", () => {
  it.each([
    [1000, 1000, 100],
    [1005, 1000, 101], // 100.5 -> 101
    [1004, 1000, 100], // 100.4 -> 100
    [999, 1000, 100], // 99.9 -> 100
    [1, 5000, 1], // 0.5 -> 1
    [1, 4999, 0],
    [333, 3333, 111], // 110.9889 -> 111
    [12345, 10000, 12345],
    [12345, 1, 1], // 1.2345 -> 1
    [0, 1000, 0],
  ])("%i x %i bp -> %i", (amount, bp, expected) => {
    expect(percentOfCents(amount, bp)).toBe(expected);
  });
});

describe("couponAmountCents", () => {
  it.each([
    ["fixed below base", { kind: "FIXED", amountCents: 500 }, 2000, 500],
    ["fixed larger than base", { kind: "FIXED", amountCents: 5000 }, 2000, 2000],
    ["percent", { kind: "PERCENT", amountCents: null, percentBasisPoints: 1000 }, 2000, 200],
    ["percent 100 %", { kind: "PERCENT", amountCents: null, percentBasisPoints: 10000 }, 2000, 2000],
    ["percent capped (cap after rounding)", { kind: "PERCENT", amountCents: null, percentBasisPoints: 5000, maxDiscountCents: 700 }, 2001, 700],
    ["percent cap not reached", { kind: "PERCENT", amountCents: null, percentBasisPoints: 1000, maxDiscountCents: 700 }, 2005, 201],
    ["nothing left", { kind: "FIXED", amountCents: 500 }, 0, 0],
  ] as const)("%s", (_name, overrides, base, expected) => {
    expect(couponAmountCents(couponTerms(overrides), base)).toBe(expected);
  });
});

describe("couponStatus", () => {
  it.each([
    [{}, "active"],
    [{ paused: true, endsAt: NOW }, "paused"],
    [{ endsAt: NOW }, "expired"],
    [{ endsAt: at(1) }, "active"],
    [{ startsAt: at(1) }, "scheduled"],
    [{ startsAt: NOW }, "active"],
  ] as const)("%j -> %s", (overrides, expected) => {
    expect(couponStatus(couponTerms(overrides), NOW)).toBe(expected);
  });
});
