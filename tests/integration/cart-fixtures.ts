import { db } from "@/lib/db";

/** Coupons and customers written straight to the database, for cart and coupon tests. */
export async function createCouponRow(
  tenant: { merchant: { id: string }; store: { id: string } },
  data: {
    code: string;
    kind?: "FIXED" | "PERCENT";
    amountCents?: number | null;
    percentBasisPoints?: number | null;
    minSubtotalCents?: number | null;
    startsAt?: Date | null;
    endsAt?: Date | null;
    perCustomerLimit?: number | null;
    totalLimit?: number | null;
    combinable?: boolean;
    paused?: boolean;
  },
) {
  const kind = data.kind ?? "FIXED";
  return db.coupon.create({
    data: {
      merchantId: tenant.merchant.id,
      storeId: tenant.store.id,
      code: data.code,
      kind,
      amountCents: kind === "FIXED" ? (data.amountCents ?? 500) : null,
      percentBasisPoints: kind === "PERCENT" ? (data.percentBasisPoints ?? 1000) : null,
      minSubtotalCents: data.minSubtotalCents ?? null,
      startsAt: data.startsAt ?? null,
      endsAt: data.endsAt ?? null,
      perCustomerLimit: data.perCustomerLimit ?? null,
      totalLimit: data.totalLimit ?? null,
      combinable: data.combinable ?? false,
      paused: data.paused ?? false,
    },
    select: { id: true, code: true },
  });
}

export async function createCustomerRow(tenant: { merchant: { id: string } }, email: string, userId?: string) {
  return db.customer.create({ data: { merchantId: tenant.merchant.id, email, userId: userId ?? null }, select: { id: true, email: true } });
}
