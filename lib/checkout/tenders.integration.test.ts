import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { debitAccount } from "@/lib/credit/ledger";
import { db } from "@/lib/db";
import { settleRefund } from "@/lib/orders/refunds";
import { cancelOrderNow } from "@/lib/orders/mutations";
import { applyPaymentEvent } from "@/lib/payments/mutations";
import { refundOrder } from "@/lib/payments/refunds";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { createCart, createCoupon, createProduct, orderInput } from "@/tests/integration/checkout-fixtures";
import { createGiftCard, giftCardState } from "@/tests/integration/gift-card-fixtures";
import { creditState } from "@/tests/integration/store-credit-fixtures";
import { createTenderShop, pointsState } from "@/tests/integration/tender-fixtures";
import { placeOrder } from "./mutations";

type TenderShop = Awaited<ReturnType<typeof createTenderShop>>;

/** Every balance a test touched: after it, each cached balance must equal its ledger's sum. */
const touched = { cards: new Set<string>(), accounts: new Set<string>(), giftCards: new Set<string>() };

afterEach(async () => {
  for (const cardId of touched.cards) {
    const state = await pointsState(cardId);
    expect(state.balance, `points card ${cardId}`).toBe(state.ledgerSum);
    expect(state.balance).toBeGreaterThanOrEqual(0);
  }
  for (const accountId of touched.accounts) {
    const state = await creditState(accountId);
    expect(state.balanceCents, `credit account ${accountId}`).toBe(state.ledgerSumCents);
    expect(state.lotsRemainingCents, `credit account ${accountId} lots`).toBe(state.balanceCents);
    expect(state.balanceCents).toBeGreaterThanOrEqual(0);
  }
  for (const cardId of touched.giftCards) {
    const state = await giftCardState(cardId);
    expect(state.balanceCents, `gift card ${cardId}`).toBe(state.ledgerSumCents);
  }
  touched.cards.clear();
  touched.accounts.clear();
  touched.giftCards.clear();
});

async function memberShop(options: { points?: number; creditCents?: number }) {
  const shop = await createTenderShop(options);
  touched.cards.add(shop.cardId);
  if (shop.accountId) touched.accounts.add(shop.accountId);
  return shop;
}

/** A cart of the shop's customer asking to pay with `rewards` × the 500-point reward and up to `creditCents` of store credit. */
async function memberCart(
  shop: TenderShop,
  lines: Array<{ productId: string; quantity: number }>,
  asks: { rewards?: number; creditCents?: number; giftCardIds?: string[]; couponIds?: string[] },
) {
  const cart = await createCart(shop, lines, asks.couponIds ?? [], shop.customer.customerId);
  await db.cart.update({
    where: { id: cart.id },
    data: {
      pointsRewardId: asks.rewards ? shop.rewardId : null,
      pointsQuantity: asks.rewards ?? null,
      storeCreditCents: asks.creditCents ?? null,
      giftCards: { create: (asks.giftCardIds ?? []).map((giftCardId) => ({ giftCardId })) },
    },
  });
  return cart;
}

function memberOrder(shop: TenderShop, cartId: string, overrides = {}) {
  return placeOrder(orderInput(shop, cartId, { customer: shop.customer, email: null, ...overrides }));
}

async function paid(orderId: string) {
  const ref = `test-${orderId}`;
  await db.order.update({ where: { id: orderId }, data: { paymentRef: ref } });
  expect(await applyPaymentEvent({ eventId: `${ref}:paid`, provider: "TEST", type: "test.payment.paid", paymentRef: ref, orderId, outcome: "paid" })).toBe("applied");
}

describe("every tender in one checkout", () => {
  it("pays an order with a gift card, points, store credit and the card, every row carrying the order's transaction id", async () => {
    const shop = await memberShop({ points: 800, creditCents: 3000 });
    const product = await createProduct(shop, { priceCents: 5000 });
    const giftCard = await createGiftCard(shop.store.merchantId, { balanceCents: 1000 });
    touched.giftCards.add(giftCard.id);
    const cart = await memberCart(shop, [{ productId: product.id, quantity: 1 }], { rewards: 1, creditCents: 2000, giftCardIds: [giftCard.id] });

    const result = await memberOrder(shop, cart.id, { expectedTotalCents: 5000, expectedAmountDueCents: 1500 });
    if (!result.ok) throw new Error(result.error);
    const order = await db.order.findUniqueOrThrow({
      where: { id: result.orderId },
      select: { status: true, totalCents: true, tenderedCents: true, amountDueCents: true, transactionId: true, tenders: { orderBy: { kind: "asc" } } },
    });
    // Gift card first, then points, then store credit; the card pays the rest.
    expect(order).toMatchObject({ status: "PENDING_PAYMENT", totalCents: 5000, tenderedCents: 3500, amountDueCents: 1500 });
    expect(order.tenders.map((t) => [t.kind, t.amountCents, t.points])).toEqual([
      ["GIFT_CARD", 1000, null],
      ["STORE_CREDIT", 2000, null],
      ["LOYALTY_POINTS", 500, 500],
    ]);
    expect(await pointsState(shop.cardId)).toEqual({ balance: 300, ledgerSum: 300 });
    expect(await creditState(shop.accountId!)).toMatchObject({ balanceCents: 1000 });
    expect((await giftCardState(giftCard.id)).balanceCents).toBe(0);

    const rows = await Promise.all([
      db.giftCardLedger.findMany({ where: { orderId: result.orderId }, select: { transactionId: true } }),
      db.loyaltyLedger.findMany({ where: { orderId: result.orderId }, select: { transactionId: true } }),
      db.storeCreditLedger.findMany({ where: { orderId: result.orderId }, select: { transactionId: true } }),
    ]);
    expect(rows.map((r) => r.length)).toEqual([1, 1, 1]);
    for (const row of rows.flat()) expect(row.transactionId).toBe(order.transactionId);
  });

  it("an order the tenders cover is paid in the checkout's transaction, with no payment", async () => {
    const shop = await memberShop({ points: 500, creditCents: 5000 });
    const product = await createProduct(shop, { priceCents: 1500 });
    const cart = await memberCart(shop, [{ productId: product.id, quantity: 1 }], { rewards: 1, creditCents: 5000 });
    const result = await memberOrder(shop, cart.id);
    expect(result).toMatchObject({ ok: true, status: "PAID", provider: "NONE", paymentUrl: null });
    expect(await creditState(shop.accountId!)).toMatchObject({ balanceCents: 4000 });
  });

  it("30 parallel checkouts spending one customer's points and credit never overspend either", async () => {
    // 1,500 points pay three rewards; 5,000 of credit would pay five orders: three orders go through.
    const shop = await memberShop({ points: 1500, creditCents: 5000 });
    const product = await createProduct(shop, { priceCents: 1500 });
    const carts = await Promise.all(Array.from({ length: 30 }, () => memberCart(shop, [{ productId: product.id, quantity: 1 }], { rewards: 1, creditCents: 1000 })));

    const results = await Promise.all(carts.map((cart) => memberOrder(shop, cart.id)));

    const placed = results.filter((r) => r.ok);
    expect(placed).toHaveLength(3);
    for (const r of results) if (!r.ok) expect(r.error).toBe("pointsChanged");
    expect(await pointsState(shop.cardId)).toEqual({ balance: 0, ledgerSum: 0 });
    expect(await creditState(shop.accountId!)).toMatchObject({ balanceCents: 2000 });
    expect(await db.order.count({ where: { storeId: shop.store.id } })).toBe(3);
  });

  it("30 parallel checkouts of one customer's store credit pay exactly as many orders as it covers", async () => {
    const shop = await memberShop({ creditCents: 5000 });
    const product = await createProduct(shop, { priceCents: 1000 });
    const carts = await Promise.all(Array.from({ length: 30 }, () => memberCart(shop, [{ productId: product.id, quantity: 1 }], { creditCents: 1000 })));

    const results = await Promise.all(carts.map((cart) => memberOrder(shop, cart.id)));

    expect(results.filter((r) => r.ok)).toHaveLength(5);
    for (const r of results) if (!r.ok) expect(r.error).toBe("storeCreditChanged");
    expect(await creditState(shop.accountId!)).toEqual({ balanceCents: 0, ledgerSumCents: 0, lotsRemainingCents: 0 });
    expect(await db.storeCreditLedger.count({ where: { accountId: shop.accountId!, kind: "DEBIT" } })).toBe(5);
  });

  it("a checkout refused at its last hold leaves every coupon use, unit, gift card, point and credit as it was", async () => {
    const shop = await memberShop({ points: 500, creditCents: 1000 });
    const product = await createProduct(shop, { priceCents: 4000, stock: 5 });
    const coupon = await createCoupon(shop, { amountCents: 500, totalLimit: 1 });
    const giftCard = await createGiftCard(shop.store.merchantId, { balanceCents: 1000 });
    touched.giftCards.add(giftCard.id);
    const cart = await memberCart(shop, [{ productId: product.id, quantity: 1 }], { rewards: 1, creditCents: 1000, giftCardIds: [giftCard.id], couponIds: [coupon.id] });

    // Another transaction holds the credit account; the checkout takes every other hold, then
    // waits for it. Meanwhile the credit is spent elsewhere: the last hold refuses.
    let result: Awaited<ReturnType<typeof placeOrder>> | undefined;
    await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "StoreCreditAccount" WHERE id = ${shop.accountId} FOR UPDATE`;
        const checkout = memberOrder(shop, cart.id).then((r) => (result = r));
        await waitForLockWaiter();
        const spent = await debitAccount(tx, { merchantId: shop.store.merchantId, transactionId: randomUUID(), reason: "spent elsewhere" }, shop.accountId!, "ADJUST", 1000);
        expect(spent.ok).toBe(true);
        void checkout;
      },
      { timeout: 20_000 },
    );
    await expect.poll(() => result, { timeout: 20_000 }).toBeDefined();

    expect(result).toMatchObject({ ok: false, error: "storeCreditChanged" });
    expect(await db.order.count({ where: { storeId: shop.store.id } })).toBe(0);
    expect((await db.coupon.findUniqueOrThrow({ where: { id: coupon.id }, select: { redemptionCount: true } })).redemptionCount).toBe(0);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { stock: true } })).stock).toBe(5);
    expect(await giftCardState(giftCard.id)).toMatchObject({ balanceCents: 1000, ledgerSumCents: 1000 });
    expect(await pointsState(shop.cardId)).toEqual({ balance: 500, ledgerSum: 500 });
    expect(await db.cart.findUniqueOrThrow({ where: { id: cart.id }, select: { status: true } })).toEqual({ status: "ACTIVE" });
  });

  it("a failed payment gives back the points and each lot of credit, once", async () => {
    const soon = new Date(Date.now() + 7 * 86_400_000);
    const shop = await memberShop({ points: 500 });
    const { giveStoreCredit } = await import("@/tests/integration/store-credit-fixtures");
    const accountId = await giveStoreCredit(shop.store.merchantId, shop.customer.customerId, 1000, { expiresAt: soon });
    await giveStoreCredit(shop.store.merchantId, shop.customer.customerId, 1000);
    touched.accounts.add(accountId);
    const product = await createProduct(shop, { priceCents: 3000 });
    const cart = await memberCart(shop, [{ productId: product.id, quantity: 1 }], { rewards: 1, creditCents: 1500 });
    const result = await memberOrder(shop, cart.id);
    if (!result.ok) throw new Error(result.error);
    // The lot that expires first went first.
    expect(await db.storeCreditLot.findMany({ where: { accountId }, select: { expiresAt: true, remainingCents: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { expiresAt: soon, remainingCents: 0 },
      { expiresAt: null, remainingCents: 500 },
    ]);

    const merchantId = shop.store.merchantId as MerchantId;
    expect(await Promise.all([cancelOrderNow(merchantId, result.orderId), cancelOrderNow(merchantId, result.orderId)])).toEqual(expect.arrayContaining([true, false]));
    expect(await pointsState(shop.cardId)).toEqual({ balance: 500, ledgerSum: 500 });
    expect(await db.storeCreditLot.findMany({ where: { accountId }, select: { expiresAt: true, remainingCents: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { expiresAt: soon, remainingCents: 1000 },
      { expiresAt: null, remainingCents: 1000 },
    ]);
    expect(await db.storeCreditLedger.count({ where: { orderId: result.orderId, kind: "RELEASE" } })).toBe(1);
    expect(await db.loyaltyLedger.count({ where: { orderId: result.orderId, kind: "RELEASE" } })).toBe(1);
  });

  it.each<[string, (shop: TenderShop, cartId: string) => Promise<unknown>, string]>([
    ["a guest cart asking for points (a tampered cart)", async (_shop, cartId) => db.cart.update({ where: { id: cartId }, data: { customerId: null } }), "pointsChanged"],
    [
      "a reward priced in another currency",
      async (shop) => db.loyaltyReward.update({ where: { id: shop.rewardId }, data: { onlineCurrency: "CHF" } }),
      "pointsChanged",
    ],
    ["more points than the card holds", async (shop, cartId) => db.cart.update({ where: { id: cartId }, data: { pointsQuantity: 3 } }), "pointsChanged"],
    [
      "points of a reward switched off",
      async (shop) => db.loyaltyReward.update({ where: { id: shop.rewardId }, data: { active: false } }),
      "pointsChanged",
    ],
  ])("refuses %s and writes nothing", async (_name, tamper, error) => {
    const shop = await memberShop({ points: 1000, creditCents: 1000 });
    const product = await createProduct(shop, { priceCents: 3000 });
    const cart = await memberCart(shop, [{ productId: product.id, quantity: 1 }], { rewards: 1, creditCents: 1000 });
    await tamper(shop, cart.id);
    const guest = (await db.cart.findUniqueOrThrow({ where: { id: cart.id }, select: { customerId: true } })).customerId === null;

    const result = guest ? await placeOrder(orderInput(shop, cart.id)) : await memberOrder(shop, cart.id);

    expect(result).toMatchObject({ ok: false, error });
    expect(await db.order.count({ where: { storeId: shop.store.id } })).toBe(0);
    expect(await pointsState(shop.cardId)).toEqual({ balance: 1000, ledgerSum: 1000 });
    expect(await creditState(shop.accountId!)).toMatchObject({ balanceCents: 1000 });
  });
});

describe("refunds of a mixed-tender order", () => {
  async function mixedPaidOrder() {
    const shop = await memberShop({ points: 500, creditCents: 2000 });
    const product = await createProduct(shop, { priceCents: 2500, stock: 4 });
    const giftCard = await createGiftCard(shop.store.merchantId, { balanceCents: 1000 });
    touched.giftCards.add(giftCard.id);
    // 2 × 25.00: gift card 10.00, points 5.00, credit 20.00, card 15.00.
    const cart = await memberCart(shop, [{ productId: product.id, quantity: 2 }], { rewards: 1, creditCents: 2000, giftCardIds: [giftCard.id] });
    const result = await memberOrder(shop, cart.id);
    if (!result.ok) throw new Error(result.error);
    await paid(result.orderId);
    // 1 point per euro of the 50.00 total.
    expect(await pointsState(shop.cardId)).toEqual({ balance: 50, ledgerSum: 50 });
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: result.orderId }, select: { id: true } });
    return { shop, product, giftCard, orderId: result.orderId, lineId: line.id, merchantId: shop.store.merchantId as MerchantId, storeId: shop.store.id as StoreId };
  }

  it("a full refund gives each tender back exactly what it paid, takes back the points earned, and emails the buyer", async () => {
    const { shop, giftCard, orderId, merchantId, storeId } = await mixedPaidOrder();

    expect(await refundOrder(merchantId, storeId, orderId, shop.tenant.owner.id)).toMatchObject({ ok: true });

    expect(await giftCardState(giftCard.id)).toMatchObject({ balanceCents: 1000 });
    // The 500 points spent come back; the 50 earned go.
    expect(await pointsState(shop.cardId)).toEqual({ balance: 500, ledgerSum: 500 });
    expect(await creditState(shop.accountId!)).toMatchObject({ balanceCents: 2000 });
    const refund = await db.refund.findFirstOrThrow({ where: { orderId }, select: { status: true, amountCents: true, providerCents: true, parts: { select: { kind: true, amountCents: true, points: true } } } });
    expect(refund).toMatchObject({ status: "SETTLED", amountCents: 5000, providerCents: 1500 });
    expect(refund.parts.map((p) => [p.kind, p.amountCents, p.points])).toEqual([
      ["PAYMENT", 1500, null],
      ["STORE_CREDIT", 2000, null],
      ["LOYALTY_POINTS", 500, 500],
      ["GIFT_CARD", 1000, null],
    ]);
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, refundedCents: true } })).toEqual({ status: "REFUNDED", refundedCents: 5000 });
    const email = await db.emailMessage.findFirstOrThrow({ where: { idempotencyKey: { startsWith: "order-refund:" }, to: shop.customer.email }, select: { template: true, locale: true } });
    expect(email).toEqual({ template: "order-refund", locale: "en" });
  });

  it("half to store credit, then the rest by line with restock: every cent and point comes back exactly once", async () => {
    const { shop, product, giftCard, orderId, lineId, merchantId, storeId } = await mixedPaidOrder();
    const owner = shop.tenant.owner.id;
    const key = randomUUID();

    // Half, to store credit, submitted twice: the card's 15.00 and 10.00 of the credit tender go to the credit.
    const half = await Promise.all([
      refundOrder(merchantId, storeId, orderId, owner, { amountCents: 2500, toStoreCredit: true, idempotencyKey: key }),
      refundOrder(merchantId, storeId, orderId, owner, { amountCents: 2500, toStoreCredit: true, idempotencyKey: key }),
    ]);
    expect(half.every((r) => r.ok)).toBe(true);
    expect(await db.refund.count({ where: { orderId } })).toBe(1);
    expect(await creditState(shop.accountId!)).toMatchObject({ balanceCents: 2500 });
    expect(await pointsState(shop.cardId)).toEqual({ balance: 25, ledgerSum: 25 });
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, refundedCents: true } })).toEqual({ status: "PAID", refundedCents: 2500 });

    // The rest: one unit of the line (25.00), restocked.
    const rest = await refundOrder(merchantId, storeId, orderId, owner, { lines: [{ lineId, quantity: 1 }], restock: true });
    expect(rest).toMatchObject({ ok: true });
    expect(await creditState(shop.accountId!)).toMatchObject({ balanceCents: 3500 });
    expect(await pointsState(shop.cardId)).toEqual({ balance: 500, ledgerSum: 500 });
    expect(await giftCardState(giftCard.id)).toMatchObject({ balanceCents: 1000 });
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { stock: true } })).stock).toBe(3);
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, refundedCents: true } })).toEqual({ status: "REFUNDED", refundedCents: 5000 });

    // Nothing is left, and settling again gives nothing twice.
    expect(await refundOrder(merchantId, storeId, orderId, owner, { amountCents: 1 })).toEqual({ ok: false, error: "invalidState" });
    for (const refund of await db.refund.findMany({ where: { orderId }, select: { id: true } })) expect(await settleRefund(merchantId, refund.id)).toBe(false);
    expect(await creditState(shop.accountId!)).toMatchObject({ balanceCents: 3500 });
  });

  it("a replayed payment event earns once; another merchant refunds nothing", async () => {
    const { shop, orderId, storeId } = await mixedPaidOrder();
    const ref = `test-${orderId}`;
    expect(await applyPaymentEvent({ eventId: `${ref}:paid`, provider: "TEST", type: "test.payment.paid", paymentRef: ref, orderId, outcome: "paid" })).not.toBe("applied");
    expect(await pointsState(shop.cardId)).toEqual({ balance: 50, ledgerSum: 50 });

    const other = await createTenderShop();
    expect(await refundOrder(other.store.merchantId as MerchantId, other.store.id as StoreId, orderId, other.tenant.owner.id)).toEqual({ ok: false, error: "notFound" });
    expect(await refundOrder(other.store.merchantId as MerchantId, storeId, orderId, other.tenant.owner.id)).toEqual({ ok: false, error: "notFound" });
    expect(await db.refund.count({ where: { orderId } })).toBe(0);
  });
});

/** Waits until some session waits for a row lock (the checkout reached the held account). */
async function waitForLockWaiter(): Promise<void> {
  await expect
    .poll(async () => (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`)[0]!.n, { timeout: 15_000, interval: 20 })
    .toBeGreaterThan(0);
}
