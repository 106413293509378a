import { describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";
import { refundOrderHolds, releaseOrderHolds, takeOrderHolds, type HoldSet, type OrderClaims } from "./index";
import { HOLD_LOCK_ORDER, type HoldKind, type HoldRefusal } from "./types";

const tx = {} as Tx;
const merchantId = "m1" as MerchantId;
const takeCtx = { merchantId, orderId: "o1", transactionId: "t1", now: new Date("2026-12-07T10:00:00.000Z") };
const releaseCtx = { merchantId, orderId: "o1", at: new Date("2026-12-07T11:00:00.000Z") };
const refundCtx = { ...releaseCtx, storeId: "s1", customerId: "c1", currency: "EUR", refundId: "r1", transactionId: "t2", full: false, shares: [], restock: [] };
const claims = {
  COUPON_USES: { uses: [] },
  STOCK: { lines: [] },
  GIFT_CARDS: { storeId: "s1", cards: [] },
  LOYALTY_POINTS: null,
  STORE_CREDIT: { storeId: "s1", accountId: "a1", amountCents: 100 },
} as unknown as OrderClaims;
const ALL: HoldKind[] = ["COUPON_USES", "STOCK", "GIFT_CARDS", "LOYALTY_POINTS", "STORE_CREDIT"];

/** Holds that record every call and refuse where told. */
function recordingHolds(refuse: Partial<Record<HoldKind, HoldRefusal>> = {}) {
  const calls: string[] = [];
  const hold = (kind: HoldKind) => ({
    kind,
    async take(_tx: Tx, ctx: typeof takeCtx, claim: unknown) {
      calls.push(`take ${kind} ${ctx.merchantId} ${ctx.transactionId} ${claim === claims[kind] ? "own-claim" : "other-claim"}`);
      return refuse[kind] ?? null;
    },
    async release(_tx: Tx, ctx: typeof releaseCtx) {
      calls.push(`release ${kind} ${ctx.merchantId}`);
    },
    async refund(_tx: Tx, ctx: typeof refundCtx) {
      calls.push(`refund ${kind} ${ctx.merchantId} ${ctx.refundId} ${ctx.transactionId}`);
    },
  });
  return { holds: Object.fromEntries(ALL.map((kind) => [kind, hold(kind)])) as unknown as HoldSet, calls };
}

describe("order holds", () => {
  it("the lock order names every hold once: coupon uses, stock, gift cards, points, then store credit", () => {
    expect(HOLD_LOCK_ORDER).toEqual(ALL);
    expect(new Set(HOLD_LOCK_ORDER).size).toBe(HOLD_LOCK_ORDER.length);
  });

  it("takes every hold in the lock order, each with its own claim, the merchant and the one transaction id", async () => {
    const { holds, calls } = recordingHolds();
    expect(await takeOrderHolds(tx, takeCtx, claims, holds)).toBeNull();
    expect(calls).toEqual(ALL.map((kind) => `take ${kind} m1 t1 own-claim`));
  });

  it("stops at the first refusal and returns it", async () => {
    const refusal: HoldRefusal = { error: "priceChanged" };
    const { holds, calls } = recordingHolds({ COUPON_USES: refusal });
    expect(await takeOrderHolds(tx, takeCtx, claims, holds)).toBe(refusal);
    expect(calls).toEqual(["take COUPON_USES m1 t1 own-claim"]);
  });

  it("releases every hold in the same lock order", async () => {
    const { holds, calls } = recordingHolds();
    await releaseOrderHolds(tx, releaseCtx, holds);
    expect(calls).toEqual(ALL.map((kind) => `release ${kind} m1`));
  });

  it("gives a refund back through every hold in the same lock order, with the refund's transaction id", async () => {
    const { holds, calls } = recordingHolds();
    await refundOrderHolds(tx, refundCtx, holds);
    expect(calls).toEqual(ALL.map((kind) => `refund ${kind} m1 r1 t2`));
  });
});
