import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { giftCardLineKey, type GiftCardPurchase } from "@/lib/gift-cards/purchase";
import { createCoupon, createProduct, createShop, orderInput } from "@/tests/integration/checkout-fixtures";
import { placeOrder } from "./mutations";

type Shop = Awaited<ReturnType<typeof createShop>>;

const FOR_LEA: GiftCardPurchase = { recipient: { name: "Léa", email: "lea@example.com" }, message: "Bonne fête", deliverOn: "2026-12-24", locale: "fr" };

async function giftCardProduct(shop: Shop, amounts: number[], stock: number | null = null) {
  return db.product.create({
    data: {
      merchantId: shop.store.merchantId,
      storeId: shop.store.id,
      slug: `card-${randomUUID().slice(0, 8)}`,
      kind: "GIFT_CARD",
      visibility: "PUBLIC",
      priceCents: amounts[0]!,
      stock,
      giftCardAmounts: amounts,
      translations: { create: [{ locale: "en", title: "Gift card" }] },
    },
    select: { id: true },
  });
}

/** A guest cart with a gift-card line (as the cart's add wrote it) and other lines and coupons. */
async function cartWith(
  shop: Shop,
  card: { productId: string; amountCents: number; quantity: number; purchase?: GiftCardPurchase },
  plain: Array<{ productId: string; quantity: number }> = [],
  couponIds: string[] = [],
) {
  const purchase = card.purchase ?? FOR_LEA;
  return db.cart.create({
    data: {
      merchantId: shop.store.merchantId,
      storeId: shop.store.id,
      lines: {
        create: [
          {
            productId: card.productId,
            quantity: card.quantity,
            lineKey: giftCardLineKey(card.amountCents, purchase),
            giftCardAmountCents: card.amountCents,
            giftCard: purchase as object,
          },
          ...plain,
        ],
      },
      coupons: { create: couponIds.map((couponId) => ({ couponId })) },
    },
    select: { id: true },
  });
}

describe("placing an order with gift cards", () => {
  it("writes the gift-card line at its amount with its delivery; a coupon discounts only the other lines", async () => {
    const shop = await createShop();
    const card = await giftCardProduct(shop, [2500, 5000]);
    const book = await createProduct(shop, { priceCents: 4000, kind: "DIGITAL", title: "Book" });
    const coupon = await createCoupon(shop, { kind: "PERCENT", percentBasisPoints: 5000 });
    const cart = await cartWith(shop, { productId: card.id, amountCents: 5000, quantity: 2 }, [{ productId: book.id, quantity: 1 }], [coupon.id]);

    const result = await placeOrder(orderInput(shop, cart.id, { expectedTotalCents: 12000 }));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;

    const order = await db.order.findUniqueOrThrow({
      where: { id: result.orderId },
      select: {
        subtotalCents: true,
        discountCents: true,
        totalCents: true,
        discounts: { select: { amountCents: true } },
        lines: { orderBy: { unitPriceCents: "asc" }, select: { productId: true, kind: true, unitPriceCents: true, quantity: true, totalCents: true, giftCard: true } },
      },
    });
    // 2 x 50.00 of gift cards + 40.00 of goods; half of the goods (20.00) off.
    expect(order).toMatchObject({ subtotalCents: 14000, discountCents: 2000, totalCents: 12000, discounts: [{ amountCents: 2000 }] });
    expect(order.lines).toEqual([
      { productId: book.id, kind: "DIGITAL", unitPriceCents: 4000, quantity: 1, totalCents: 4000, giftCard: null },
      { productId: card.id, kind: "GIFT_CARD", unitPriceCents: 5000, quantity: 2, totalCents: 10000, giftCard: FOR_LEA },
    ]);
  });

  it("a cart of gift cards only is paid in full even with a coupon", async () => {
    const shop = await createShop();
    const card = await giftCardProduct(shop, [2500]);
    const coupon = await createCoupon(shop, { amountCents: 1000 });
    const cart = await cartWith(shop, { productId: card.id, amountCents: 2500, quantity: 1, purchase: { recipient: null, message: null, deliverOn: null, locale: "en" } }, [], [coupon.id]);

    // The coupon does not apply (nothing it may discount): left out of the order, as the cart showed it.
    const result = await placeOrder(orderInput(shop, cart.id, { appliedCouponIds: [], expectedTotalCents: 2500 }));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const order = await db.order.findUniqueOrThrow({ where: { id: result.orderId }, select: { totalCents: true, discountCents: true, lines: { select: { giftCard: true } } } });
    expect(order).toEqual({ totalCents: 2500, discountCents: 0, lines: [{ giftCard: { recipient: null, message: null, deliverOn: null, locale: "en" } }] });
  });

  it("refuses an amount the product no longer offers, and a product that is no longer a gift card; nothing is written", async () => {
    const shop = await createShop();
    const card = await giftCardProduct(shop, [2500, 5000], 10);
    const cart = await cartWith(shop, { productId: card.id, amountCents: 5000, quantity: 1 });

    await db.product.update({ where: { id: card.id }, data: { giftCardAmounts: [2500, 7500] } });
    expect(await placeOrder(orderInput(shop, cart.id))).toMatchObject({ ok: false, error: "priceChanged" });

    await db.product.update({ where: { id: card.id }, data: { kind: "DIGITAL", giftCardAmounts: [] } });
    expect(await placeOrder(orderInput(shop, cart.id))).toMatchObject({ ok: false, error: "unavailable" });

    expect(await db.order.count({ where: { storeId: shop.store.id } })).toBe(0);
    expect((await db.product.findUniqueOrThrow({ where: { id: card.id }, select: { stock: true } })).stock).toBe(10);
  });

  it("takes a stocked gift card's units whatever its smallest amount is", async () => {
    const shop = await createShop();
    const card = await giftCardProduct(shop, [2500, 5000], 3);
    const cart = await cartWith(shop, { productId: card.id, amountCents: 5000, quantity: 2 });

    expect(await placeOrder(orderInput(shop, cart.id, { expectedTotalCents: 10000 }))).toMatchObject({ ok: true });
    expect((await db.product.findUniqueOrThrow({ where: { id: card.id }, select: { stock: true } })).stock).toBe(1);
  });
});
