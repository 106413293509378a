import { describe, expect, it } from "vitest";
import { needsPayment, PAYMENT_MINIMUM_CENTS, settleTotal } from "./minimum";

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

describe("settleTotal", () => {
  it.each([
    [0, "WAIVE", "free"],
    [0, "REFUSE", "free"],
    [1, "WAIVE", "waived"],
    [30, "WAIVE", "waived"],
    [PAYMENT_MINIMUM_CENTS - 1, "REFUSE", "refuse"],
    [1, "REFUSE", "refuse"],
    [PAYMENT_MINIMUM_CENTS, "REFUSE", "charge"],
    [PAYMENT_MINIMUM_CENTS, "WAIVE", "charge"],
  ] as const)("total %i under %s -> %s", (total, policy, expected) => {
    expect(settleTotal(total, policy)).toBe(expected);
  });
});
