import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { normalizeEmail } from "@/lib/email-address";
import { normalizeCouponCode } from "./rules";
import type { CouponTerms, CouponUsage } from "./types";

/** The rule fields of a Coupon row: select exactly CouponTerms. */
export const COUPON_TERMS_SELECT = {
  id: true,
  code: true,
  kind: true,
  amountCents: true,
  percentBasisPoints: true,
  maxDiscountCents: true,
  minSubtotalCents: true,
  startsAt: true,
  endsAt: true,
  perCustomerLimit: true,
  totalLimit: true,
  combinable: true,
  paused: true,
} as const;

const TERM_COLUMNS = (Object.keys(COUPON_TERMS_SELECT) as Array<keyof CouponTerms>).filter((column) => column !== "id");

/**
 * A SQL condition on a Coupon row: every rule field still equals `terms` (as read earlier). A
 * conditional update with it consumes a coupon only if nobody edited, paused or rescheduled it
 * since. (updatedAt cannot serve: the set_updated_at trigger bumps it on every write, redemptions too.)
 */
export function sameCouponTermsSql(terms: CouponTerms): Prisma.Sql {
  return Prisma.join(
    TERM_COLUMNS.map((column) => Prisma.sql`${Prisma.raw(`"${column}"`)} IS NOT DISTINCT FROM ${terms[column]}`),
    " AND ",
  );
}

export interface Buyer {
  customerId?: string | null;
  /** Guests are counted by normalized email; unknown before checkout asks for it. */
  email?: string | null;
}

/**
 * The SQL condition "this redemption (table alias `alias`) is the buyer's": by customer id or by
 * normalized email, whichever matches. Every count of a buyer's coupon uses goes through it.
 */
export function buyersRedemptionSql(alias: string, buyer: Buyer): Prisma.Sql {
  const customerId = buyer.customerId ?? null;
  const email = buyer.email ? normalizeEmail(buyer.email) : null;
  const r = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${r}."customerId" = ${customerId} OR ${r}.email = ${email})`;
}

/**
 * ACTIVE redemptions of each coupon: overall and by this buyer (by customer id or by
 * normalized email, whichever matches). Pass `tx` to count under the checkout's row locks.
 */
export async function loadCouponUsage(
  merchantId: MerchantId,
  couponIds: string[],
  buyer: Buyer,
  tx?: Tx,
): Promise<Record<string, CouponUsage>> {
  const client = tx ?? db;
  const usage: Record<string, CouponUsage> = Object.fromEntries(couponIds.map((id) => [id, { total: 0, byCustomer: 0 }]));
  if (couponIds.length === 0) return usage;
  // Both counts in one statement (checkout runs this while it holds the coupons' locks).
  const rows = await client.$queryRaw<Array<{ couponId: string; total: number; mine: number }>>`
    SELECT r."couponId",
           count(*)::int AS total,
           count(*) FILTER (WHERE ${buyersRedemptionSql("r", buyer)})::int AS mine
    FROM "CouponRedemption" r
    WHERE r."merchantId" = ${merchantId} AND r."couponId" IN (${Prisma.join(couponIds)}) AND r.status = 'ACTIVE'
    GROUP BY r."couponId"`;
  for (const row of rows) usage[row.couponId] = { total: row.total, byCustomer: row.mine };
  return usage;
}

/** A coupon of this store by the code a visitor typed (case-insensitive), or null. */
export async function findCouponByCode(merchantId: MerchantId, storeId: StoreId, typed: string): Promise<CouponTerms | null> {
  const code = normalizeCouponCode(typed);
  if (!code || code.length > 64) return null;
  return db.coupon.findFirst({ where: { merchantId, storeId, code }, select: COUPON_TERMS_SELECT });
}

export interface CouponListItem extends CouponTerms {
  redemptionCount: number;
  createdAt: Date;
}

/** The store's coupons for the merchant area, newest first, with their active redemption counts. */
export async function listCoupons(merchantId: MerchantId, storeId: StoreId): Promise<CouponListItem[]> {
  return db.coupon.findMany({
    where: { merchantId, storeId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { ...COUPON_TERMS_SELECT, redemptionCount: true, createdAt: true },
  });
}

/** One coupon of this store for the merchant area, or null (another store's or merchant's id). */
export async function findCoupon(merchantId: MerchantId, storeId: StoreId, couponId: string): Promise<CouponListItem | null> {
  return db.coupon.findFirst({
    where: { id: couponId, merchantId, storeId },
    select: { ...COUPON_TERMS_SELECT, redemptionCount: true, createdAt: true },
  });
}

export interface RedemptionItem {
  id: string;
  email: string;
  amountCents: number;
  status: "ACTIVE" | "RELEASED";
  createdAt: Date;
  orderId: string;
  orderNumber: string;
}

/** Redemptions of one coupon of this store, newest first. */
export async function listRedemptions(merchantId: MerchantId, storeId: StoreId, couponId: string, take = 200): Promise<RedemptionItem[]> {
  const rows = await db.couponRedemption.findMany({
    where: { merchantId, couponId, coupon: { merchantId, storeId } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, email: true, amountCents: true, status: true, createdAt: true, orderId: true, order: { select: { number: true } } },
  });
  return rows.map(({ order, ...r }) => ({ ...r, orderNumber: order.number }));
}
