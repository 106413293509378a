import { describe, expect, it } from "vitest";
import {
  addDays,
  DEFAULT_TIME_ZONE,
  dayKey,
  dayKeyToUtcDate,
  formatSortableDateTime,
  isTimeZone,
  parseLocalDateTime,
  sharedTimeZone,
  startOfDay,
  startOfDayKey,
  timeZoneOptions,
  toLocalDateTime,
} from "./time";

const LUX = "Europe/Luxembourg";

describe("isTimeZone", () => {
  it.each([
    ["Europe/Luxembourg", true],
    ["Asia/Kathmandu", true],
    ["America/Argentina/Salta", true],
    ["America/Port-au-Prince", true],
    ["Etc/GMT+1", true],
    ["UTC", true],
    ["europe/luxembourg", false],
    ["Europe/Atlantis", false],
    ["+01:00", false],
    ["CET", false],
    ["", false],
    [" Europe/Luxembourg", false],
    ["Europe/Luxembourg; DROP TABLE", false],
  ])("%j -> %s", (value, expected) => {
    expect(isTimeZone(value)).toBe(expected);
  });
});

describe("timeZoneOptions", () => {
  it("lists known zones, sorted, with UTC and the default", () => {
    const zones = timeZoneOptions();
    expect(zones).toContain(DEFAULT_TIME_ZONE);
    expect(zones).toContain("UTC");
    expect(zones).toEqual([...zones].sort());
    expect(zones.every(isTimeZone)).toBe(true);
  });

  it("keeps a store's current zone even when Intl lists it under another name", () => {
    expect(timeZoneOptions("Asia/Kathmandu")).toContain("Asia/Kathmandu");
  });
});

describe("sharedTimeZone", () => {
  it.each([
    [[], DEFAULT_TIME_ZONE],
    [["Asia/Tokyo"], "Asia/Tokyo"],
    [["Asia/Tokyo", "Asia/Tokyo"], "Asia/Tokyo"],
    [["Asia/Tokyo", LUX], DEFAULT_TIME_ZONE],
  ])("%j -> %s", (zones, expected) => {
    expect(sharedTimeZone(zones)).toBe(expected);
  });
});

describe("dayKey", () => {
  it.each([
    // 23:30 UTC is already the next day in Luxembourg (UTC+1 in winter, UTC+2 in summer).
    ["2026-12-01T23:30:00Z", LUX, "2026-12-02"],
    ["2026-12-01T22:59:59Z", LUX, "2026-12-01"],
    ["2026-07-01T21:59:59Z", LUX, "2026-07-01"],
    ["2026-07-01T22:00:00Z", LUX, "2026-07-02"],
    // Kathmandu is UTC+05:45: 18:15 UTC is its midnight.
    ["2026-12-01T18:14:59Z", "Asia/Kathmandu", "2026-12-01"],
    ["2026-12-01T18:15:00Z", "Asia/Kathmandu", "2026-12-02"],
    ["2026-12-02T07:59:59Z", "America/Los_Angeles", "2026-12-01"],
    ["2026-12-02T08:00:00Z", "America/Los_Angeles", "2026-12-02"],
  ])("%s is %s's %s", (instant, zone, day) => {
    expect(dayKey(new Date(instant), zone)).toBe(day);
  });
});

describe("day arithmetic", () => {
  it("crosses months, years and daylight-saving changes by whole days", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(dayKeyToUtcDate("2026-02-28").toISOString()).toBe("2026-02-28T00:00:00.000Z");
  });
});

describe("startOfDay", () => {
  it.each([
    ["summer noon", "2026-06-15T12:00:00.000Z", LUX, "2026-06-14T22:00:00.000Z"],
    ["summer, just after local midnight", "2026-06-14T22:00:00.000Z", LUX, "2026-06-14T22:00:00.000Z"],
    ["summer, just before local midnight", "2026-06-14T21:59:59.999Z", LUX, "2026-06-13T22:00:00.000Z"],
    ["winter", "2026-12-02T13:00:00.000Z", LUX, "2026-12-01T23:00:00.000Z"],
    ["day of the spring change, afternoon", "2026-03-29T15:00:00.000Z", LUX, "2026-03-28T23:00:00.000Z"],
    ["day of the autumn change, afternoon", "2026-10-25T15:00:00.000Z", LUX, "2026-10-24T22:00:00.000Z"],
    ["Kathmandu", "2026-12-02T13:00:00.000Z", "Asia/Kathmandu", "2026-12-01T18:15:00.000Z"],
    ["Los Angeles, local evening", "2026-12-02T05:00:00.000Z", "America/Los_Angeles", "2026-12-01T08:00:00.000Z"],
  ])("%s", (_label, now, zone, expected) => {
    expect(startOfDay(new Date(now), zone).toISOString()).toBe(expected);
  });
});

describe("startOfDayKey", () => {
  it.each([
    ["2026-12-02", LUX, "2026-12-01T23:00:00.000Z"],
    ["2026-07-02", LUX, "2026-07-01T22:00:00.000Z"],
    ["2026-03-29", LUX, "2026-03-28T23:00:00.000Z"],
    ["2026-12-02", "Asia/Kathmandu", "2026-12-01T18:15:00.000Z"],
    ["2026-12-02", "UTC", "2026-12-02T00:00:00.000Z"],
  ])("%s starts in %s at %s", (day, zone, expected) => {
    expect(startOfDayKey(day, zone).toISOString()).toBe(expected);
  });
});

describe("local date-time in a zone", () => {
  it.each([
    ["2026-01-15T10:00", LUX, "2026-01-15T09:00:00.000Z"], // CET
    ["2026-07-15T10:00", LUX, "2026-07-15T08:00:00.000Z"], // CEST
    ["2026-12-31T23:59", LUX, "2026-12-31T22:59:00.000Z"],
    ["2026-12-31T23:59", "Asia/Kathmandu", "2026-12-31T18:14:00.000Z"],
    ["2026-07-15T10:00", "America/New_York", "2026-07-15T14:00:00.000Z"],
  ])("%s in %s is %s, and back", (wall, zone, iso) => {
    const date = parseLocalDateTime(wall, zone);
    expect(date?.toISOString()).toBe(iso);
    expect(toLocalDateTime(date!, zone)).toBe(wall);
  });

  it.each(["2026-13-01T10:00", "2026-02-30T10:00", "2026-01-01T24:00", "2026-01-01", "tomorrow", ""])("%j is not a date-time", (value) => {
    expect(parseLocalDateTime(value, LUX)).toBeNull();
  });
});

describe("formatSortableDateTime", () => {
  it.each([
    ["2026-12-01T23:30:05Z", LUX, "2026-12-02 00:30:05"],
    ["2026-07-01T12:00:00Z", LUX, "2026-07-01 14:00:00"],
    ["2026-07-01T12:00:00Z", "Asia/Kathmandu", "2026-07-01 17:45:00"],
  ])("%s in %s -> %s", (instant, zone, expected) => {
    expect(formatSortableDateTime(new Date(instant), zone)).toBe(expected);
  });
});
