import "server-only";
import { randomUUID } from "node:crypto";
import { returnOrderPoints, spendPointsForOrder, type PointsSpend } from "@/lib/loyalty/mutations";
import type { OrderHold } from "./types";

export interface LoyaltyPointsClaim extends PointsSpend {
  /** The store the order is placed in (recorded on the ledger row). */
  storeId: string;
}

/**
 * Loyalty points: the buyer's card pays with a reward's online value (lib/loyalty/mutations.ts
 * spendPointsForOrder), one REDEEM row for the order under the card's lock, so two checkouts
 * spending the same points pay for one of them only. A failed, expired or never-started payment
 * gives all of them back (RELEASE); a refund gives back its share (REFUND).
 */
export const loyaltyPointsHold: OrderHold<LoyaltyPointsClaim | null> = {
  kind: "LOYALTY_POINTS",

  async take(tx, ctx, claim) {
    if (!claim) return null;
    const spent = await spendPointsForOrder(
      tx,
      { merchantId: ctx.merchantId, orderId: ctx.orderId, storeId: claim.storeId, transactionId: ctx.transactionId },
      claim,
    );
    return spent.ok ? null : { error: "pointsChanged" };
  },

  async release(tx, ctx) {
    await returnOrderPoints(tx, { merchantId: ctx.merchantId, orderId: ctx.orderId, transactionId: randomUUID() }, { kind: "RELEASE" });
  },

  async refund(tx, ctx) {
    const points = ctx.shares.filter((share) => share.kind === "LOYALTY_POINTS").reduce((sum, share) => sum + (share.points ?? 0), 0);
    if (points === 0) return;
    await returnOrderPoints(
      tx,
      { merchantId: ctx.merchantId, orderId: ctx.orderId, transactionId: ctx.transactionId },
      { kind: "REFUND", refundId: ctx.refundId, points },
    );
  },
};
