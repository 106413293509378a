import "server-only";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { db, Prisma } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import type { CouponField, CouponFieldError, CouponInput } from "./schema";

/** Who changes a coupon: produced from the store gate only. */
export interface CouponActor {
  merchantId: MerchantId;
  storeId: StoreId;
  userId: string;
}

export type CouponWriteResult =
  | { ok: true; couponId: string }
  | { ok: false; reason: "invalid"; fieldErrors: Partial<Record<CouponField, CouponFieldError>>; params?: Record<string, number> }
  | { ok: false; reason: "notFound" };

function isCodeCollision(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function auditData(input: CouponInput): Prisma.InputJsonValue {
  return {
    ...input,
    startsAt: input.startsAt?.toISOString() ?? null,
    endsAt: input.endsAt?.toISOString() ?? null,
  };
}

/** Creates a coupon in the actor's store. A code the store already has (in any case) is a field error. */
export async function createCoupon(actor: CouponActor, input: CouponInput): Promise<CouponWriteResult> {
  try {
    return await db.$transaction(async (tx) => {
      const coupon = await tx.coupon.create({ data: { ...input, merchantId: actor.merchantId, storeId: actor.storeId }, select: { id: true } });
      await recordAuditEvent(tx, {
        merchantId: actor.merchantId,
        actorUserId: actor.userId,
        action: "coupon.create",
        targetType: "coupon",
        targetId: coupon.id,
        data: auditData(input),
      });
      return { ok: true, couponId: coupon.id } as const;
    });
  } catch (error) {
    if (isCodeCollision(error)) return { ok: false, reason: "invalid", fieldErrors: { code: "codeTaken" } };
    throw error;
  }
}

/**
 * Edits a coupon of the actor's store. Runs under the coupon's row lock, the same lock checkout
 * takes, so the total limit can never be set below the redemptions already counted.
 */
export async function updateCoupon(actor: CouponActor, couponId: string, input: CouponInput): Promise<CouponWriteResult> {
  try {
    return await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Array<{ redemptionCount: number }>>`
        SELECT "redemptionCount" FROM "Coupon"
        WHERE "id" = ${couponId} AND "merchantId" = ${actor.merchantId} AND "storeId" = ${actor.storeId}
        FOR UPDATE`;
      const current = rows[0];
      if (!current) return { ok: false, reason: "notFound" } as const;
      if (input.totalLimit !== null && input.totalLimit < current.redemptionCount) {
        return { ok: false, reason: "invalid", fieldErrors: { totalLimit: "limitBelowRedemptions" }, params: { count: current.redemptionCount } } as const;
      }
      await tx.coupon.update({ where: { id: couponId }, data: { ...input, updatedAt: new Date() } });
      await recordAuditEvent(tx, {
        merchantId: actor.merchantId,
        actorUserId: actor.userId,
        action: "coupon.update",
        targetType: "coupon",
        targetId: couponId,
        data: auditData(input),
      });
      return { ok: true, couponId } as const;
    });
  } catch (error) {
    if (isCodeCollision(error)) return { ok: false, reason: "invalid", fieldErrors: { code: "codeTaken" } };
    throw error;
  }
}

/** Pauses or resumes a coupon of the actor's store. False when there is no such coupon. */
export async function setCouponPaused(actor: CouponActor, couponId: string, paused: boolean): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.coupon.updateMany({
      where: { id: couponId, merchantId: actor.merchantId, storeId: actor.storeId },
      data: { paused, updatedAt: new Date() },
    });
    if (count === 0) return false;
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: paused ? "coupon.pause" : "coupon.resume",
      targetType: "coupon",
      targetId: couponId,
    });
    return true;
  });
}
