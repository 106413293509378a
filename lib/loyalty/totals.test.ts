import { describe, expect, it } from "vitest";
import { chartWeeks, weeksBefore } from "./totals";

describe("weeksBefore", () => {
  it.each([
    ["2026-11-30", 0, "2026-11-30"],
    ["2026-11-30", 1, "2026-11-23"],
    ["2026-01-05", 1, "2025-12-29"],
    ["2026-03-30", 1, "2026-03-23"],
  ])("%s minus %i weeks", (week, n, expected) => {
    expect(weeksBefore(week, n)).toBe(expected);
  });
});

describe("chartWeeks", () => {
  it("adds stores up, fills quiet weeks with zeros, oldest first", () => {
    const rows = [
      { week: "2026-11-30", issued: 100, redeemed: 0 },
      { week: "2026-11-30", issued: 20, redeemed: 100 },
      { week: "2026-11-16", issued: 5, redeemed: 0 },
    ];
    expect(chartWeeks(rows, "2026-11-30", 3)).toEqual([
      { week: "2026-11-16", issued: 5, redeemed: 0 },
      { week: "2026-11-23", issued: 0, redeemed: 0 },
      { week: "2026-11-30", issued: 120, redeemed: 100 },
    ]);
  });

  it("leaves out weeks older than the window", () => {
    expect(chartWeeks([{ week: "2026-01-05", issued: 9, redeemed: 0 }], "2026-11-30", 2).every((w) => w.issued === 0)).toBe(true);
  });
});
