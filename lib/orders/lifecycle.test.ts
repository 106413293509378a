import { describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { canTransition, nextStatus, ORDER_STATUSES, transitionOrder, type OrderEvent, type OrderStatus } from "./lifecycle";

const EVENTS: OrderEvent[] = ["pay", "cancel", "fulfil", "refund", "undoRefund"];

// Every event from every state: where the order goes, or null when the table refuses it.
const EXPECTED: Record<OrderEvent, Record<OrderStatus, OrderStatus | null>> = {
  pay: { PENDING_PAYMENT: "PAID", PAID: null, FULFILLED: null, REFUNDED: null, CANCELLED: null },
  cancel: { PENDING_PAYMENT: "CANCELLED", PAID: null, FULFILLED: null, REFUNDED: null, CANCELLED: null },
  fulfil: { PENDING_PAYMENT: null, PAID: "FULFILLED", FULFILLED: null, REFUNDED: null, CANCELLED: null },
  refund: { PENDING_PAYMENT: null, PAID: "REFUNDED", FULFILLED: "REFUNDED", REFUNDED: null, CANCELLED: null },
  // Two targets: only with the one the caller names.
  undoRefund: { PENDING_PAYMENT: null, PAID: null, FULFILLED: null, REFUNDED: null, CANCELLED: null },
};

describe("the order transition table", () => {
  it.each(EVENTS.flatMap((event) => ORDER_STATUSES.map((from) => [event, from, EXPECTED[event][from]] as const)))(
    "%s from %s -> %s",
    (event, from, to) => {
      expect(nextStatus(event, from)).toBe(to);
    },
  );

  it.each<[OrderStatus, OrderStatus, OrderStatus | null]>([
    ["REFUNDED", "PAID", "PAID"],
    ["REFUNDED", "FULFILLED", "FULFILLED"],
    ["REFUNDED", "CANCELLED", null],
    ["PAID", "PAID", null],
  ])("undoRefund from %s to %s -> %s", (from, to, expected) => {
    expect(nextStatus("undoRefund", from, to)).toBe(expected);
  });

  it("cancelled and refunded orders never become paid again by payment, and nothing leaves CANCELLED", () => {
    for (const to of ORDER_STATUSES) expect(canTransition("CANCELLED", to)).toBe(false);
    expect(nextStatus("pay", "REFUNDED")).toBeNull();
    expect(canTransition("PENDING_PAYMENT", "REFUNDED")).toBe(false);
    expect(canTransition("PAID", "CANCELLED")).toBe(false);
    expect(canTransition("FULFILLED", "PAID")).toBe(false);
  });
});

/** A transaction that records the one update transitionOrder sends and answers `count`. */
function recordingTx(count: number) {
  const calls: unknown[] = [];
  const tx = {
    order: {
      updateMany: async (args: unknown) => {
        calls.push(args);
        return { count };
      },
    },
  } as unknown as Tx;
  return { tx, calls };
}

const merchantId = "m1" as MerchantId;
const at = new Date("2026-12-07T10:00:00.000Z");

describe("transitionOrder", () => {
  it.each<[OrderEvent, OrderStatus | undefined, OrderStatus[], OrderStatus, Record<string, Date | null>]>([
    ["pay", undefined, ["PENDING_PAYMENT"], "PAID", { paidAt: at }],
    ["cancel", undefined, ["PENDING_PAYMENT"], "CANCELLED", { cancelledAt: at }],
    ["fulfil", undefined, ["PAID"], "FULFILLED", { fulfilledAt: at }],
    ["refund", undefined, ["PAID", "FULFILLED"], "REFUNDED", { refundedAt: at }],
    ["undoRefund", "FULFILLED", ["REFUNDED"], "FULFILLED", { refundedAt: null }],
  ])("%s is one conditional update of the merchant's order from the states the table allows", async (event, to, from, target, stamps) => {
    const { tx, calls } = recordingTx(1);
    expect(await transitionOrder(tx, { merchantId, orderId: "o1", event, to, at })).toBe(true);
    expect(calls).toEqual([{ where: { id: "o1", merchantId: "m1", status: { in: from } }, data: { status: target, ...stamps, updatedAt: at } }]);
  });

  it("narrows to the store when given", async () => {
    const { tx, calls } = recordingTx(1);
    await transitionOrder(tx, { merchantId, storeId: "s1" as StoreId, orderId: "o1", event: "fulfil", at });
    expect(calls).toEqual([expect.objectContaining({ where: { id: "o1", merchantId: "m1", storeId: "s1", status: { in: ["PAID"] } } })]);
  });

  it("reports false when no order of the merchant was in an allowed state", async () => {
    const { tx } = recordingTx(0);
    expect(await transitionOrder(tx, { merchantId, orderId: "o1", event: "pay", at })).toBe(false);
  });

  it("refuses an event with an ambiguous or unknown target before touching the database", async () => {
    const { tx, calls } = recordingTx(1);
    await expect(transitionOrder(tx, { merchantId, orderId: "o1", event: "undoRefund", at })).rejects.toThrow(/more than one target/);
    await expect(transitionOrder(tx, { merchantId, orderId: "o1", event: "pay", to: "REFUNDED", at })).rejects.toThrow(/no target/);
    expect(calls).toEqual([]);
  });
});
