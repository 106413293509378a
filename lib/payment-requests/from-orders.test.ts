import { describe, expect, it } from "vitest";
import { summarizeByStore, requestLinesOf, type ConvertibleOrder } from "./from-orders";

const line = (title: string, unitPriceCents: number, quantity = 1, productId: string | null = null) => ({
  productId,
  title,
  unitPriceCents,
  quantity,
  totalCents: unitPriceCents * quantity,
});

describe("requestLinesOf", () => {
  it("copies the order's lines, in order, when they add up to its total", () => {
    const lines = [line("Scarf", 3000, 2, "p1"), line("Belt", 1500)];
    expect(requestLinesOf(lines, 7500)).toEqual([
      { position: 0, productId: "p1", title: "Scarf", unitPriceCents: 3000, quantity: 2, totalCents: 6000 },
      { position: 1, productId: null, title: "Belt", unitPriceCents: 1500, quantity: 1, totalCents: 1500 },
    ]);
  });

  it("bills one line for the total when a discount took something off, titled with the lines", () => {
    const lines = [line("Scarf", 3000, 2, "p1"), line("Belt", 1500, 1, "p2")];
    expect(requestLinesOf(lines, 6500)).toEqual([{ position: 0, productId: null, title: "2 × Scarf, Belt", unitPriceCents: 6500, quantity: 1, totalCents: 6500 }]);
  });

  it("makes lines the database accepts: positive, and each total its price times its quantity", () => {
    for (const [lines, total] of [
      [[line("Scarf", 3000, 3)], 9000],
      [[line("Scarf", 3000, 3)], 8999],
      [[line("A", 100), line("B", 1, 7)], 50],
    ] as const) {
      const result = requestLinesOf(lines, total);
      expect(result.reduce((sum, l) => sum + l.totalCents, 0)).toBe(total);
      for (const l of result) {
        expect(l.unitPriceCents).toBeGreaterThan(0);
        expect(l.quantity).toBeGreaterThan(0);
        expect(l.totalCents).toBe(l.unitPriceCents * l.quantity);
      }
      expect(result.map((l) => l.position)).toEqual(result.map((_, i) => i));
    }
  });

  it("cuts the combined title to what a line holds", () => {
    const lines = Array.from({ length: 30 }, (_, i) => line(`A rather long product title number ${i}`, 1000));
    const [only] = requestLinesOf(lines, 25_000);
    expect(only!.title.length).toBeLessThanOrEqual(200);
    expect(only!.title.endsWith("…")).toBe(true);
  });
});

describe("summarizeByStore", () => {
  const order = (storeSlug: string, currency: string, totalCents: number): ConvertibleOrder => ({
    id: `o-${Math.random()}`,
    merchantId: "m",
    storeId: `s-${storeSlug}`,
    storeSlug,
    number: "1",
    currency,
    totalCents,
  });

  it("counts and adds the orders of each store and currency, stores in slug order", () => {
    expect(
      summarizeByStore([order("outlet", "EUR", 1000), order("hub", "EUR", 2500), order("outlet", "EUR", 500), order("hub", "CHF", 700), order("bakery", "EUR", 300)]),
    ).toEqual([
      { storeSlug: "bakery", currency: "EUR", orders: 1, totalCents: 300 },
      { storeSlug: "hub", currency: "CHF", orders: 1, totalCents: 700 },
      { storeSlug: "hub", currency: "EUR", orders: 1, totalCents: 2500 },
      { storeSlug: "outlet", currency: "EUR", orders: 2, totalCents: 1500 },
    ]);
  });

  it("is empty without orders", () => {
    expect(summarizeByStore([])).toEqual([]);
  });
});
