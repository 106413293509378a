import "server-only";
import { COUPON_TERMS_SELECT, loadCouponUsage, sameCouponTermsSql, type Buyer } from "@/lib/coupons/data";
import { qualifyCoupon } from "@/lib/coupons/rules";
import type { CouponTerms } from "@/lib/coupons/types";
import type { Tx } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";
import type { HoldRefusal, OrderHold, TakeContext } from "./types";

export interface CouponUsesClaim {
  /** Counts the per-customer limit: the signed-in customer, or the guest's email. */
  buyer: Buyer;
  /** The customer and email the redemption rows carry. */
  customerId: string;
  email: string;
  /** The subtotal coupons apply to (the order's goods; gift cards are left out). */
  subtotalCents: number;
  /** Each applied coupon with the terms the cart was priced with and what it took off. */
  uses: ReadonlyArray<{ terms: CouponTerms; amountCents: number }>;
}

/**
 * Coupon uses: one ACTIVE redemption row per coupon of the order and one more in the coupon's
 * redemptionCount. Released (payment failed, expired, never started) or refunded in full, the rows
 * become RELEASED and the counts go down again; a partly refunded order keeps its uses (the
 * discount was had on what it kept).
 */
export const couponUsesHold: OrderHold<CouponUsesClaim> = {
  kind: "COUPON_USES",

  async take(tx, ctx, claim) {
    for (const use of [...claim.uses].sort((a, b) => (a.terms.id < b.terms.id ? -1 : 1))) {
      const refused = await takeCouponUse(tx, ctx, claim, use);
      if (refused) return refused;
    }
    return null;
  },

  async release(tx, ctx) {
    await giveBackUses(tx, ctx.merchantId, ctx.orderId, ctx.at);
  },

  async refund(tx, ctx) {
    if (ctx.full) await giveBackUses(tx, ctx.merchantId, ctx.orderId, ctx.at);
  },
};

/** The order's ACTIVE redemptions become RELEASED and each coupon's count goes down by one. */
async function giveBackUses(tx: Tx, merchantId: MerchantId, orderId: string, at: Date): Promise<void> {
  const redemptions = await tx.couponRedemption.findMany({
    where: { orderId, merchantId, status: "ACTIVE" },
    select: { id: true, couponId: true },
    orderBy: { couponId: "asc" },
  });
  for (const redemption of redemptions) {
    await tx.$executeRaw`
      UPDATE "Coupon" SET "redemptionCount" = "redemptionCount" - 1, "updatedAt" = ${at}
      WHERE id = ${redemption.couponId} AND "merchantId" = ${merchantId} AND "redemptionCount" > 0`;
    await tx.couponRedemption.updateMany({
      where: { id: redemption.id, merchantId, status: "ACTIVE" },
      data: { status: "RELEASED", updatedAt: at },
    });
  }
}

/**
 * Takes one use of a coupon for the order, if its terms are still those the cart was priced with
 * and a use is left: the order's redemption row first (it only KEY SHARE-locks the coupon), then
 * the count. The update locks the coupon until the commit, so the per-customer count right after
 * it sees every earlier use, this order's own included.
 */
async function takeCouponUse(
  tx: Tx,
  ctx: TakeContext,
  claim: CouponUsesClaim,
  use: { terms: CouponTerms; amountCents: number },
): Promise<HoldRefusal | null> {
  const { terms } = use;
  const merchantId: MerchantId = ctx.merchantId;
  await tx.couponRedemption.create({
    data: {
      merchantId,
      couponId: terms.id,
      orderId: ctx.orderId,
      customerId: claim.customerId,
      email: claim.email,
      amountCents: use.amountCents,
      transactionId: ctx.transactionId,
    },
    select: { id: true },
  });
  const taken = await tx.$executeRaw`
    UPDATE "Coupon" SET "redemptionCount" = "redemptionCount" + 1
    WHERE id = ${terms.id} AND "merchantId" = ${merchantId} AND ${sameCouponTermsSql(terms)}
      AND ("totalLimit" IS NULL OR "redemptionCount" < "totalLimit")`;
  if (taken === 0) {
    // The last use went to another order, or the coupon changed since it was read: its reason
    // when it no longer applies as it is now, else the buyer reviews the new price.
    const current = await tx.coupon.findFirst({
      where: { id: terms.id, merchantId },
      select: { ...COUPON_TERMS_SELECT, redemptionCount: true },
    });
    const usage = { total: current?.redemptionCount ?? 0, byCustomer: 0 };
    const standing = current ? qualifyCoupon(current, { subtotalCents: claim.subtotalCents, now: ctx.now, usage }) : null;
    if (current && standing && !standing.qualified) {
      return { error: "couponNotQualified", coupon: { code: current.code, reason: standing.reason, params: standing.params } };
    }
    return { error: "priceChanged" };
  }
  if (terms.perCustomerLimit !== null) {
    const usage = await loadCouponUsage(merchantId, [terms.id], claim.buyer, tx);
    // This order's own redemption is counted too.
    if (usage[terms.id]!.byCustomer > terms.perCustomerLimit) {
      return { error: "couponNotQualified", coupon: { code: terms.code, reason: "ALREADY_USED", params: { perCustomerLimit: terms.perCustomerLimit } } };
    }
  }
  return null;
}
