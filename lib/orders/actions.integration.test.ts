import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { placeOrder } from "@/lib/checkout/mutations";
import { db } from "@/lib/db";
import { applyPaymentEvent } from "@/lib/payments/mutations";
import { testPaymentRef } from "@/lib/payments/test-provider";
import { IDLE } from "@/lib/actions/form-state";
import { actAs, form as formOf, memberOf, outcome } from "@/tests/integration/actors";
import { createCart, createProduct, createShop, orderInput } from "@/tests/integration/checkout-fixtures";
import { invalidatedTags } from "@/tests/integration/next-cache-stub";
import { refundOrderAction } from "@/lib/payments/actions";
import { fulfillOrderAction } from "./actions";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return { headers: async () => testHeaders() };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
// Actions translate their refusals: keys stand in for the texts.
vi.mock("next-intl/server", () => ({ getLocale: async () => "en", getTranslations: async () => (key: string) => key }));

afterAll(async () => {
  await closeRateLimitPool();
});

beforeEach(() => actAs(null));

async function paidOrder() {
  const shop = await createShop();
  const product = await createProduct(shop, { priceCents: 2500, stock: 5 });
  const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }]);
  const result = await placeOrder(orderInput(shop, cart.id, { shipping: { name: "A", line1: "1 rue", line2: null, postalCode: "1000", city: "Lux", country: "LU" } }));
  if (!result.ok) throw new Error(result.error);
  const ref = testPaymentRef(result.orderId);
  await applyPaymentEvent({ eventId: `${ref}:paid`, provider: "TEST", type: "test.payment.paid", paymentRef: ref, orderId: result.orderId, outcome: "paid" });
  return { shop, orderId: result.orderId };
}

const refused = (code: string) => ({ status: "error", error: { key: `Orders.merchant.errors.${code}` } });
const statusOf = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("merchant order actions", () => {
  it("another merchant's owner gets notFound, through the victim's ids or their own, and nothing changes", async () => {
    const { shop, orderId } = await paidOrder();
    const attacker = await createShop();
    await actAs((await memberOf(attacker.tenant, "OWNER")).email);

    const order = formOf({ orderId });
    expect(await outcome(fulfillOrderAction(shop.store.merchantId, shop.store.id, IDLE, order))).toBe("notFound");
    expect(await outcome(refundOrderAction(shop.store.merchantId, shop.store.id, IDLE, order))).toBe("notFound");
    expect(await outcome(fulfillOrderAction(attacker.store.merchantId, attacker.store.id, IDLE, order))).toMatchObject(refused("notFound"));
    expect(await outcome(refundOrderAction(attacker.store.merchantId, attacker.store.id, IDLE, order))).toMatchObject(refused("notFound"));
    expect(await statusOf(orderId)).toBe("PAID");
  });

  it("staff fulfil but cannot refund; a manager refunds; anonymous visitors are sent to sign in", async () => {
    const { shop, orderId } = await paidOrder();
    const ids = [shop.store.merchantId, shop.store.id] as const;
    const order = formOf({ orderId });

    expect(await outcome(fulfillOrderAction(...ids, IDLE, order))).toMatchObject({ redirect: expect.stringContaining("/sign-in") });

    await actAs((await memberOf(shop.tenant, "STAFF")).email);
    expect(await outcome(refundOrderAction(...ids, IDLE, order))).toBe("forbidden");
    invalidatedTags.length = 0;
    expect(await outcome(fulfillOrderAction(...ids, IDLE, order))).toEqual({ status: "ok", data: undefined });
    expect(await statusOf(orderId)).toBe("FULFILLED");
    // The order pages of the store and the merchant's account area show the new status.
    expect(invalidatedTags).toEqual([`account:${shop.store.merchantId}`]);

    await actAs((await memberOf(shop.tenant, "MANAGER")).email);
    expect(await outcome(refundOrderAction(...ids, IDLE, order))).toEqual({ status: "ok", data: undefined });
    expect(await outcome(refundOrderAction(...ids, IDLE, order))).toMatchObject(refused("invalidState"));
    expect(await statusOf(orderId)).toBe("REFUNDED");
  });

  it("malformed ids are notFound, never an error", async () => {
    const { shop } = await paidOrder();
    await actAs((await memberOf(shop.tenant, "OWNER")).email);
    const notFound = { status: "error", fieldErrors: { orderId: { key: "Orders.merchant.errors.notFound" } } };
    expect(await outcome(fulfillOrderAction(shop.store.merchantId, shop.store.id, IDLE, formOf({})))).toMatchObject(notFound);
    expect(await outcome(fulfillOrderAction(shop.store.merchantId, shop.store.id, IDLE, formOf({ orderId: "x".repeat(500) })))).toMatchObject(notFound);
    // A malformed store id is the gate's: another merchant's or nobody's store.
    expect(await outcome(fulfillOrderAction(shop.store.merchantId, "x".repeat(500), IDLE, formOf({ orderId: "x" })))).toBe("notFound");
  });
});
