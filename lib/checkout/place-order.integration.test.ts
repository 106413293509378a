import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCart, createCoupon, createProduct, createShop, orderInput } from "@/tests/integration/checkout-fixtures";
import { placeOrder } from "./mutations";

describe("placeOrder", () => {
  it("50 concurrent checkouts of a coupon with totalLimit 10 redeem it exactly 10 times", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 1000 });
    const coupon = await createCoupon(shop, { amountCents: 200, totalLimit: 10 });
    const carts = await Promise.all(Array.from({ length: 50 }, () => createCart(shop, [{ productId: product.id, quantity: 1 }], [coupon.id])));

    const results = await Promise.all(carts.map((cart) => placeOrder(orderInput(shop, cart.id))));

    const placed = results.filter((r) => r.ok);
    expect(placed).toHaveLength(10);
    for (const r of results) if (!r.ok) expect(r).toMatchObject({ error: "couponNotQualified", coupon: { reason: "LIMIT_REACHED" } });
    expect(await db.couponRedemption.count({ where: { couponId: coupon.id, status: "ACTIVE" } })).toBe(10);
    expect((await db.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).redemptionCount).toBe(10);
    expect(await db.order.count({ where: { storeId: shop.store.id } })).toBe(10);
    // Nothing partial: every order has its line and its discount.
    expect(await db.orderLine.count({ where: { order: { storeId: shop.store.id } } })).toBe(10);
    expect(await db.orderDiscount.count({ where: { order: { storeId: shop.store.id } } })).toBe(10);
  });

  it("50 concurrent checkouts of a product with stock 5 sell exactly 5", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 2500, stock: 5 });
    const carts = await Promise.all(Array.from({ length: 50 }, () => createCart(shop, [{ productId: product.id, quantity: 1 }])));

    const results = await Promise.all(carts.map((cart) => placeOrder(orderInput(shop, cart.id))));

    expect(results.filter((r) => r.ok)).toHaveLength(5);
    for (const r of results) if (!r.ok) expect(r.error).toBe("notEnoughStock");
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(0);
    const sold = await db.orderLine.aggregate({ where: { productId: product.id }, _sum: { quantity: true } });
    expect(sold._sum.quantity).toBe(5);
    // Order numbers stay unique and dense per store.
    const numbers = (await db.order.findMany({ where: { storeId: shop.store.id }, select: { number: true } })).map((o) => o.number).sort();
    expect(numbers).toEqual(["000001", "000002", "000003", "000004", "000005"]);
  });

  it("one customer's 10 concurrent checkouts with a once-per-customer coupon redeem it once", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 1000 });
    const coupon = await createCoupon(shop, { kind: "PERCENT", percentBasisPoints: 1000, perCustomerLimit: 1 });
    const email = `once-${randomUUID().slice(0, 8)}@example.test`;
    const customer = await db.customer.create({ data: { merchantId: shop.store.merchantId, email }, select: { id: true } });
    const carts = await Promise.all(
      Array.from({ length: 10 }, () => createCart(shop, [{ productId: product.id, quantity: 1 }], [coupon.id], customer.id)),
    );

    const results = await Promise.all(
      carts.map((cart) => placeOrder(orderInput(shop, cart.id, { customer: { customerId: customer.id, email }, email: null }))),
    );

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(r).toMatchObject({ error: "couponNotQualified", coupon: { reason: "ALREADY_USED" } });
    expect(await db.couponRedemption.count({ where: { couponId: coupon.id, status: "ACTIVE" } })).toBe(1);
  });

  it("counts guests by email for the per-customer limit", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 1000 });
    const coupon = await createCoupon(shop, { perCustomerLimit: 1 });
    const email = `guest-${randomUUID().slice(0, 8)}@example.test`;
    const carts = await Promise.all(Array.from({ length: 5 }, () => createCart(shop, [{ productId: product.id, quantity: 1 }], [coupon.id])));
    const results = await Promise.all(carts.map((cart, i) => placeOrder(orderInput(shop, cart.id, { email: i % 2 ? email.toUpperCase() : email }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // Guests become one customer per merchant and email.
    expect(await db.customer.count({ where: { merchantId: shop.store.merchantId, email } })).toBe(1);
  });

  it("a double-clicked Place order returns the same order", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 1000, stock: 3 });
    const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }]);
    const input = orderInput(shop, cart.id);

    const [a, b] = await Promise.all([placeOrder(input), placeOrder(input)]);
    const c = await placeOrder(input);

    expect(a.ok && b.ok && c.ok).toBe(true);
    if (!a.ok || !b.ok || !c.ok) return;
    expect(new Set([a.orderId, b.orderId, c.orderId]).size).toBe(1);
    expect(c.replayed).toBe(true);
    expect(await db.order.count({ where: { storeId: shop.store.id } })).toBe(1);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(2);
  });

  it("completes an order below the payment minimum without payment, in the same transaction", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 1500, kind: "DIGITAL" });
    const coupon = await createCoupon(shop, { kind: "PERCENT", percentBasisPoints: 10000 });
    const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }], [coupon.id]);
    const input = orderInput(shop, cart.id);

    const result = await placeOrder(input);

    expect(result).toMatchObject({ ok: true, status: "PAID", provider: "NONE", paymentUrl: null });
    if (!result.ok) return;
    const order = await db.order.findUniqueOrThrow({
      where: { id: result.orderId },
      select: { totalCents: true, discountCents: true, transactionId: true, lines: { select: { downloadToken: true } }, cart: { select: { status: true } } },
    });
    expect(order).toMatchObject({ totalCents: 0, discountCents: 1500, cart: { status: "CHECKED_OUT" } });
    expect(order.lines[0]!.downloadToken).toBeTruthy();
    const email = await db.emailMessage.findFirst({ where: { to: input.email!, template: "order-confirmation" }, select: { locale: true } });
    expect(email).toEqual({ locale: "en" });
  });

  it("sends a paid order to the test provider and refuses bad input with reasons", async () => {
    const shop = await createShop();
    const physical = await createProduct(shop, { priceCents: 4000, kind: "PHYSICAL" });
    const cart = await createCart(shop, [{ productId: physical.id, quantity: 2 }]);

    const shipping = { name: "Léa Muller", line1: "1 rue de la Gare", line2: null, postalCode: "1611", city: "Luxembourg", country: "LU" };
    expect(await placeOrder(orderInput(shop, cart.id))).toMatchObject({ ok: false, error: "shippingRequired" });
    expect(await placeOrder(orderInput(shop, cart.id, { email: null }))).toMatchObject({ ok: false, error: "emailRequired" });
    expect(await placeOrder(orderInput(shop, cart.id, { shipping, expectedTotalCents: 1 }))).toMatchObject({ ok: false, error: "priceChanged" });
    const other = await createShop();
    expect(await placeOrder(orderInput(other, cart.id))).toMatchObject({ ok: false, error: "cartNotFound" });
    expect(await db.order.count({ where: { storeId: shop.store.id } })).toBe(0);

    const result = await placeOrder(orderInput(shop, cart.id, { shipping, expectedTotalCents: 8000 }));
    expect(result).toMatchObject({ ok: true, status: "PENDING_PAYMENT", provider: "TEST" });
    if (!result.ok) return;
    expect(result.paymentUrl).toMatch(new RegExp(`^http://${shop.tenant.store.slug}\\.localhost:3000/pay/test/${result.orderId}\\?token=`));
    const order = await db.order.findUniqueOrThrow({ where: { id: result.orderId }, select: { paymentRef: true, shippingAddress: true } });
    expect(order.paymentRef).toBe(`test_${result.orderId}`);
    expect(order.shippingAddress).toMatchObject({ city: "Luxembourg" });
  });
});
