import "server-only";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { listCoupons, type CouponListItem } from "./data";
import { couponStatus, type CouponStatus } from "./rules";

/** The merchant list: every coupon of the store with its state right now. Call after the store gate. */
export async function loadStoreCoupons(merchantId: MerchantId, storeId: StoreId): Promise<Array<CouponListItem & { status: CouponStatus }>> {
  const now = new Date();
  const coupons = await listCoupons(merchantId, storeId);
  return coupons.map((c) => ({ ...c, status: couponStatus(c, now) }));
}
