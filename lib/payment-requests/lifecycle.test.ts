import { describe, expect, it } from "vitest";
import { isOutstanding, nextRequestStatus, OUTSTANDING, PAYMENT_REQUEST_STATUSES, REQUEST_TRANSITIONS, type PaymentRequestEvent } from "./lifecycle";

const EVENTS = Object.keys(REQUEST_TRANSITIONS) as PaymentRequestEvent[];

describe("nextRequestStatus", () => {
  it.each([
    ["overdue", "OPEN", "OVERDUE"],
    ["overdue", "OVERDUE", null],
    ["overdue", "PAID", null],
    ["overdue", "CANCELLED", null],
    ["pay", "OPEN", "PAID"],
    ["pay", "OVERDUE", "PAID"],
    ["pay", "PAID", null],
    ["pay", "CANCELLED", null],
    ["cancel", "OPEN", "CANCELLED"],
    ["cancel", "OVERDUE", "CANCELLED"],
    ["cancel", "PAID", null],
    ["cancel", "CANCELLED", null],
  ] as const)("%s from %s -> %s", (event, from, to) => {
    expect(nextRequestStatus(event, from)).toBe(to);
  });

  it("never leaves PAID or CANCELLED: they are final", () => {
    for (const event of EVENTS) {
      expect(nextRequestStatus(event, "PAID")).toBeNull();
      expect(nextRequestStatus(event, "CANCELLED")).toBeNull();
    }
  });

  it("never comes back to OPEN and never stays where it is", () => {
    for (const event of EVENTS) {
      for (const from of PAYMENT_REQUEST_STATUSES) {
        const to = nextRequestStatus(event, from);
        expect(to).not.toBe("OPEN");
        expect(to).not.toBe(from);
      }
    }
  });
});

describe("outstanding", () => {
  it("is open or overdue: what may be paid, reminded and cancelled", () => {
    expect([...OUTSTANDING].sort()).toEqual(["OPEN", "OVERDUE"]);
    expect(PAYMENT_REQUEST_STATUSES.filter(isOutstanding)).toEqual(["OPEN", "OVERDUE"]);
  });

  it("is exactly what paying and cancelling start from", () => {
    expect([...REQUEST_TRANSITIONS.pay.from].sort()).toEqual([...OUTSTANDING].sort());
    expect([...REQUEST_TRANSITIONS.cancel.from].sort()).toEqual([...OUTSTANDING].sort());
  });
});
