import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { loadCustomerSession } from "@/lib/auth/loaders";
import { clientIp, consumeLimit, refundLimit, retryAfterMinutes } from "@/lib/auth/rate-limit";
import type { Storefront } from "@/lib/tenancy/loaders";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { findCouponByCode, listCoupons, loadCouponUsage, type CouponListItem } from "./data";
import { couponStatus, qualifyCoupon, type CouponStatus } from "./rules";
import type { CouponQualification, CouponTerms } from "./types";

/** The merchant list: every coupon of the store with its state right now. Call after the store gate. */
export async function loadStoreCoupons(merchantId: MerchantId, storeId: StoreId): Promise<Array<CouponListItem & { status: CouponStatus }>> {
  const now = new Date();
  const coupons = await listCoupons(merchantId, storeId);
  return coupons.map((c) => ({ ...c, status: couponStatus(c, now) }));
}

/**
 * The coupon of a shareable page (/c/<code>), behind the coupon-page limit of the client's
 * address: every view counts, a code that exists gives its point back, so only guesses add up.
 * Once per request (the page and its metadata share it). `null`: no such code.
 */
export const loadCouponPage = cache(async (
  store: Pick<Storefront, "id" | "merchantId">,
  code: string,
): Promise<{ ok: true; coupon: CouponTerms | null } | { ok: false; retryAfterMinutes: number }> => {
  const keys = { ip: clientIp(await headers()) };
  const limit = await consumeLimit("couponPage", keys);
  if (!limit.ok) return { ok: false, retryAfterMinutes: retryAfterMinutes(limit.retryAfterMs) };
  const coupon = await findCouponByCode(store.merchantId, store.id, code);
  if (coupon) await refundLimit("couponPage", keys);
  return { ok: true, coupon };
});

/**
 * Whether the storefront's visitor could use `coupon` now, for its shareable page: usage counted
 * for the signed-in customer, if any. Without a cart the minimum subtotal cannot be judged yet, so
 * only what no cart can fix is reported (not started, expired, paused, used up): the page offers
 * "apply to my cart" only when this qualifies.
 */
export async function loadCouponStanding(store: Storefront, coupon: CouponTerms, now = new Date()): Promise<CouponQualification> {
  const customer = await loadCustomerSession(store.id);
  const usage = await loadCouponUsage(store.merchantId, [coupon.id], { customerId: customer?.customerId, email: customer?.email });
  return qualifyCoupon(coupon, { subtotalCents: Number.MAX_SAFE_INTEGER, now, usage: usage[coupon.id] });
}
