import { describe, expect, it } from "vitest";
import { deliveryStatus } from "./delivery-status";

const now = new Date("2026-12-07T12:00:00Z");
const later = new Date("2026-12-24T00:00:00Z");
const earlier = new Date("2026-12-01T00:00:00Z");

describe("a card's delivery status", () => {
  it.each([
    [null, "queued"],
    [{ status: "QUEUED", sendAfter: later }, "scheduled"],
    [{ status: "QUEUED", sendAfter: earlier }, "queued"],
    [{ status: "QUEUED", sendAfter: null }, "queued"],
    [{ status: "SENT", sendAfter: earlier }, "sent"],
    [{ status: "DEV_MAILBOX", sendAfter: null }, "sent"],
    [{ status: "FAILED", sendAfter: later }, "failed"],
  ] as const)("%o is %s", (email, expected) => {
    expect(deliveryStatus(email, now)).toBe(expected);
  });
});
