import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { setCouponPaused, updateCoupon } from "@/lib/coupons/mutations";
import { db } from "@/lib/db";
import { cancelOrderNow } from "@/lib/orders/mutations";
import { createCart, createCoupon, createProduct, createShop, orderInput } from "@/tests/integration/checkout-fixtures";
import { placeOrder } from "./mutations";
import type { PlaceOrderResult } from "./types";

/** The store's order numbers, sorted, and its counter. */
async function orderNumbers(storeId: string) {
  const orders = await db.order.findMany({ where: { storeId }, select: { number: true } });
  const store = await db.store.findUniqueOrThrow({ where: { id: storeId }, select: { lastOrderNumber: true } });
  return { numbers: orders.map((o) => o.number).sort(), last: store.lastOrderNumber };
}

const dense = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1).padStart(6, "0"));

/**
 * Runs `sql` in a transaction of its own connection and keeps it open: the changed row stays
 * locked until `commit`, so a checkout that read the row before reaches its update and waits.
 */
async function uncommittedChange(sql: string, params: unknown[]) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  await client.query(sql, params);
  return {
    /** Resolves once `count` statements of this database wait for a row lock. */
    async waiters(count = 1) {
      for (let i = 0; i < 500; i++) {
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows[0]!.n >= count) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error("nobody waited for the lock");
    },
    async commit() {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

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
    expect((await db.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).redemptionCount).toBe(1);
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

  it("40 concurrent checkouts of a coupon limited to 10 and a product with 20 units, 2 units each, place exactly 10 orders", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 2000, stock: 20 });
    const coupon = await createCoupon(shop, { amountCents: 500, totalLimit: 10 });
    const carts = await Promise.all(Array.from({ length: 40 }, () => createCart(shop, [{ productId: product.id, quantity: 2 }], [coupon.id])));

    const results = await Promise.all(carts.map((cart) => placeOrder(orderInput(shop, cart.id))));

    expect(results.filter((r) => r.ok)).toHaveLength(10);
    for (const r of results) {
      if (!r.ok) expect(r.error === "notEnoughStock" || (r.error === "couponNotQualified" && r.coupon?.reason === "LIMIT_REACHED")).toBe(true);
    }
    expect(await db.couponRedemption.count({ where: { couponId: coupon.id, status: "ACTIVE" } })).toBe(10);
    expect((await db.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).redemptionCount).toBe(10);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(0);
    expect(await orderNumbers(shop.store.id)).toEqual({ numbers: dense(10), last: 10 });
  });

  it("order numbers stay dense and unique per store under concurrent checkouts that partly fail", async () => {
    const shop = await createShop();
    const other = await createShop();
    const product = await createProduct(shop, { priceCents: 1000, stock: 30 });
    const unlimited = await createProduct(other, { priceCents: 1000 });
    const carts = await Promise.all(Array.from({ length: 45 }, () => createCart(shop, [{ productId: product.id, quantity: 1 }])));
    const otherCarts = await Promise.all(Array.from({ length: 5 }, () => createCart(other, [{ productId: unlimited.id, quantity: 1 }])));

    const results = await Promise.all([
      ...carts.map((cart) => placeOrder(orderInput(shop, cart.id))),
      ...otherCarts.map((cart) => placeOrder(orderInput(other, cart.id))),
    ]);

    expect(results.filter((r) => r.ok)).toHaveLength(35);
    for (const r of results) if (!r.ok) expect(r.error).toBe("notEnoughStock");
    // Refused checkouts leave no number behind: the store's counter and its orders agree.
    expect(await orderNumbers(shop.store.id)).toEqual({ numbers: dense(30), last: 30 });
    expect(await orderNumbers(other.store.id)).toEqual({ numbers: dense(5), last: 5 });
    const placed = results.filter((r) => r.ok);
    expect(new Set(placed.map((r) => (r.ok ? r.orderNumber : ""))).size).toBe(30);
  });

  it("refuses a coupon paused after the cart was read, when the pause commits while the checkout waits", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 1000 });
    const coupon = await createCoupon(shop, { amountCents: 200, totalLimit: 5 });
    const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }], [coupon.id]);

    const pause = await uncommittedChange(`UPDATE "Coupon" SET paused = true WHERE id = $1`, [coupon.id]);
    const pending = placeOrder(orderInput(shop, cart.id));
    await pause.waiters();
    await pause.commit();

    expect(await pending).toMatchObject({ ok: false, error: "couponNotQualified", coupon: { code: coupon.code, reason: "PAUSED" } });
    await expectNothingWritten(shop.store.id, cart.id, coupon.id);
  });

  it("refuses with priceChanged a coupon whose amount changed after the cart was read", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 1000 });
    const coupon = await createCoupon(shop, { amountCents: 200 });
    // Dates take part in the comparison of terms too.
    await db.coupon.update({ where: { id: coupon.id }, data: { startsAt: new Date("2020-01-01T00:00:00.123Z"), endsAt: new Date("2999-01-01T00:00:00Z") } });
    const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }], [coupon.id]);
    expect(await placeOrder(orderInput(shop, (await createCart(shop, [{ productId: product.id, quantity: 1 }], [coupon.id])).id))).toMatchObject({ ok: true });

    const edit = await uncommittedChange(`UPDATE "Coupon" SET "amountCents" = 300 WHERE id = $1`, [coupon.id]);
    const pending = placeOrder(orderInput(shop, cart.id, { expectedTotalCents: 800 }));
    await edit.waiters();
    await edit.commit();

    expect(await pending).toMatchObject({ ok: false, error: "priceChanged" });
    await expectNothingWritten(shop.store.id, cart.id, coupon.id, 1);
    // Asked again, the buyer gets the new price.
    expect(await placeOrder(orderInput(shop, cart.id))).toMatchObject({ ok: true });
  });

  it("refuses with priceChanged a product whose price changed after the cart was read", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 1000, stock: 5 });
    const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }]);

    const edit = await uncommittedChange(`UPDATE "Product" SET "priceCents" = 1200 WHERE id = $1`, [product.id]);
    const pending = placeOrder(orderInput(shop, cart.id));
    await edit.waiters();
    await edit.commit();

    expect(await pending).toMatchObject({ ok: false, error: "priceChanged" });
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(5);
    await expectNothingWritten(shop.store.id, cart.id, null);
  });

  it("coupon edits and released orders racing checkouts keep every count exact, without deadlocks", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 1000, stock: 100 });
    const input = {
      code: `RACE${randomUUID().slice(0, 6).toUpperCase()}`,
      kind: "FIXED" as const,
      amountCents: 200,
      percentBasisPoints: null,
      maxDiscountCents: null,
      minSubtotalCents: null,
      startsAt: new Date("2020-01-01T00:00:00Z"),
      endsAt: null,
      perCustomerLimit: null,
      totalLimit: 15,
      combinable: false,
    };
    const coupon = await db.coupon.create({ data: { ...input, merchantId: shop.store.merchantId, storeId: shop.store.id }, select: { id: true } });
    const actor = { merchantId: shop.store.merchantId, storeId: shop.store.id, userId: shop.tenant.owner.id };
    const cart = () => createCart(shop, [{ productId: product.id, quantity: 2 }], [coupon.id]);
    // Ten orders waiting for their payment hold a use and two units each.
    const first = await Promise.all(Array.from({ length: 10 }, async () => placeOrder(orderInput(shop, (await cart()).id))));
    const holding = first.map((r) => (r.ok ? r.orderId : ""));
    expect(holding.every(Boolean)).toBe(true);
    const carts = await Promise.all(Array.from({ length: 30 }, cart));

    const results: Array<PlaceOrderResult | boolean | unknown> = await Promise.all([
      ...carts.map((c) => placeOrder(orderInput(shop, c.id))),
      ...holding.map((id) => cancelOrderNow(shop.store.merchantId, id)),
      // Edits that leave the terms as they are: checkouts must neither fail on them nor deadlock.
      ...Array.from({ length: 3 }, () => updateCoupon(actor, coupon.id, input)),
      ...Array.from({ length: 3 }, () => setCouponPaused(actor, coupon.id, false)),
    ]);

    const placed = results.slice(0, 30) as PlaceOrderResult[];
    for (const r of placed) if (!r.ok) expect(r).toMatchObject({ error: "couponNotQualified", coupon: { reason: "LIMIT_REACHED" } });
    const active = await db.order.count({ where: { storeId: shop.store.id, status: { not: "CANCELLED" } } });
    expect(active).toBe(placed.filter((r) => r.ok).length);
    expect(active).toBeGreaterThanOrEqual(5);
    expect(active).toBeLessThanOrEqual(15);
    const redemptions = await db.couponRedemption.count({ where: { couponId: coupon.id, status: "ACTIVE" } });
    expect(redemptions).toBe(active);
    expect((await db.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).redemptionCount).toBe(redemptions);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(100 - 2 * active);
    expect(await orderNumbers(shop.store.id)).toEqual({ numbers: dense(10 + active), last: 10 + active });
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

  it("marks an order above zero but below the payment minimum as waived, under the default policy", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 30 });
    const free = await createProduct(shop, { priceCents: 1000 });
    const all = await createCoupon(shop, { kind: "PERCENT", percentBasisPoints: 10000 });

    const small = await placeOrder(orderInput(shop, (await createCart(shop, [{ productId: product.id, quantity: 1 }])).id));
    const zero = await placeOrder(orderInput(shop, (await createCart(shop, [{ productId: free.id, quantity: 1 }], [all.id])).id));

    expect(small).toMatchObject({ ok: true, status: "PAID", provider: "NONE", paymentUrl: null });
    expect(zero).toMatchObject({ ok: true, status: "PAID", provider: "NONE" });
    if (!small.ok || !zero.ok) return;
    const waived = (id: string) => db.order.findUniqueOrThrow({ where: { id }, select: { totalCents: true, paymentWaived: true } });
    expect(await waived(small.orderId)).toEqual({ totalCents: 30, paymentWaived: true });
    // Nothing was owed: not a waived payment.
    expect(await waived(zero.orderId)).toEqual({ totalCents: 0, paymentWaived: false });
  });

  it("refuses an order above zero but below the payment minimum when the store refuses small orders", async () => {
    const shop = await createShop();
    await db.store.update({ where: { id: shop.store.id }, data: { smallOrderPolicy: "REFUSE" } });
    const product = await createProduct(shop, { priceCents: 30 });
    const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }]);

    expect(await placeOrder(orderInput(shop, cart.id))).toEqual({ ok: false, error: "belowPaymentMinimum", params: { minimumCents: 50 } });
    await expectNothingWritten(shop.store.id, cart.id, null);

    // At the minimum it goes to the payment provider as usual.
    await db.product.update({ where: { id: product.id }, data: { priceCents: 50 } });
    expect(await placeOrder(orderInput(shop, cart.id))).toMatchObject({ ok: true, status: "PENDING_PAYMENT", provider: "TEST" });
  });

  it("leaves out the codes that did not qualify when the buyer looked, instead of refusing the order", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 2000 });
    const applied = await createCoupon(shop, { amountCents: 300 });
    const expired = await createCoupon(shop, { amountCents: 500 });
    await db.coupon.update({ where: { id: expired.id }, data: { endsAt: new Date(Date.now() - 60_000) } });
    const belowMinimum = await createCoupon(shop, { amountCents: 500 });
    await db.coupon.update({ where: { id: belowMinimum.id }, data: { minSubtotalCents: 5000, combinable: true } });
    const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }], [applied.id, expired.id, belowMinimum.id]);

    const result = await placeOrder(orderInput(shop, cart.id, { appliedCouponIds: [applied.id], expectedTotalCents: 1700 }));

    expect(result).toMatchObject({ ok: true, status: "PENDING_PAYMENT" });
    if (!result.ok) return;
    const order = await db.order.findUniqueOrThrow({ where: { id: result.orderId }, select: { totalCents: true, discounts: { select: { code: true } } } });
    expect(order).toEqual({ totalCents: 1700, discounts: [{ code: applied.code }] });
    const redeemed = await db.couponRedemption.findMany({ where: { orderId: result.orderId }, select: { couponId: true } });
    expect(redeemed).toEqual([{ couponId: applied.id }]);
    expect((await db.coupon.findUniqueOrThrow({ where: { id: expired.id } })).redemptionCount).toBe(0);
  });

  it("still sends the buyer back with the reason when a code they saw applied stopped qualifying", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 2000 });
    const endsAt = new Date(Date.now() + 60_000);
    const coupon = await createCoupon(shop, { amountCents: 300, totalLimit: 1 });
    await db.coupon.update({ where: { id: coupon.id }, data: { endsAt } });
    const seen = { appliedCouponIds: [coupon.id] };

    // Expired between the checkout page and "Place order".
    const late = await createCart(shop, [{ productId: product.id, quantity: 1 }], [coupon.id]);
    expect(await placeOrder(orderInput(shop, late.id, { ...seen, now: new Date(endsAt.getTime() + 1) }))).toMatchObject({
      ok: false,
      error: "couponNotQualified",
      coupon: { code: coupon.code, reason: "EXPIRED" },
    });
    await expectNothingWritten(shop.store.id, late.id, coupon.id);

    // Its last use went to another order meanwhile.
    const first = await createCart(shop, [{ productId: product.id, quantity: 1 }], [coupon.id]);
    expect(await placeOrder(orderInput(shop, first.id, seen))).toMatchObject({ ok: true });
    expect(await placeOrder(orderInput(shop, late.id, seen))).toMatchObject({ ok: false, error: "couponNotQualified", coupon: { reason: "LIMIT_REACHED" } });
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

/** A refused checkout wrote nothing: no order for the cart, the cart still ACTIVE, no use taken. */
async function expectNothingWritten(storeId: string, cartId: string, couponId: string | null, ordersBefore = 0) {
  expect(await db.order.count({ where: { cartId } })).toBe(0);
  expect((await db.cart.findUniqueOrThrow({ where: { id: cartId } })).status).toBe("ACTIVE");
  expect(await orderNumbers(storeId)).toEqual({ numbers: dense(ordersBefore), last: ordersBefore });
  if (couponId) {
    const coupon = await db.coupon.findUniqueOrThrow({ where: { id: couponId }, select: { redemptionCount: true } });
    expect(coupon.redemptionCount).toBe(ordersBefore);
  }
}
