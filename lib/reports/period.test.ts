import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/time";
import { daysOf, isCalendarDate, parsePeriod, periodLength } from "./period";

describe("isCalendarDate", () => {
  it.each([
    ["2026-12-02", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-13-01", false],
    ["2026-1-01", false],
    ["2026-12-02T00:00", false],
    ["1999-12-31", false],
    ["yesterday", false],
    ["", false],
  ])("%s -> %s", (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe("day arithmetic", () => {
  it("crosses months, years and daylight-saving changes by whole days", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(periodLength("2026-03-28", "2026-03-30")).toBe(3);
    expect(daysOf("2026-10-24", "2026-10-26")).toEqual(["2026-10-24", "2026-10-25", "2026-10-26"]);
  });
});

describe("parsePeriod", () => {
  const today = "2026-12-02";
  it.each([
    [{}, { ok: true, period: { from: "2026-11-03", to: "2026-12-02" } }],
    [{ from: "2026-11-01", to: "2026-11-30" }, { ok: true, period: { from: "2026-11-01", to: "2026-11-30" } }],
    [{ from: "2026-12-01", to: "2026-12-01" }, { ok: true, period: { from: "2026-12-01", to: "2026-12-01" } }],
    [{ to: "2026-06-30" }, { ok: true, period: { from: "2026-06-01", to: "2026-06-30" } }],
    [{ from: "2026-11-20" }, { ok: true, period: { from: "2026-11-20", to: "2026-12-02" } }],
    [{ from: " " }, { ok: true, period: { from: "2026-11-03", to: "2026-12-02" } }],
    [{ from: "2026-02-30" }, { ok: false, error: "invalidDate" }],
    [{ to: "31/12/2026" }, { ok: false, error: "invalidDate" }],
    [{ from: "2026-12-02", to: "2026-12-01" }, { ok: false, error: "rangeOrder" }],
    [{ from: "2025-01-01", to: "2026-12-01" }, { ok: false, error: "rangeTooLong" }],
    [{ from: "2025-12-01", to: "2026-12-01" }, { ok: true, period: { from: "2025-12-01", to: "2026-12-01" } }],
  ])("%j", (input, expected) => {
    expect(parsePeriod(input, today)).toEqual(expected);
  });
});
