import { describe, expect, it } from "vitest";
import { couponTerms } from "@/tests/doubles/coupon-terms";
import type { CouponTerms } from "@/lib/coupons/types";
import { couponThatStoppedQualifying, priceCart, type PricingInput } from "./pricing";
import type { Tender } from "./tenders";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const added = (minutes: number) => new Date(NOW.getTime() - 60 * 60_000 + minutes * 60_000);

function coupon(code: string, minutes: number, terms: Partial<CouponTerms>) {
  return { ...couponTerms({ code, id: `id-${code}`, ...terms }), addedAt: added(minutes) };
}
const percent = (bp: number, extra: Partial<CouponTerms> = {}): Partial<CouponTerms> => ({ kind: "PERCENT", amountCents: null, percentBasisPoints: bp, ...extra });
const fixed = (cents: number, extra: Partial<CouponTerms> = {}): Partial<CouponTerms> => ({ kind: "FIXED", amountCents: cents, ...extra });

function input(subtotalLines: Array<[number, number]>, coupons: PricingInput["coupons"], usage: PricingInput["usage"] = {}): PricingInput {
  return {
    currency: "EUR",
    lines: subtotalLines.map(([unitPriceCents, quantity], i) => ({ productId: `p${i}`, title: `Product ${i}`, unitPriceCents, quantity })),
    coupons,
    now: NOW,
    usage,
  };
}

describe("priceCart", () => {
  it("sums lines in integer minor units", () => {
    const priced = priceCart(input([[1999, 3], [1, 1]], []));
    expect(priced).toEqual({ subtotalCents: 5998, giftCardLinesCents: 0, discountCents: 0, totalCents: 5998, discounts: [], coupons: [], tenders: [], amountDueCents: 5998 });
  });

  it("prices an empty cart at zero and reports attached coupons as EMPTY_CART", () => {
    const priced = priceCart(input([], [coupon("A", 1, fixed(500))]));
    expect(priced.totalCents).toBe(0);
    expect(priced.coupons).toEqual([{ couponId: "id-A", code: "A", qualified: false, reason: "EMPTY_CART", params: {} }]);
  });

  it("refuses non-integer or negative lines", () => {
    expect(() => priceCart(input([[10.5, 1]], []))).toThrow(RangeError);
    expect(() => priceCart(input([[100, -1]], []))).toThrow(RangeError);
    expect(() => priceCart(input([[100, 1.5]], []))).toThrow(RangeError);
  });

  // [name, lines, coupons, expected discounts per code, total]
  const table: Array<[string, Array<[number, number]>, PricingInput["coupons"], Array<[string, number]>, number]> = [
    ["10 % off", [[5000, 1]], [coupon("TEN", 1, percent(1000))], [["TEN", 500]], 4500],
    ["10 % of 10,05 rounds half up", [[1005, 1]], [coupon("TEN", 1, percent(1000))], [["TEN", 101]], 904],
    ["100 % coupon: total zero", [[4999, 2]], [coupon("FREE", 1, percent(10000))], [["FREE", 9998]], 0],
    ["fixed larger than the cart discounts at most the cart", [[300, 1]], [coupon("BIG", 1, fixed(5000))], [["BIG", 300]], 0],
    ["percent with cap", [[20000, 1]], [coupon("HALF", 1, percent(5000, { maxDiscountCents: 2500 }))], [["HALF", 2500]], 17500],
    [
      "stacking: percent applies before fixed, whatever the order they were added",
      [[10000, 1]],
      [coupon("FIVE", 1, fixed(500, { combinable: true })), coupon("TEN", 2, percent(1000, { combinable: true }))],
      [["TEN", 1000], ["FIVE", 500]],
      8500,
    ],
    [
      "two percentages compound on what is left",
      [[10000, 1]],
      [coupon("A", 1, percent(5000, { combinable: true })), coupon("B", 2, percent(5000, { combinable: true }))],
      [["A", 5000], ["B", 2500]],
      2500,
    ],
    [
      "two fixed coupons larger than the cart never go negative",
      [[1000, 1]],
      [coupon("A", 1, fixed(800, { combinable: true })), coupon("B", 2, fixed(800, { combinable: true }))],
      [["A", 800], ["B", 200]],
      0,
    ],
    [
      "a coupon after a 100 % coupon takes nothing",
      [[1000, 1]],
      [coupon("FREE", 1, percent(10000, { combinable: true })), coupon("B", 2, fixed(800, { combinable: true }))],
      [["FREE", 1000], ["B", 0]],
      0,
    ],
  ];

  it.each(table)("%s", (_name, lines, coupons, expected, total) => {
    const priced = priceCart(input(lines, coupons));
    expect(priced.discounts.map((d) => [d.code, d.amountCents])).toEqual(expected);
    expect(priced.totalCents).toBe(total);
    expect(priced.discountCents).toBe(priced.subtotalCents - priced.totalCents);
    expect(priced.totalCents).toBeGreaterThanOrEqual(0);
  });

  it("keeps the first coupon added and marks a later non-combinable one", () => {
    const priced = priceCart(input([[10000, 1]], [coupon("LATER", 2, fixed(500)), coupon("FIRST", 1, percent(1000))]));
    expect(priced.coupons).toEqual([
      { couponId: "id-FIRST", code: "FIRST", qualified: true },
      { couponId: "id-LATER", code: "LATER", qualified: false, reason: "NOT_COMBINABLE", params: { otherCode: "FIRST" } },
    ]);
    expect(priced.totalCents).toBe(9000);
  });

  it("a combinable coupon cannot join a non-combinable one", () => {
    const priced = priceCart(input([[10000, 1]], [coupon("SOLO", 1, fixed(500)), coupon("FRIENDLY", 2, fixed(100, { combinable: true }))]));
    expect(priced.coupons[1]).toMatchObject({ code: "FRIENDLY", qualified: false, reason: "NOT_COMBINABLE", params: { otherCode: "SOLO" } });
    expect(priced.totalCents).toBe(9500);
  });

  it("an unqualified first coupon does not block a later one", () => {
    const priced = priceCart(input([[1000, 1]], [coupon("OLD", 1, fixed(500, { endsAt: NOW })), coupon("NEW", 2, fixed(100))]));
    expect(priced.coupons.map((c) => [c.code, c.qualified])).toEqual([["OLD", false], ["NEW", true]]);
    expect(priced.totalCents).toBe(900);
  });

  it("usage limits: at limit-1 applies, at limit does not", () => {
    const terms = fixed(500, { totalLimit: 10, perCustomerLimit: 1 });
    expect(priceCart(input([[1000, 1]], [coupon("L", 1, terms)], { "id-L": { total: 9, byCustomer: 0 } })).totalCents).toBe(500);
    expect(priceCart(input([[1000, 1]], [coupon("L", 1, terms)], { "id-L": { total: 10, byCustomer: 0 } })).coupons[0]).toMatchObject({ reason: "LIMIT_REACHED" });
    expect(priceCart(input([[1000, 1]], [coupon("L", 1, terms)], { "id-L": { total: 3, byCustomer: 1 } })).coupons[0]).toMatchObject({ reason: "ALREADY_USED" });
  });

  it("minimum compares the subtotal before discounts: exactly the minimum and one cent below", () => {
    const terms = fixed(1000, { minSubtotalCents: 5000 });
    expect(priceCart(input([[2500, 2]], [coupon("M", 1, terms)])).totalCents).toBe(4000);
    expect(priceCart(input([[4999, 1]], [coupon("M", 1, terms)])).coupons[0]).toEqual({
      couponId: "id-M",
      code: "M",
      qualified: false,
      reason: "BELOW_MINIMUM",
      params: { missingCents: 1, minSubtotalCents: 5000 },
    });
  });

  it("ties on addedAt are broken by coupon id so every call agrees", () => {
    const a = coupon("A", 1, fixed(100));
    const b = coupon("B", 1, fixed(100));
    expect(priceCart(input([[1000, 1]], [b, a])).coupons[0]?.code).toBe("A");
  });
});

describe("priceCart with gift-card lines", () => {
  /** Goods lines, then gift-card lines (each [amount, quantity]). */
  function withCards(goods: Array<[number, number]>, cards: Array<[number, number]>, coupons: PricingInput["coupons"]): PricingInput {
    const base = input(goods, coupons);
    const cardLines = cards.map(([unitPriceCents, quantity], i) => ({ productId: `g${i}`, title: `Gift card ${i}`, unitPriceCents, quantity, giftCard: true }));
    return { ...base, lines: [...base.lines, ...cardLines] };
  }

  // [name, goods, gift cards, coupons, discounts per code, total, gift-card lines, reason of the first coupon when refused]
  it.each<[string, Array<[number, number]>, Array<[number, number]>, PricingInput["coupons"], Array<[string, number]>, number, number, string | null]>([
    ["a percentage sees the goods only", [[4000, 1]], [[5000, 1]], [coupon("TEN", 1, percent(1000))], [["TEN", 400]], 8600, 5000, null],
    ["a fixed amount larger than the goods stops at the goods", [[1000, 1]], [[5000, 2]], [coupon("BIG", 1, fixed(3000))], [["BIG", 1000]], 10000, 10000, null],
    ["gift cards do not reach a coupon's minimum", [[3000, 1]], [[5000, 1]], [coupon("M", 1, fixed(500, { minSubtotalCents: 5000 }))], [], 8000, 5000, "BELOW_MINIMUM"],
    ["goods alone reach the minimum", [[5000, 1]], [[2500, 1]], [coupon("M", 1, fixed(500, { minSubtotalCents: 5000 }))], [["M", 500]], 7000, 2500, null],
    ["a cart of gift cards only has nothing a coupon can discount", [], [[5000, 1]], [coupon("TEN", 1, percent(1000))], [], 5000, 5000, "EMPTY_CART"],
    ["a 100 % coupon leaves the gift cards to pay", [[2000, 1]], [[2500, 3]], [coupon("FREE", 1, percent(10000))], [["FREE", 2000]], 7500, 7500, null],
  ])("%s", (_name, goods, cards, coupons, expected, total, cardsCents, reason) => {
    const priced = priceCart(withCards(goods, cards, coupons));
    expect(priced.discounts.map((d) => [d.code, d.amountCents])).toEqual(expected);
    expect(priced.totalCents).toBe(total);
    expect(priced.giftCardLinesCents).toBe(cardsCents);
    expect(priced.subtotalCents - priced.discountCents).toBe(priced.totalCents);
    const first = priced.coupons[0];
    expect(first && !first.qualified ? first.reason : null).toBe(reason);
  });
});

describe("priceCart with tenders", () => {
  // Tenders pay what is left after the coupons; the total itself (the order's price) is unchanged.
  it.each<[string, Array<[number, number]>, PricingInput["coupons"], Tender[], Array<[string, number]>, number, number]>([
    ["no tenders: everything is due", [[5000, 1]], [], [], [], 5000, 5000],
    ["a tender smaller than the total", [[5000, 1]], [], [{ kind: "GIFT_CARD", id: "g1", availableCents: 2000 }], [["g1", 2000]], 5000, 3000],
    [
      "tenders pay the total after coupons, not the subtotal",
      [[10000, 1]],
      [coupon("TEN", 1, percent(1000))],
      [{ kind: "STORE_CREDIT", id: "c1", availableCents: 10000 }],
      [["c1", 9000]],
      9000,
      0,
    ],
    [
      "a 100 % coupon leaves nothing for the tenders",
      [[4000, 1]],
      [coupon("FREE", 1, percent(10000))],
      [{ kind: "GIFT_CARD", id: "g1", availableCents: 500 }],
      [["g1", 0]],
      0,
      0,
    ],
  ])("%s", (_name, lines, coupons, tenders, expected, total, due) => {
    const priced = priceCart({ ...input(lines, coupons), tenders });
    expect(priced.tenders.map((t) => [t.id, t.amountCents])).toEqual(expected);
    expect(priced.totalCents).toBe(total);
    expect(priced.amountDueCents).toBe(due);
  });
});

describe("couponThatStoppedQualifying", () => {
  // A 20,00 cart: "MIN" needs 50,00, "OLD" has expired, "SOLO" is fine, "ALSO" is not combinable with it.
  const priced = priceCart(
    input(
      [[2000, 1]],
      [
        coupon("SOLO", 1, fixed(500)),
        coupon("MIN", 2, fixed(500, { minSubtotalCents: 5000 })),
        coupon("OLD", 3, fixed(500, { endsAt: new Date(NOW.getTime() - 1) })),
        coupon("ALSO", 4, fixed(100)),
      ],
    ),
  );

  it.each([
    ["codes that never applied do not block", ["id-SOLO"], null],
    ["nothing seen applied, nothing blocks", [], null],
    ["a code seen applied that expired since blocks, with its reason", ["id-SOLO", "id-OLD"], "OLD"],
    ["a code seen applied that is now below its minimum blocks", ["id-MIN"], "MIN"],
    ["a code seen applied that another code now excludes blocks", ["id-SOLO", "id-ALSO"], "ALSO"],
  ])("%s", (_, seen, blocking) => {
    expect(couponThatStoppedQualifying(priced, new Set(seen))?.code ?? null).toBe(blocking);
  });

  it("without knowing what the buyer saw, every attached coupon must qualify", () => {
    expect(couponThatStoppedQualifying(priced, null)).toMatchObject({ code: "MIN", reason: "BELOW_MINIMUM" });
    expect(couponThatStoppedQualifying(priceCart(input([[2000, 1]], [coupon("SOLO", 1, fixed(500))])), null)).toBeNull();
  });
});
