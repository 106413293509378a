import { describe, expect, it } from "vitest";
import { clientIp, retryAfterMinutes } from "./rate-limit";

describe("clientIp", () => {
  it.each([
    [{ "x-forwarded-for": "203.0.113.7" }, "203.0.113.7"],
    [{ "x-forwarded-for": " 198.51.100.9 , 10.0.0.1, 203.0.113.7 " }, "203.0.113.7"],
    [{ "x-forwarded-for": "2001:DB8::1" }, "2001:db8::1"],
    [{ "x-forwarded-for": "" }, "unknown"],
    [{}, "unknown"],
  ])("%j -> %s", (headers, expected) => {
    expect(clientIp(new Headers(headers))).toBe(expected);
  });
});

describe("retryAfterMinutes", () => {
  it.each([
    [0, 1],
    [1, 1],
    [60_000, 1],
    [60_001, 2],
    [15 * 60_000, 15],
  ])("%d ms -> %d min", (ms, minutes) => {
    expect(retryAfterMinutes(ms)).toBe(minutes);
  });
});
