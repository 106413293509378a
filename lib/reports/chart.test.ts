import { describe, expect, it } from "vitest";
import { barChart, niceCeiling } from "./chart";

describe("niceCeiling", () => {
  it.each([
    [0, 1],
    [1, 1],
    [7, 10],
    [12, 20],
    [2100, 2500],
    [2500, 2500],
    [4999, 5000],
    [50001, 100000],
  ])("%i -> %i", (max, expected) => {
    expect(niceCeiling(max)).toBe(expected);
  });
});

describe("barChart", () => {
  it("scales bars to the axis and keeps them inside the plot", () => {
    const g = barChart([
      { day: "2026-12-01", value: 0 },
      { day: "2026-12-02", value: 1000 },
      { day: "2026-12-03", value: 2500 },
    ]);
    expect(g.ticks.at(-1)!.value).toBe(2500);
    expect(g.bars[0]!.height).toBe(0);
    expect(g.bars[2]!.y).toBeCloseTo(g.plot.top);
    expect(g.bars[1]!.height).toBeCloseTo((g.plot.bottom - g.plot.top) * 0.4);
    for (const bar of g.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(g.plot.left);
      expect(bar.x + bar.width).toBeLessThanOrEqual(g.plot.right + 0.001);
    }
  });

  it("labels at most maxLabels days, the first always", () => {
    const points = Array.from({ length: 31 }, (_, i) => ({ day: `2026-12-${String(i + 1).padStart(2, "0")}`, value: i }));
    const g = barChart(points, { maxLabels: 8 });
    expect(g.labelled[0]).toBe(0);
    expect(g.labelled.length).toBeLessThanOrEqual(8);
  });

  it("draws an empty period as a flat axis", () => {
    const g = barChart([{ day: "2026-12-01", value: 0 }], { minTop: 1000 });
    expect(g.ticks.map((t) => t.value)).toEqual([0, 250, 500, 750, 1000]);
    expect(g.bars[0]!.height).toBe(0);
  });
});
