import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cartActiveKey, findFailedPaymentOfCart } from "@/lib/cart/data";
import { placeOrder } from "@/lib/checkout/mutations";
import { db } from "@/lib/db";
import { createCart, createCoupon, createProduct, createShop, orderInput } from "@/tests/integration/checkout-fixtures";
import { createCustomerRow } from "@/tests/integration/cart-fixtures";
import { applyPaymentEvent } from "./mutations";
import { RECONCILE_AFTER_SECONDS, reconcilePendingPayments } from "./reconcile";
import { testPaymentRef } from "./test-provider";

type Shop = Awaited<ReturnType<typeof createShop>>;

/** What the test page's "Fail payment" (or "Pay") applies for an order. */
function testEvent(orderId: string, outcome: "paid" | "failed", eventId = `${testPaymentRef(orderId)}:${outcome}`) {
  return { eventId, provider: "TEST" as const, type: `test.payment.${outcome}`, paymentRef: testPaymentRef(orderId), orderId, outcome };
}

async function cartState(cartId: string) {
  return db.cart.findUniqueOrThrow({
    where: { id: cartId },
    select: {
      status: true,
      activeKey: true,
      lines: { select: { productId: true, quantity: true }, orderBy: { productId: "asc" } },
      coupons: { select: { couponId: true }, orderBy: { couponId: "asc" } },
    },
  });
}

async function placed(shop: Shop, cartId: string, customer: { customerId: string; email: string } | null = null) {
  const result = await placeOrder(orderInput(shop, cartId, { customer, email: customer ? null : `buyer-${randomUUID().slice(0, 8)}@example.test` }));
  if (!result.ok) throw new Error(`checkout failed: ${result.error}`);
  expect(result.status).toBe("PENDING_PAYMENT");
  return result;
}

describe("a payment that does not go through", () => {
  it("gives the cart back when the sweep cancels an order whose payment never started", async () => {
    const shop = await createShop();
    const scarf = await createProduct(shop, { priceCents: 3000, stock: 5 });
    const cart = await createCart(shop, [{ productId: scarf.id, quantity: 2 }], []);
    const order = await placed(shop, cart.id);
    const longAgo = new Date(Date.now() - (RECONCILE_AFTER_SECONDS + 60) * 1000);
    await db.order.update({ where: { id: order.orderId }, data: { paymentRef: null, createdAt: longAgo } });

    await reconcilePendingPayments();
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId }, select: { status: true } })).status).toBe("CANCELLED");
    expect(await cartState(cart.id)).toEqual({ status: "ACTIVE", activeKey: null, lines: [{ productId: scarf.id, quantity: 2 }], coupons: [] });
    expect((await db.product.findUniqueOrThrow({ where: { id: scarf.id } })).stock).toBe(5);
  });

  it("gives a guest their cart back with its lines and codes, once; the retry can be paid", async () => {
    const shop = await createShop();
    const scarf = await createProduct(shop, { priceCents: 3000, stock: 5 });
    const coupon = await createCoupon(shop, { amountCents: 500, totalLimit: 1 });
    const cart = await createCart(shop, [{ productId: scarf.id, quantity: 2 }], [coupon.id]);
    const order = await placed(shop, cart.id);
    expect((await cartState(cart.id)).status).toBe("CHECKED_OUT");
    expect(await findFailedPaymentOfCart(shop.store.merchantId, shop.store.id, cart.id)).toBeNull();

    expect(await applyPaymentEvent(testEvent(order.orderId, "failed"))).toBe("applied");
    const restored = { status: "ACTIVE", activeKey: null, lines: [{ productId: scarf.id, quantity: 2 }], coupons: [{ couponId: coupon.id }] };
    expect(await cartState(cart.id)).toEqual(restored);
    expect(await findFailedPaymentOfCart(shop.store.merchantId, shop.store.id, cart.id)).toEqual({ orderNumber: order.orderNumber });
    expect((await db.product.findUniqueOrThrow({ where: { id: scarf.id } })).stock).toBe(5);

    // A replay, or another failure event for the same order, doubles nothing.
    expect(await applyPaymentEvent(testEvent(order.orderId, "failed"))).toBe("duplicate");
    expect(await applyPaymentEvent(testEvent(order.orderId, "failed", `other-${order.orderId}`))).toBe("unchanged");
    expect(await cartState(cart.id)).toEqual(restored);

    // The code (one use in all) was given back too: the retry takes it and is paid.
    const retry = await placed(shop, cart.id);
    expect(await applyPaymentEvent(testEvent(retry.orderId, "paid"))).toBe("applied");
    expect((await cartState(cart.id)).status).toBe("CHECKED_OUT");
    expect(await db.order.findUniqueOrThrow({ where: { id: retry.orderId }, select: { status: true, discountCents: true } })).toEqual({
      status: "PAID",
      discountCents: 500,
    });
    expect(await findFailedPaymentOfCart(shop.store.merchantId, shop.store.id, cart.id)).toBeNull();
  });

  it("a customer who started a new cart meanwhile gets one cart with both, nothing counted twice", async () => {
    const shop = await createShop();
    const [scarf, hat, gloves] = await Promise.all([
      createProduct(shop, { priceCents: 3000 }),
      createProduct(shop, { priceCents: 2000 }),
      createProduct(shop, { priceCents: 1000 }),
    ]);
    const coupon = await createCoupon(shop, { amountCents: 300 });
    const customer = await createCustomerRow(shop.tenant, `c-${randomUUID().slice(0, 8)}@example.test`);
    const key = cartActiveKey(shop.store.id, customer.id);
    const first = await createCart(shop, [{ productId: scarf.id, quantity: 2 }, { productId: hat.id, quantity: 1 }], [coupon.id], customer.id);
    await db.cart.update({ where: { id: first.id }, data: { activeKey: key } });
    const order = await placed(shop, first.id, { customerId: customer.id, email: customer.email });

    // While paying, the customer fills a new cart: one more scarf, and gloves.
    const newer = await createCart(shop, [{ productId: scarf.id, quantity: 1 }, { productId: gloves.id, quantity: 3 }], [coupon.id], customer.id);
    await db.cart.update({ where: { id: newer.id }, data: { activeKey: key } });

    expect(await applyPaymentEvent(testEvent(order.orderId, "failed"))).toBe("applied");
    expect(await cartState(first.id)).toEqual({
      status: "ACTIVE",
      activeKey: key,
      lines: [
        { productId: scarf.id, quantity: 2 },
        { productId: hat.id, quantity: 1 },
        { productId: gloves.id, quantity: 3 },
      ].sort((a, b) => (a.productId < b.productId ? -1 : 1)),
      coupons: [{ couponId: coupon.id }],
    });
    expect((await cartState(newer.id)).status).toBe("MERGED");
    expect(await db.cart.count({ where: { customerId: customer.id, status: "ACTIVE" } })).toBe(1);
  });

  it("a paid order keeps its cart checked out", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 1500 });
    const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }]);
    const order = await placed(shop, cart.id);
    expect(await applyPaymentEvent(testEvent(order.orderId, "paid"))).toBe("applied");
    expect(await applyPaymentEvent(testEvent(order.orderId, "failed"))).toBe("unchanged");
    expect((await cartState(cart.id)).status).toBe("CHECKED_OUT");
    expect(await findFailedPaymentOfCart(shop.store.merchantId, shop.store.id, cart.id)).toBeNull();
  });
});
