import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { storeAddress } from "@/lib/tenancy/urls";
import type { PlaceOrderInput } from "@/lib/checkout/mutations";
import { createTenant } from "./fixtures";

/** A fresh tenant with the typed ids checkout takes. */
export async function createShop() {
  const tenant = await createTenant();
  const store = {
    id: tenant.store.id as StoreId,
    merchantId: tenant.merchant.id as MerchantId,
    name: `Store ${tenant.tag}`,
    currency: "EUR",
    target: storeAddress({ slug: tenant.store.slug, defaultLocale: "en" }, { rootDomain: "localhost:3000", protocol: "http" }),
  };
  return { tenant, store };
}

type Shop = Awaited<ReturnType<typeof createShop>>;

export async function createProduct(
  shop: Shop,
  data: { priceCents: number; stock?: number | null; kind?: "PHYSICAL" | "DIGITAL"; title?: string },
) {
  const slug = `p-${randomUUID().slice(0, 8)}`;
  return db.product.create({
    data: {
      merchantId: shop.store.merchantId,
      storeId: shop.store.id,
      slug,
      priceCents: data.priceCents,
      stock: data.stock ?? null,
      kind: data.kind ?? "DIGITAL",
      visibility: "PUBLIC",
      translations: { create: [{ locale: "en", title: data.title ?? `Product ${slug}` }] },
    },
    select: { id: true, stock: true },
  });
}

export async function createCoupon(
  shop: Shop,
  data: { code?: string; kind?: "FIXED" | "PERCENT"; amountCents?: number; percentBasisPoints?: number; totalLimit?: number; perCustomerLimit?: number },
) {
  const kind = data.kind ?? "FIXED";
  return db.coupon.create({
    data: {
      merchantId: shop.store.merchantId,
      storeId: shop.store.id,
      code: data.code ?? `C${randomUUID().slice(0, 8).toUpperCase()}`,
      kind,
      amountCents: kind === "FIXED" ? (data.amountCents ?? 100) : null,
      percentBasisPoints: kind === "PERCENT" ? (data.percentBasisPoints ?? 1000) : null,
      totalLimit: data.totalLimit ?? null,
      perCustomerLimit: data.perCustomerLimit ?? null,
    },
    select: { id: true, code: true },
  });
}

/** An ACTIVE cart (a guest's unless customerId is given) with the lines and coupons. */
export async function createCart(
  shop: Shop,
  lines: Array<{ productId: string; quantity: number }>,
  couponIds: string[] = [],
  customerId: string | null = null,
) {
  return db.cart.create({
    data: {
      merchantId: shop.store.merchantId,
      storeId: shop.store.id,
      customerId,
      lines: { create: lines },
      coupons: { create: couponIds.map((couponId) => ({ couponId })) },
    },
    select: { id: true },
  });
}

export function orderInput(shop: Shop, cartId: string, overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    store: shop.store,
    urls: { rootDomain: "localhost:3000", protocol: "http" },
    cartId,
    customer: null,
    email: `buyer-${randomUUID().slice(0, 8)}@example.test`,
    shipping: null,
    idempotencyKey: randomUUID(),
    expectedTotalCents: null,
    locale: "en",
    ...overrides,
  };
}
