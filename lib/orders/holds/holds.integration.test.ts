import { describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout/mutations";
import { db } from "@/lib/db";
import { createCart, createCoupon, createProduct, createShop, orderInput } from "@/tests/integration/checkout-fixtures";
import { createGiftCard, giftCardState } from "@/tests/integration/gift-card-fixtures";
import { cancelOrderNow } from "../mutations";
import { refundOrderHolds, releaseOrderHolds } from "./index";

type Shop = Awaited<ReturnType<typeof createShop>>;

/** A pending order of `shop` holding one use of a coupon and 2 of 5 units of a stocked product. */
async function pendingOrder(shop: Shop) {
  const product = await createProduct(shop, { priceCents: 3000, stock: 5 });
  const coupon = await createCoupon(shop, { amountCents: 500, totalLimit: 3 });
  const cart = await createCart(shop, [{ productId: product.id, quantity: 2 }], [coupon.id]);
  const result = await placeOrder(orderInput(shop, cart.id));
  if (!result.ok) throw new Error(`checkout failed: ${result.error}`);
  expect(result.status).toBe("PENDING_PAYMENT");
  return { orderId: result.orderId, productId: product.id, couponId: coupon.id };
}

async function held(order: { orderId: string; productId: string; couponId: string }) {
  const [product, coupon, redemptions, status] = await Promise.all([
    db.product.findUniqueOrThrow({ where: { id: order.productId }, select: { stock: true } }),
    db.coupon.findUniqueOrThrow({ where: { id: order.couponId }, select: { redemptionCount: true } }),
    db.couponRedemption.findMany({ where: { orderId: order.orderId }, select: { status: true } }),
    db.order.findUniqueOrThrow({ where: { id: order.orderId }, select: { status: true } }),
  ]);
  return { stock: product.stock, uses: coupon.redemptionCount, redemptions: redemptions.map((r) => r.status), status: status.status };
}

describe("order holds across merchants", () => {
  it("a checkout takes the coupon use (under the order's transaction id) and the units; a cancellation gives both back, once", async () => {
    const shop = await createShop();
    const order = await pendingOrder(shop);
    expect(await held(order)).toEqual({ stock: 3, uses: 1, redemptions: ["ACTIVE"], status: "PENDING_PAYMENT" });
    const { transactionId } = await db.order.findUniqueOrThrow({ where: { id: order.orderId }, select: { transactionId: true } });
    expect(await db.couponRedemption.findMany({ where: { orderId: order.orderId }, select: { transactionId: true } })).toEqual([{ transactionId }]);

    expect(await cancelOrderNow(shop.store.merchantId, order.orderId)).toBe(true);
    expect(await cancelOrderNow(shop.store.merchantId, order.orderId)).toBe(false);
    expect(await held(order)).toEqual({ stock: 5, uses: 0, redemptions: ["RELEASED"], status: "CANCELLED" });
  });

  it("another merchant's id cancels nothing and releases nothing of the order", async () => {
    const victim = await createShop();
    const other = await createShop();
    const order = await pendingOrder(victim);

    expect(await cancelOrderNow(other.store.merchantId, order.orderId)).toBe(false);
    await db.$transaction((tx) => releaseOrderHolds(tx, { merchantId: other.store.merchantId, orderId: order.orderId, at: new Date() }));
    expect(await held(order)).toEqual({ stock: 3, uses: 1, redemptions: ["ACTIVE"], status: "PENDING_PAYMENT" });
  });

  it("releasing one merchant's order never gives units to another merchant's product", async () => {
    const shop = await createShop();
    const other = await createShop();
    const order = await pendingOrder(shop);
    const theirs = await createProduct(other, { priceCents: 3000, stock: 7 });
    // An order line that names a product of another merchant (order lines keep their product by
    // id alone): the release must scope the stock update to the order's merchant.
    await db.orderLine.updateMany({ where: { orderId: order.orderId }, data: { productId: theirs.id } });

    expect(await cancelOrderNow(shop.store.merchantId, order.orderId)).toBe(true);
    expect((await db.product.findUniqueOrThrow({ where: { id: theirs.id }, select: { stock: true } })).stock).toBe(7);
    expect(await held(order)).toMatchObject({ uses: 0, redemptions: ["RELEASED"], status: "CANCELLED" });
  });

  it("a partial refund without restock keeps the coupon use and the units; a full one with restock gives both back", async () => {
    const shop = await createShop();
    const order = await pendingOrder(shop);
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.orderId }, select: { productId: true, quantity: true } });
    const refund = (change: { full: boolean; restock: Array<{ productId: string; quantity: number }> }) =>
      db.$transaction((tx) =>
        refundOrderHolds(tx, {
          merchantId: shop.store.merchantId,
          orderId: order.orderId,
          storeId: shop.store.id,
          customerId: null,
          currency: "EUR",
          refundId: `r-${Math.random()}`,
          transactionId: "t",
          at: new Date(),
          shares: [],
          ...change,
        }),
      );
    await refund({ full: false, restock: [] });
    expect(await held(order)).toEqual({ stock: 3, uses: 1, redemptions: ["ACTIVE"], status: "PENDING_PAYMENT" });
    await refund({ full: true, restock: [{ productId: line.productId!, quantity: line.quantity }] });
    expect(await held(order)).toEqual({ stock: 3 + line.quantity, uses: 0, redemptions: ["RELEASED"], status: "PENDING_PAYMENT" });
  });

  it("another merchant's id gives a gift card nothing back, and the card's own merchant gets it back once", async () => {
    const shop = await createShop();
    const other = await createShop();
    const product = await createProduct(shop, { priceCents: 3000 });
    const card = await createGiftCard(shop.store.merchantId, { balanceCents: 1000 });
    const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }]);
    await db.cartGiftCard.create({ data: { cartId: cart.id, giftCardId: card.id } });
    const result = await placeOrder(orderInput(shop, cart.id));
    if (!result.ok) throw new Error(`checkout failed: ${result.error}`);
    const release = (merchantId: typeof shop.store.merchantId) =>
      db.$transaction((tx) => releaseOrderHolds(tx, { merchantId, orderId: result.orderId, at: new Date() }));

    await release(other.store.merchantId);
    expect((await giftCardState(card.id)).balanceCents).toBe(0);
    await release(shop.store.merchantId);
    await release(shop.store.merchantId);
    expect(await giftCardState(card.id)).toMatchObject({ balanceCents: 1000, ledgerSumCents: 1000 });
  });
});
