import { describe, expect, it } from "vitest";
import { linesRefund, netLineTotals, planRefund, unitsValue, type RefundableLine, type RefundSource } from "./refund-plan";

const line = (id: string, totalCents: number, quantity: number, change: Partial<RefundableLine> = {}): RefundableLine => ({
  id,
  giftCard: false,
  totalCents,
  quantity,
  refundedQuantity: 0,
  ...change,
});

describe("netLineTotals", () => {
  it.each<[string, RefundableLine[], number, Record<string, number>]>([
    ["no discount: every line is worth its total", [line("a", 3000, 1), line("b", 2000, 2)], 0, { a: 3000, b: 2000 }],
    ["a discount is shared in proportion to the totals", [line("a", 3000, 1), line("b", 1000, 1)], 400, { a: 2700, b: 900 }],
    ["the cent a split leaves goes to the largest remainder", [line("a", 1000, 1), line("b", 1000, 1), line("c", 1000, 1)], 100, { a: 966, b: 967, c: 967 }],
    ["gift cards keep their full value", [line("g", 5000, 1, { giftCard: true }), line("a", 2000, 1)], 500, { g: 5000, a: 1500 }],
    ["a discount above the goods takes them to zero, never below", [line("a", 1000, 1)], 5000, { a: 0 }],
  ])("%s", (_name, lines, discount, expected) => {
    const net = netLineTotals(lines, discount);
    expect(Object.fromEntries(net)).toEqual(expected);
    expect([...net.values()].reduce((a, b) => a + b, 0)).toBe(lines.reduce((a, l) => a + l.totalCents, 0) - Math.min(discount, lines.filter((l) => !l.giftCard).reduce((a, l) => a + l.totalCents, 0)));
  });
});

describe("unitsValue", () => {
  it("splits a line's value over its units so that every step adds up to the whole", () => {
    // 10.00 over 3 units: 3.33, 3.33, 3.34.
    expect([unitsValue(1000, 3, 0, 1), unitsValue(1000, 3, 1, 1), unitsValue(1000, 3, 2, 1)]).toEqual([333, 333, 334]);
    expect(unitsValue(1000, 3, 0, 2) + unitsValue(1000, 3, 2, 1)).toBe(1000);
    expect(unitsValue(1000, 3, 0, 3)).toBe(1000);
  });
});

describe("linesRefund", () => {
  const lines = [line("a", 3000, 3), line("b", 1000, 1, { refundedQuantity: 1 }), line("g", 5000, 1, { giftCard: true })];
  it("prices the units asked for after the discount", () => {
    expect(linesRefund(lines, 400, [{ lineId: "a", quantity: 1 }])).toEqual({ ok: true, amountCents: 900, lines: [{ lineId: "a", quantity: 1, amountCents: 900 }] });
    expect(linesRefund(lines, 0, [{ lineId: "a", quantity: 2 }, { lineId: "g", quantity: 1 }])).toMatchObject({ ok: true, amountCents: 7000 });
  });
  it.each<[string, Array<{ lineId: string; quantity: number }>, string]>([
    ["a line of another order", [{ lineId: "x", quantity: 1 }], "unknownLine"],
    ["the same line twice", [{ lineId: "a", quantity: 1 }, { lineId: "a", quantity: 1 }], "unknownLine"],
    ["more units than bought", [{ lineId: "a", quantity: 4 }], "tooManyUnits"],
    ["units already refunded", [{ lineId: "b", quantity: 1 }], "tooManyUnits"],
    ["a negative quantity", [{ lineId: "a", quantity: -1 }], "tooManyUnits"],
    ["nothing at all", [{ lineId: "a", quantity: 0 }], "nothingToRefund"],
  ])("refuses %s", (_name, request, reason) => {
    expect(linesRefund(lines, 0, request)).toMatchObject({ ok: false, reason });
  });
});

describe("planRefund", () => {
  const payment = (paid: number, refunded = 0): RefundSource => ({ kind: "PAYMENT", tenderId: null, paidCents: paid, refundedCents: refunded });
  const credit = (paid: number, refunded = 0): RefundSource => ({ kind: "STORE_CREDIT", tenderId: "credit", paidCents: paid, refundedCents: refunded });
  const points = (paid: number, pts: number, refunded = 0): RefundSource => ({ kind: "LOYALTY_POINTS", tenderId: "points", paidCents: paid, refundedCents: refunded, points: pts });
  const gift = (id: string, paid: number, refunded = 0): RefundSource => ({ kind: "GIFT_CARD", tenderId: `t-${id}`, paidCents: paid, refundedCents: refunded, useOrder: id });
  const mixed = [gift("g1", 1000), gift("g2", 500), points(500, 500), credit(2000), payment(3000)];
  const shares = (amount: number, sources: RefundSource[], toCredit = false) => {
    const plan = planRefund(amount, sources, toCredit);
    if (!plan.ok) throw new Error(plan.reason);
    return plan.shares.map((s) => [s.kind, s.tenderId, s.amountCents, s.points]);
  };

  it.each<[string, number, boolean, Array<[string, string | null, number, number | null]>]>([
    ["a small refund comes from the card payment", 1000, false, [["PAYMENT", null, 1000, null]]],
    ["to store credit, the card payment's share goes to the customer's credit", 1000, true, [["STORE_CREDIT", null, 1000, null]]],
    [
      "past the card payment: store credit, then points, then gift cards last used first",
      6500,
      false,
      [
        ["PAYMENT", null, 3000, null],
        ["STORE_CREDIT", "credit", 2000, null],
        ["LOYALTY_POINTS", "points", 500, 500],
        ["GIFT_CARD", "t-g2", 500, null],
        ["GIFT_CARD", "t-g1", 500, null],
      ],
    ],
    [
      "half of the mixed order to store credit",
      3500,
      true,
      [
        ["STORE_CREDIT", null, 3000, null],
        ["STORE_CREDIT", "credit", 500, null],
      ],
    ],
  ])("%s", (_name, amount, toCredit, expected) => {
    expect(shares(amount, mixed, toCredit)).toEqual(expected);
  });

  it("a whole refund gives back exactly what each paid", () => {
    const all = shares(7000, mixed);
    expect(all.reduce((sum, s) => sum + (s[2] as number), 0)).toBe(7000);
    expect(all.find((s) => s[0] === "LOYALTY_POINTS")![3]).toBe(500);
  });

  it("points come back in proportion, rounded down, and all of them with the last cent", () => {
    // 300 points paid 2.50: refunds of 1.00, 1.00 and 0.50 give 120, 120 and 60 points.
    const steps = [100, 100, 50];
    let refunded = 0;
    const back = steps.map((amount) => {
      const got = shares(amount, [points(250, 300, refunded)])[0]![3] as number;
      refunded += amount;
      return got;
    });
    expect(back).toEqual([120, 120, 60]);
    // Uneven: 100 points paid 3.00, refunded 1.00 at a time: 33, 33, 34.
    expect([0, 100, 200].map((r) => shares(100, [points(300, 100, r)])[0]![3])).toEqual([33, 33, 34]);
  });

  it("continues where earlier refunds stopped", () => {
    expect(shares(1500, [payment(3000, 2500), credit(2000)])).toEqual([
      ["PAYMENT", null, 500, null],
      ["STORE_CREDIT", "credit", 1000, null],
    ]);
  });

  it.each<[string, number, RefundSource[], string, number]>([
    ["zero", 0, [payment(1000)], "moreThanRefundable", 1000],
    ["a negative amount", -5, [payment(1000)], "moreThanRefundable", 1000],
    ["a fractional amount", 10.5, [payment(1000)], "moreThanRefundable", 1000],
    ["more than is left", 1200, [payment(1000, 100), credit(200, 0)], "moreThanRefundable", 1100],
    ["an order refunded in full", 100, [payment(1000, 1000)], "nothingToRefund", 0],
  ])("refuses %s", (_name, amount, sources, reason, refundable) => {
    expect(planRefund(amount, sources, false)).toEqual({ ok: false, reason, refundableCents: refundable });
  });
});
