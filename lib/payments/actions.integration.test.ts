import { afterEach, describe, expect, it, vi } from "vitest";
import { IDLE } from "@/lib/actions/form-state";
import { placeOrder } from "@/lib/checkout/mutations";
import { db } from "@/lib/db";
import { orderToken } from "@/lib/orders/tokens";
import { form, outcome } from "@/tests/integration/actors";
import { createCart, createProduct, createShop, orderInput } from "@/tests/integration/checkout-fixtures";
import { storefrontRequest } from "@/tests/integration/storefront-request";

vi.mock("next/navigation", async () => (await import("@/tests/integration/storefront-request")).navigationMockWithRethrow());
vi.mock("next/headers", async () => (await import("@/tests/integration/storefront-request")).storefrontHeaders);
vi.mock("@/lib/auth/loaders", () => ({ loadCustomerSession: async () => null }));
vi.mock("next-intl/server", () => import("@/tests/integration/next-intl-server-stub"));

const { completeTestPaymentAction } = await import("./actions");
const { invalidatedTags } = await import("@/tests/integration/next-cache-stub");

afterEach(() => {
  storefrontRequest.storeId = "";
  invalidatedTags.length = 0;
});

/** A shop with an order waiting for its test payment. */
async function pendingOrder() {
  const shop = await createShop();
  const product = await createProduct(shop, { priceCents: 2500, stock: 5 });
  const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }]);
  const placed = await placeOrder(orderInput(shop, cart.id));
  if (!placed.ok) throw new Error(placed.error);
  return { shop, orderId: placed.orderId };
}

const statusOf = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;

describe("the test payment buttons", () => {
  it("pay the order of this storefront for the holder of its pay token, then show the order", async () => {
    const { shop, orderId } = await pendingOrder();
    storefrontRequest.storeId = shop.store.id;
    const result = await outcome(completeTestPaymentAction(IDLE, form({ orderId, token: orderToken(orderId, "pay"), outcome: "paid" })));
    expect(result).toEqual({ redirect: expect.stringMatching(new RegExp(`/orders/${orderId}`)) });
    expect(await statusOf(orderId)).toBe("PAID");
    expect(invalidatedTags).toEqual([`account:${shop.store.merchantId}`]);
  });

  it("apply nothing to another store's order, nor without the order's token: back to the home page", async () => {
    const { orderId } = await pendingOrder();
    const other = await createShop();
    storefrontRequest.storeId = other.store.id;
    expect(await outcome(completeTestPaymentAction(IDLE, form({ orderId, token: orderToken(orderId, "pay"), outcome: "paid" })))).toEqual({ redirect: "/" });

    const own = await pendingOrder();
    storefrontRequest.storeId = own.shop.store.id;
    expect(await outcome(completeTestPaymentAction(IDLE, form({ orderId: own.orderId, token: "forged", outcome: "paid" })))).toEqual({ redirect: "/" });
    expect([await statusOf(orderId), await statusOf(own.orderId)]).toEqual(["PENDING_PAYMENT", "PENDING_PAYMENT"]);
    expect(invalidatedTags).toEqual([]);
  });

  it("refuse a tampered outcome without applying anything", async () => {
    const { shop, orderId } = await pendingOrder();
    storefrontRequest.storeId = shop.store.id;
    const state = await completeTestPaymentAction(IDLE, form({ orderId, token: orderToken(orderId, "pay"), outcome: "refunded" }));
    expect(state).toMatchObject({ status: "error", error: { key: "Errors.BAD_INPUT" } });
    expect(await statusOf(orderId)).toBe("PENDING_PAYMENT");
  });
});
