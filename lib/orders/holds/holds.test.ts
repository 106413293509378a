import { describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";
import { releaseOrderHolds, takeOrderHolds, type HoldSet, type OrderClaims } from "./index";
import { HOLD_LOCK_ORDER, type HoldKind, type HoldRefusal } from "./types";

const tx = {} as Tx;
const merchantId = "m1" as MerchantId;
const takeCtx = { merchantId, orderId: "o1", transactionId: "t1", now: new Date("2026-12-07T10:00:00.000Z") };
const releaseCtx = { merchantId, orderId: "o1", at: new Date("2026-12-07T11:00:00.000Z") };
const claims = { COUPON_USES: { uses: [] }, STOCK: { lines: [] }, GIFT_CARDS: { storeId: "s1", cards: [] } } as unknown as OrderClaims;

/** Holds that record every call and refuse where told. */
function recordingHolds(refuse: Partial<Record<HoldKind, HoldRefusal>> = {}) {
  const calls: string[] = [];
  const hold = (kind: HoldKind) => ({
    kind,
    async take(_tx: Tx, ctx: typeof takeCtx, claim: unknown) {
      calls.push(`take ${kind} ${ctx.merchantId} ${ctx.transactionId} ${claim === claims[kind] ? "own-claim" : "other-claim"}`);
      return refuse[kind] ?? null;
    },
    async release(_tx: Tx, ctx: typeof releaseCtx, reason: string) {
      calls.push(`release ${kind} ${ctx.merchantId} ${reason}`);
    },
  });
  return { holds: { COUPON_USES: hold("COUPON_USES"), STOCK: hold("STOCK"), GIFT_CARDS: hold("GIFT_CARDS") } as unknown as HoldSet, calls };
}

describe("order holds", () => {
  it("the lock order names every hold once: coupon uses, stock, then gift cards", () => {
    expect(HOLD_LOCK_ORDER).toEqual(["COUPON_USES", "STOCK", "GIFT_CARDS"]);
    expect(new Set(HOLD_LOCK_ORDER).size).toBe(HOLD_LOCK_ORDER.length);
  });

  it("takes every hold in the lock order, each with its own claim, the merchant and the one transaction id", async () => {
    const { holds, calls } = recordingHolds();
    expect(await takeOrderHolds(tx, takeCtx, claims, holds)).toBeNull();
    expect(calls).toEqual(["take COUPON_USES m1 t1 own-claim", "take STOCK m1 t1 own-claim", "take GIFT_CARDS m1 t1 own-claim"]);
  });

  it("stops at the first refusal and returns it", async () => {
    const refusal: HoldRefusal = { error: "priceChanged" };
    const { holds, calls } = recordingHolds({ COUPON_USES: refusal });
    expect(await takeOrderHolds(tx, takeCtx, claims, holds)).toBe(refusal);
    expect(calls).toEqual(["take COUPON_USES m1 t1 own-claim"]);
  });

  it.each(["CANCELLED", "REFUNDED"] as const)("releases every hold in the same lock order for %s", async (reason) => {
    const { holds, calls } = recordingHolds();
    await releaseOrderHolds(tx, releaseCtx, reason, holds);
    expect(calls).toEqual([`release COUPON_USES m1 ${reason}`, `release STOCK m1 ${reason}`, `release GIFT_CARDS m1 ${reason}`]);
  });
});
