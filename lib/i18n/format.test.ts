import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import { formatterFor } from "./format";

// 12 July 2026, 09:07 in Luxembourg (UTC+2 in summer).
const july12 = new Date("2026-07-12T07:07:00Z");

describe("formatterFor", () => {
  it.each([
    ["en", "12/07/2026, 09:07"],
    ["fr", "12/07/2026 09:07"],
    ["de", "12.07.26, 09:07"],
  ] as const)("%s writes the day first, on a 24-hour clock, in Luxembourg time: %s", (locale, expected) => {
    expect(formatterFor(locale, DEFAULT_TIME_ZONE).dateTime(july12, { dateStyle: "short", timeStyle: "short" })).toBe(expected);
  });

  it("names the month after the day in English", () => {
    expect(formatterFor("en", DEFAULT_TIME_ZONE).dateTime(july12, { dateStyle: "medium" })).toBe("12 Jul 2026");
  });

  it("shows the time in the zone it is given, not the server's", () => {
    expect(formatterFor("en", "Asia/Kathmandu").dateTime(july12, { timeStyle: "short" })).toBe("12:52");
    expect(formatterFor("en", "America/New_York").dateTime(july12, { timeStyle: "short" })).toBe("03:07");
  });
});
