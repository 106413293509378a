import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { failOrderPayment, applyPaymentEvent } from "@/lib/payments/mutations";
import { refundOrder } from "@/lib/payments/refunds";
import type { StoreId } from "@/lib/tenancy/types";
import { createCart, createProduct, createShop, orderInput } from "@/tests/integration/checkout-fixtures";
import { createGiftCard, giftCardState } from "@/tests/integration/gift-card-fixtures";
import { placeOrder } from "./mutations";

type Shop = Awaited<ReturnType<typeof createShop>>;

async function cartWithCard(shop: Shop, productId: string, cardIds: string[], quantity = 1) {
  const cart = await createCart(shop, [{ productId, quantity }]);
  await db.cartGiftCard.createMany({ data: cardIds.map((giftCardId) => ({ cartId: cart.id, giftCardId })) });
  return cart;
}

async function placed(shop: Shop, cartId: string, overrides = {}) {
  const result = await placeOrder(orderInput(shop, cartId, overrides));
  if (!result.ok) throw new Error(`checkout refused: ${result.error}`);
  return db.order.findUniqueOrThrow({
    where: { id: result.orderId },
    select: { id: true, status: true, totalCents: true, tenderedCents: true, amountDueCents: true, paymentProvider: true, paymentRef: true, tenders: true },
  });
}

describe("gift cards as a tender at checkout", () => {
  it("pay part of an order in the checkout's transaction: the provider is asked for the rest only", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 5000 });
    const card = await createGiftCard(shop.store.merchantId, { balanceCents: 2000 });
    const cart = await cartWithCard(shop, product.id, [card.id]);

    const order = await placed(shop, cart.id, { expectedAmountDueCents: 3000 });

    expect(order).toMatchObject({ status: "PENDING_PAYMENT", totalCents: 5000, tenderedCents: 2000, amountDueCents: 3000, paymentProvider: "TEST" });
    expect(order.tenders).toEqual([expect.objectContaining({ kind: "GIFT_CARD", giftCardId: card.id, amountCents: 2000, label: card.last4 })]);
    const state = await giftCardState(card.id);
    expect(state).toMatchObject({ balanceCents: 0, status: "USED_UP", ledgerSumCents: 0 });
    expect(state.rows.at(-1)).toMatchObject({ kind: "REDEEM", amountCents: -2000, balanceAfterCents: 0, orderId: order.id });
  });

  it("complete an order they cover in full without any payment, and keep the rest on the card", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 1500 });
    const card = await createGiftCard(shop.store.merchantId, { balanceCents: 4000 });
    const cart = await cartWithCard(shop, product.id, [card.id]);

    const order = await placed(shop, cart.id);

    expect(order).toMatchObject({ status: "PAID", tenderedCents: 1500, amountDueCents: 0, paymentProvider: "NONE" });
    expect(await giftCardState(card.id)).toMatchObject({ balanceCents: 2500, status: "ACTIVE", ledgerSumCents: 2500 });
  });

  it("use several cards in a fixed order, each up to what is still due", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 3000 });
    const a = await createGiftCard(shop.store.merchantId, { balanceCents: 2000 });
    const b = await createGiftCard(shop.store.merchantId, { balanceCents: 2000 });
    const cart = await cartWithCard(shop, product.id, [a.id, b.id]);

    const order = await placed(shop, cart.id);

    expect(order.amountDueCents).toBe(0);
    const balances = [(await giftCardState(a.id)).balanceCents, (await giftCardState(b.id)).balanceCents].sort();
    // 3000 due: the first card (by id) pays 2000, the second 1000.
    expect(balances).toEqual([0, 1000]);
    expect(order.tenders.reduce((sum, t) => sum + t.amountCents, 0)).toBe(3000);
  });

  it("one card in ten carts at once pays for one order only; the others are refused and nothing of theirs is written", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 2000 });
    const card = await createGiftCard(shop.store.merchantId, { balanceCents: 2000 });
    const carts = await Promise.all(Array.from({ length: 10 }, () => cartWithCard(shop, product.id, [card.id])));

    const results = await Promise.all(carts.map((cart) => placeOrder(orderInput(shop, cart.id, { expectedAmountDueCents: 0 }))));

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(r.error).toBe("giftCardChanged");
    expect(await db.order.count({ where: { storeId: shop.store.id } })).toBe(1);
    const state = await giftCardState(card.id);
    expect(state).toMatchObject({ balanceCents: 0, ledgerSumCents: 0 });
    expect(state.rows.filter((r) => r.kind === "REDEEM")).toHaveLength(1);
  });

  it("refuse an order whose amount due changed since the page was shown (the card was spent elsewhere)", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 5000 });
    const card = await createGiftCard(shop.store.merchantId, { balanceCents: 2000 });
    const cart = await cartWithCard(shop, product.id, [card.id]);
    await db.giftCard.update({ where: { id: card.id }, data: { status: "DISABLED" } });

    const result = await placeOrder(orderInput(shop, cart.id, { expectedAmountDueCents: 3000 }));

    expect(result).toMatchObject({ ok: false, error: "amountDueChanged" });
    expect(await db.order.count({ where: { storeId: shop.store.id } })).toBe(0);
    expect((await giftCardState(card.id)).balanceCents).toBe(2000);
  });

  it("leave out cards that cannot pay (another currency, locked to another customer, expired)", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 1000 });
    const chf = await createGiftCard(shop.store.merchantId, { balanceCents: 1000, currency: "CHF" });
    const customer = await db.customer.create({ data: { merchantId: shop.store.merchantId, email: `lock-${shop.tenant.tag}@example.test` }, select: { id: true } });
    const locked = await createGiftCard(shop.store.merchantId, { balanceCents: 1000, lockedCustomerId: customer.id });
    const expired = await createGiftCard(shop.store.merchantId, { balanceCents: 1000, expiresAt: new Date(Date.now() - 1000) });
    const cart = await cartWithCard(shop, product.id, [chf.id, locked.id, expired.id]);

    const order = await placed(shop, cart.id, { expectedAmountDueCents: 1000 });

    expect(order).toMatchObject({ tenderedCents: 0, amountDueCents: 1000, tenders: [] });
    for (const card of [chf, locked, expired]) expect((await giftCardState(card.id)).balanceCents).toBe(1000);
  });

  it("give back exactly what they paid, once, when the payment fails", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 5000 });
    const card = await createGiftCard(shop.store.merchantId, { balanceCents: 2000 });
    const cart = await cartWithCard(shop, product.id, [card.id]);
    const order = await placed(shop, cart.id);

    const outcomes = await Promise.all([
      db.$transaction((tx) => failOrderPayment(tx, shop.store.merchantId, order.id)),
      db.$transaction((tx) => failOrderPayment(tx, shop.store.merchantId, order.id)),
    ]);

    expect(outcomes.filter(Boolean)).toHaveLength(1);
    const state = await giftCardState(card.id);
    expect(state).toMatchObject({ balanceCents: 2000, status: "ACTIVE", ledgerSumCents: 2000 });
    expect(state.rows.map((r) => [r.kind, r.amountCents])).toEqual([["ISSUE", 2000], ["REDEEM", -2000], ["RELEASE", 2000]]);
    // The restored cart still holds the card: the shopper can try again as they were.
    expect(await db.cartGiftCard.count({ where: { cartId: cart.id, giftCardId: card.id } })).toBe(1);
  });

  it("credit the cards on a refund, once, besides the provider's part", async () => {
    const shop = await createShop();
    const product = await createProduct(shop, { priceCents: 5000 });
    const card = await createGiftCard(shop.store.merchantId, { balanceCents: 1500 });
    const cart = await cartWithCard(shop, product.id, [card.id]);
    const order = await placed(shop, cart.id);
    const paid = await applyPaymentEvent({
      eventId: `evt-${order.id}`,
      provider: "TEST",
      type: "test.paid",
      paymentRef: order.paymentRef ?? `test-${order.id}`,
      orderId: order.id,
      outcome: "paid",
    });
    expect(paid).toBe("applied");

    const refunds = await Promise.all([
      refundOrder(shop.store.merchantId, shop.store.id as StoreId, order.id, shop.tenant.owner.id),
      refundOrder(shop.store.merchantId, shop.store.id as StoreId, order.id, shop.tenant.owner.id),
    ]);

    expect(refunds.filter((r) => r.ok)).toHaveLength(1);
    const state = await giftCardState(card.id);
    expect(state).toMatchObject({ balanceCents: 1500, status: "ACTIVE", ledgerSumCents: 1500 });
    expect(state.rows.map((r) => r.kind)).toEqual(["ISSUE", "REDEEM", "REFUND"]);
  });

  it("never take a card of another merchant, even when its id is put in the cart", async () => {
    const shop = await createShop();
    const other = await createShop();
    const product = await createProduct(shop, { priceCents: 2000 });
    const foreign = await createGiftCard(other.store.merchantId, { balanceCents: 2000 });
    const cart = await cartWithCard(shop, product.id, [foreign.id]);

    const order = await placed(shop, cart.id);

    expect(order).toMatchObject({ tenderedCents: 0, amountDueCents: 2000 });
    expect((await giftCardState(foreign.id)).balanceCents).toBe(2000);
  });
});
