import { describe, expect, it } from "vitest";
import { compareOwed, groupByPayer, totalsByCurrency, type OwedItem } from "./statement";

let sequence = 0;
function item(fields: Partial<OwedItem> & Pick<OwedItem, "payerId">): OwedItem {
  sequence += 1;
  return {
    requestId: `r${String(sequence).padStart(3, "0")}`,
    storeId: "store-1",
    reference: `INV-${sequence}`,
    title: "Alterations",
    lineCount: 1,
    currency: "EUR",
    totalCents: 1000,
    dueOn: null,
    overdue: false,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, sequence)),
    ...fields,
  };
}

describe("totalsByCurrency", () => {
  it("is empty without items", () => {
    expect(totalsByCurrency([])).toEqual([]);
  });

  it("adds each currency's items, currencies in alphabetical order", () => {
    expect(
      totalsByCurrency([
        { currency: "EUR", totalCents: 1250 },
        { currency: "CHF", totalCents: 990 },
        { currency: "JPY", totalCents: 5000 },
        { currency: "EUR", totalCents: 50 },
        { currency: "CHF", totalCents: 10 },
      ]),
    ).toEqual([
      { currency: "CHF", totalCents: 1000 },
      { currency: "EUR", totalCents: 1300 },
      { currency: "JPY", totalCents: 5000 },
    ]);
  });

  it("never mixes currencies whose amounts happen to be equal", () => {
    expect(
      totalsByCurrency([
        { currency: "EUR", totalCents: 100 },
        { currency: "USD", totalCents: 100 },
      ]),
    ).toEqual([
      { currency: "EUR", totalCents: 100 },
      { currency: "USD", totalCents: 100 },
    ]);
  });
});

describe("compareOwed", () => {
  it("puts the soonest due first and undated items last, then the oldest first", () => {
    const undatedOld = item({ payerId: "p", dueOn: null, createdAt: new Date("2026-01-01T00:00:00Z") });
    const undatedNew = item({ payerId: "p", dueOn: null, createdAt: new Date("2026-02-01T00:00:00Z") });
    const march = item({ payerId: "p", dueOn: "2026-03-01", createdAt: new Date("2026-02-15T00:00:00Z") });
    const januaryNew = item({ payerId: "p", dueOn: "2026-01-31", createdAt: new Date("2026-01-20T00:00:00Z") });
    const januaryOld = item({ payerId: "p", dueOn: "2026-01-31", createdAt: new Date("2026-01-10T00:00:00Z") });
    const sorted = [undatedNew, march, undatedOld, januaryNew, januaryOld].sort(compareOwed);
    expect(sorted.map((i) => i.requestId)).toEqual([januaryOld, januaryNew, march, undatedOld, undatedNew].map((i) => i.requestId));
  });

  it("orders items of the same day and time by id, so the order never depends on the input's", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    const a = item({ payerId: "p", requestId: "a", createdAt: at, dueOn: "2026-05-01" });
    const b = item({ payerId: "p", requestId: "b", createdAt: at, dueOn: "2026-05-01" });
    expect(compareOwed(a, b)).toBeLessThan(0);
    expect(compareOwed(b, a)).toBeGreaterThan(0);
    expect([b, a].sort(compareOwed)).toEqual([a, b]);
  });

  it("compares due dates as calendar days across months and years", () => {
    const december = item({ payerId: "p", dueOn: "2026-12-31" });
    const nextJanuary = item({ payerId: "p", dueOn: "2027-01-01" });
    const october = item({ payerId: "p", dueOn: "2026-10-09" });
    expect([nextJanuary, december, october].sort(compareOwed)).toEqual([october, december, nextJanuary]);
  });
});

describe("groupByPayer", () => {
  it("is empty without items", () => {
    expect(groupByPayer([])).toEqual([]);
  });

  it("makes one statement per payer with only that payer's items, sorted, and their totals per currency", () => {
    const lea1 = item({ payerId: "lea", currency: "EUR", totalCents: 3500, dueOn: "2026-06-01" });
    const marc1 = item({ payerId: "marc", currency: "EUR", totalCents: 800 });
    const lea2 = item({ payerId: "lea", currency: "CHF", totalCents: 2000, dueOn: "2026-05-01" });
    const lea3 = item({ payerId: "lea", currency: "EUR", totalCents: 1500, dueOn: null });
    const marc2 = item({ payerId: "marc", currency: "EUR", totalCents: 200, dueOn: "2026-07-01" });

    const statements = groupByPayer([lea1, marc1, lea2, lea3, marc2]);

    expect(statements).toEqual([
      {
        payerId: "lea",
        items: [lea2, lea1, lea3],
        totals: [
          { currency: "CHF", totalCents: 2000 },
          { currency: "EUR", totalCents: 5000 },
        ],
      },
      { payerId: "marc", items: [marc2, marc1], totals: [{ currency: "EUR", totalCents: 1000 }] },
    ]);
  });

  it("lists payers in the order their first item appears", () => {
    const statements = groupByPayer([item({ payerId: "z" }), item({ payerId: "a" }), item({ payerId: "z" }), item({ payerId: "m" })]);
    expect(statements.map((s) => s.payerId)).toEqual(["z", "a", "m"]);
  });

  it("keeps every item exactly once, and the statements' totals add up to the items'", () => {
    const items = [
      item({ payerId: "a", currency: "EUR", totalCents: 100 }),
      item({ payerId: "b", currency: "JPY", totalCents: 700 }),
      item({ payerId: "a", currency: "EUR", totalCents: 250 }),
      item({ payerId: "c", currency: "BHD", totalCents: 1234 }),
      item({ payerId: "b", currency: "EUR", totalCents: 99 }),
    ];
    const statements = groupByPayer(items);
    expect(statements.flatMap((s) => s.items.map((i) => i.requestId)).sort()).toEqual(items.map((i) => i.requestId).sort());
    const fromStatements = totalsByCurrency(statements.flatMap((s) => s.totals));
    expect(fromStatements).toEqual(totalsByCurrency(items));
  });

  it("does not reorder the caller's array", () => {
    const items = [item({ payerId: "a", dueOn: null }), item({ payerId: "a", dueOn: "2026-01-01" })];
    const copy = [...items];
    groupByPayer(items);
    expect(items).toEqual(copy);
  });

  it("keeps the items' own fields (the email's rows carry more than OwedItem)", () => {
    const rich = { ...item({ payerId: "a" }), storeName: "Fashion Hub" };
    const [statement] = groupByPayer([rich]);
    expect(statement!.items[0]!.storeName).toBe("Fashion Hub");
  });
});
