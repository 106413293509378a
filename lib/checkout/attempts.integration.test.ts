import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCart, createCoupon, createProduct, createShop, orderInput } from "@/tests/integration/checkout-fixtures";
import { placeOrderRecorded } from "./attempts";

async function attemptOf(transactionId: string) {
  return db.checkoutAttempt.findUniqueOrThrow({ where: { transactionId } });
}

/** Holds a row changed by `sql` in an open transaction until `commit` (see place-order tests). */
async function uncommittedChange(sql: string, params: unknown[]) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  await client.query(sql, params);
  return {
    async waiters() {
      for (let i = 0; i < 500; i++) {
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows[0]!.n >= 1) return;
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

describe("checkout attempts", () => {
  it("a placed order: its transaction id, the expected and computed totals, and the confirmation email quoting the id", async () => {
    const shop = await createShop();
    // Below the payment minimum: paid in the checkout's transaction, confirmation queued at once.
    const product = await createProduct(shop, { priceCents: 30 });
    const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }]);
    const input = orderInput(shop, cart.id, { expectedTotalCents: 30 });
    const result = await placeOrderRecorded(input);
    expect(result).toMatchObject({ ok: true, status: "PAID" });
    const order = await db.order.findFirstOrThrow({ where: { merchantId: shop.store.merchantId, idempotencyKey: input.idempotencyKey } });
    expect(order.transactionId).toBe(result.transactionId);
    expect(await attemptOf(result.transactionId)).toMatchObject({
      merchantId: shop.store.merchantId,
      storeId: shop.store.id,
      outcome: "PLACED",
      reason: null,
      expectedTotalCents: 30,
      computedTotalCents: 30,
      orderId: order.id,
      email: input.email,
    });
    const email = await db.emailMessage.findFirstOrThrow({ where: { to: input.email!, template: "order-confirmation" }, select: { data: true } });
    expect(email.data).toMatchObject({ transactionId: order.transactionId });

    // A double click: the same order, a second attempt row of its own.
    const again = await placeOrderRecorded(input);
    expect(again).toMatchObject({ ok: true, orderId: order.id, replayed: true });
    expect(await attemptOf(again.transactionId)).toMatchObject({ outcome: "PLACED", orderId: order.id });
    expect(await db.checkoutAttempt.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(2);
  });

  it("a refusal after the order was written rolls the order back and leaves the attempt with its reason", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 1000, stock: 5 });
    const coupon = await createCoupon(shop, { amountCents: 200 });
    const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }], [coupon.id]);
    const input = orderInput(shop, cart.id, { expectedTotalCents: 800 });

    // The coupon is paused while the checkout has already written the order and waits for it.
    const pause = await uncommittedChange(`UPDATE "Coupon" SET paused = true WHERE id = $1`, [coupon.id]);
    const pending = placeOrderRecorded(input);
    await pause.waiters();
    await pause.commit();
    const result = await pending;

    expect(result).toMatchObject({ ok: false, error: "couponNotQualified" });
    expect(await db.order.count({ where: { storeId: shop.store.id } })).toBe(0);
    expect(await db.customer.count({ where: { merchantId: shop.store.merchantId, email: input.email! } })).toBe(0);
    expect(await attemptOf(result.transactionId)).toMatchObject({
      outcome: "REFUSED",
      reason: "couponNotQualified:PAUSED",
      expectedTotalCents: 800,
      orderId: null,
      cartId: cart.id,
    });
  });

  it("a changed price: the total the buyer saw and the one computed", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 1000 });
    const cart = await createCart(shop, [{ productId: product.id, quantity: 2 }]);
    const result = await placeOrderRecorded(orderInput(shop, cart.id, { expectedTotalCents: 1000 }));
    expect(result).toMatchObject({ ok: false, error: "priceChanged" });
    expect(await attemptOf(result.transactionId)).toMatchObject({ outcome: "REFUSED", reason: "priceChanged", expectedTotalCents: 1000, computedTotalCents: 2000 });
  });

  it("an unexpected failure inside the order's transaction is recorded, and rethrown", async () => {
    const shop = await createShop();
    const other = await createShop();
    const product = await createProduct(shop, { priceCents: 1000 });
    const otherProduct = await createProduct(other, { priceCents: 1000 });
    const key = randomUUID();
    await placeOrderRecorded(orderInput(other, (await createCart(other, [{ productId: otherProduct.id, quantity: 1 }])).id, { idempotencyKey: key }));

    // The key is taken by another store's order: the order insert fails after the customer was written.
    const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }]);
    const input = orderInput(shop, cart.id, { idempotencyKey: key });
    await expect(placeOrderRecorded(input)).rejects.toThrow();
    const attempts = await db.checkoutAttempt.findMany({ where: { storeId: shop.store.id } });
    expect(attempts).toEqual([expect.objectContaining({ outcome: "FAILED", reason: "unexpected", orderId: null, idempotencyKey: key })]);
    expect(await db.customer.count({ where: { merchantId: shop.store.merchantId, email: input.email! } })).toBe(0);
    expect((await db.cart.findUniqueOrThrow({ where: { id: cart.id } })).status).toBe("ACTIVE");
  });

  it("two buyers of the last unit: one placed, one refused, both recorded", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 1000, stock: 1 });
    const carts = await Promise.all([1, 2].map(() => createCart(shop, [{ productId: product.id, quantity: 1 }])));
    const results = await Promise.all(carts.map((cart) => placeOrderRecorded(orderInput(shop, cart.id))));
    const attempts = await db.checkoutAttempt.findMany({ where: { transactionId: { in: results.map((r) => r.transactionId) } }, orderBy: { outcome: "asc" } });
    expect(attempts.map((a) => [a.outcome, a.reason])).toEqual([
      ["PLACED", null],
      ["REFUSED", "notEnoughStock"],
    ]);
  });
});
