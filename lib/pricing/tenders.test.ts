import { describe, expect, it } from "vitest";
import { applyTenders, type Tender } from "./tenders";

const gift = (id: string, availableCents: number): Tender => ({ kind: "GIFT_CARD", id, availableCents });
const credit = (id: string, availableCents: number): Tender => ({ kind: "STORE_CREDIT", id, availableCents });
const points = (id: string, availableCents: number): Tender => ({ kind: "LOYALTY_POINTS", id, availableCents });

describe("applyTenders", () => {
  // [name, total, tenders as given, [id, amount taken] in the order applied, amount due]
  it.each<[string, number, Tender[], Array<[string, number]>, number]>([
    ["no tenders: the whole total is due", 5000, [], [], 5000],
    ["one tender smaller than the total", 5000, [gift("g1", 1200)], [["g1", 1200]], 3800],
    ["one tender exactly the total", 5000, [gift("g1", 5000)], [["g1", 5000]], 0],
    ["one tender larger than the total takes only the total", 5000, [gift("g1", 9000)], [["g1", 5000]], 0],
    ["an empty tender takes nothing", 5000, [credit("c1", 0)], [["c1", 0]], 5000],
    ["a zero total: every tender takes nothing", 0, [gift("g1", 100), points("p1", 100)], [["g1", 0], ["p1", 0]], 0],
    [
      "kinds apply gift cards, then points, then store credit, whatever order they are given in",
      6000,
      [points("p1", 2000), credit("c1", 3000), gift("g1", 2500)],
      [["g1", 2500], ["p1", 2000], ["c1", 1500]],
      0,
    ],
    [
      "within a kind, by id",
      3000,
      [gift("g-b", 2000), gift("g-a", 2000)],
      [["g-a", 2000], ["g-b", 1000]],
      0,
    ],
    [
      "tenders after the total is covered are reported with 0",
      1000,
      [gift("g1", 1000), credit("c1", 500), points("p1", 500)],
      [["g1", 1000], ["p1", 0], ["c1", 0]],
      0,
    ],
    [
      "tenders that do not cover the total leave the rest due",
      10000,
      [gift("g1", 1000), credit("c1", 2000), points("p1", 3000)],
      [["g1", 1000], ["p1", 3000], ["c1", 2000]],
      4000,
    ],
  ])("%s", (_name, total, tenders, expected, due) => {
    const result = applyTenders(total, tenders);
    expect(result.tenders.map((t) => [t.id, t.amountCents])).toEqual(expected);
    expect(result.amountDueCents).toBe(due);
    expect(result.tenderedCents).toBe(total - due);
    expect(result.amountDueCents).toBeGreaterThanOrEqual(0);
  });

  it("reports each tender with its kind", () => {
    expect(applyTenders(100, [points("p1", 50)]).tenders).toEqual([{ kind: "LOYALTY_POINTS", id: "p1", amountCents: 50 }]);
  });

  it("the same tenders in any order give the same result", () => {
    const tenders = [gift("g2", 700), points("p1", 900), credit("c1", 400), gift("g1", 300)];
    const expected = applyTenders(1500, tenders);
    for (const shuffled of [[...tenders].reverse(), [tenders[2]!, tenders[0]!, tenders[3]!, tenders[1]!]]) {
      expect(applyTenders(1500, shuffled)).toEqual(expected);
    }
  });

  it.each<[string, number, Tender[]]>([
    ["a negative total", -1, []],
    ["a fractional total", 10.5, []],
    ["a negative available amount", 1000, [gift("g1", -100)]],
    ["a fractional available amount", 1000, [credit("c1", 99.5)]],
    ["the same tender twice", 1000, [gift("g1", 100), gift("g1", 100)]],
  ])("refuses %s", (_name, total, tenders) => {
    expect(() => applyTenders(total, tenders)).toThrow(RangeError);
  });
});
