import { afterEach, describe, expect, it, vi } from "vitest";
import { IDLE } from "@/lib/actions/form-state";
import { placeOrder } from "@/lib/checkout/mutations";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { form, outcome } from "@/tests/integration/actors";
import { createCart, createCoupon, createProduct, createShop, orderInput } from "@/tests/integration/checkout-fixtures";
import { completeTestPaymentAction } from "./actions";
import { paymentProvider } from "./provider";
import { testProvider } from "./test-provider";

vi.mock("next/navigation", async () => (await import("@/tests/integration/storefront-request")).navigationMockWithRethrow());
// The test payment page's request: the storefront of the order's store, nobody signed in.
vi.mock("next/headers", async () => (await import("@/tests/integration/storefront-request")).storefrontHeaders);
vi.mock("@/lib/auth/loaders", () => ({ loadCustomerSession: async () => null }));
vi.mock("next-intl/server", () => import("@/tests/integration/next-intl-server-stub"));

/** Strict production: `next start` without PATRON_TEST_MODE and without Stripe keys. */
function production(extra: Record<string, string> = {}) {
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("PATRON_TEST_MODE", undefined);
  vi.stubEnv("STRIPE_SECRET_KEY", undefined);
  vi.stubEnv("STRIPE_WEBHOOK_SECRET", undefined);
  for (const [name, value] of Object.entries(extra)) vi.stubEnv(name, value);
  resetEnvForTests();
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

async function paidCartWithCoupon() {
  const shop = await createShop();
  const product = await createProduct(shop, { priceCents: 2500, stock: 5 });
  const coupon = await createCoupon(shop, { amountCents: 500, totalLimit: 10 });
  const cart = await createCart(shop, [{ productId: product.id, quantity: 2 }], [coupon.id]);
  return { shop, product, coupon, cart };
}

const holdsOf = async (productId: string, couponId: string) => ({
  stock: (await db.product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } })).stock,
  couponUses: (await db.coupon.findUniqueOrThrow({ where: { id: couponId }, select: { redemptionCount: true } })).redemptionCount,
});

describe("payments in production", () => {
  it("there is no payment provider without Stripe keys; development and test runs keep the test provider", () => {
    expect(paymentProvider()?.kind).toBe("TEST");
    production({ PATRON_TEST_MODE: "1", PLATFORM_ROOT_DOMAIN: "localhost:3000" });
    expect(paymentProvider()?.kind).toBe("TEST");
    production();
    expect(paymentProvider()).toBeNull();
  });

  it("a cart that must be paid is refused before anything is written: no order, stock and coupon untouched, cart kept", async () => {
    const { shop, product, coupon, cart } = await paidCartWithCoupon();
    production();
    const result = await placeOrder(orderInput(shop, cart.id));
    expect(result).toEqual({ ok: false, error: "paymentsUnavailable" });
    expect(await db.order.count({ where: { merchantId: shop.store.merchantId } })).toBe(0);
    expect(await db.couponRedemption.count({ where: { couponId: coupon.id } })).toBe(0);
    expect(await holdsOf(product.id, coupon.id)).toEqual({ stock: 5, couponUses: 0 });
    expect((await db.cart.findUniqueOrThrow({ where: { id: cart.id }, select: { status: true } })).status).toBe("ACTIVE");
  });

  it("a free cart still completes", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 0 });
    const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }]);
    production();
    const result = await placeOrder(orderInput(shop, cart.id));
    expect(result).toMatchObject({ ok: true, status: "PAID", provider: "NONE", paymentUrl: null });
  });

  it("no order becomes paid through the test provider: its action refuses and a pending test order gets no payment page", async () => {
    // An order placed through the test provider before the switch to production (a copied
    // development database): still PENDING_PAYMENT, holding stock and a coupon use.
    const { shop, product, coupon, cart } = await paidCartWithCoupon();
    const input = orderInput(shop, cart.id);
    const placed = await placeOrder(input);
    if (!placed.ok) throw new Error(placed.error);
    expect(placed.provider).toBe("TEST");
    expect(await holdsOf(product.id, coupon.id)).toEqual({ stock: 3, couponUses: 1 });

    production();
    const { orderToken } = await import("@/lib/orders/tokens");
    const { storefrontRequest } = await import("@/tests/integration/storefront-request");
    storefrontRequest.storeId = shop.store.id;
    const pay = form({ orderId: placed.orderId, token: orderToken(placed.orderId, "pay"), outcome: "paid" });
    expect(await outcome(completeTestPaymentAction(IDLE, pay))).toBe("notFound");
    await expect(testProvider.createPayment({} as never)).rejects.toThrow(/does not exist in production/);

    // The buyer presses "place order" again: no test payment page; the order is cancelled and its holds released.
    expect(await placeOrder(input)).toEqual({ ok: false, error: "paymentUnavailable" });
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, select: { status: true, paidAt: true } });
    expect(order).toEqual({ status: "CANCELLED", paidAt: null });
    expect(await holdsOf(product.id, coupon.id)).toEqual({ stock: 5, couponUses: 0 });
  });
});
