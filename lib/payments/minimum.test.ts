import { describe, expect, it } from "vitest";
import { needsPayment, PAYMENT_MINIMUM_CENTS } from "./minimum";

describe("needsPayment", () => {
  it.each([
    [0, false],
    [1, false],
    [PAYMENT_MINIMUM_CENTS - 1, false],
    [PAYMENT_MINIMUM_CENTS, true],
    [5900, true],
  ])("total %i -> %s", (total, expected) => {
    expect(needsPayment(total)).toBe(expected);
  });
});
