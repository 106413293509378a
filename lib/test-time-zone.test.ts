import { describe, expect, it } from "vitest";

// The unit tests run far from the platform's home zone (vitest.config.ts sets TZ for the unit
// project), so code that reads a date without naming a zone gets a visibly wrong answer here.
describe("the unit tests' own time zone", () => {
  it("is Asia/Kathmandu, 5 h 45 min ahead of UTC and 4 h 45 min ahead of Luxembourg in winter", () => {
    expect(process.env.TZ).toBe("Asia/Kathmandu");
    // Node's ICU data still spells it the old way.
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toMatch(/^Asia\/Kath?mandu$/);
    expect(new Date("2026-12-07T12:00:00Z").getTimezoneOffset()).toBe(-345);
  });
});
