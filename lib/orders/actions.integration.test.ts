import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { placeOrder } from "@/lib/checkout/mutations";
import { db } from "@/lib/db";
import { applyPaymentEvent } from "@/lib/payments/mutations";
import { testPaymentRef } from "@/lib/payments/test-provider";
import { actAs, form as formOf, memberOf, outcome } from "@/tests/integration/actors";
import { createCart, createProduct, createShop, orderInput } from "@/tests/integration/checkout-fixtures";
import { fulfillOrderAction, refundOrderAction } from "./actions";

vi.mock("@/lib/auth/index", () => import("@/lib/auth/testing"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/lib/auth/testing");
  return { headers: async () => testHeaders() };
});
vi.mock("next/navigation", async () => (await import("@/lib/auth/test-mocks")).navigationMock);
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));

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

const NO_STATE = { result: null };
const statusOf = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("merchant order actions", () => {
  it("another merchant's owner gets notFound, through the victim's ids or their own, and nothing changes", async () => {
    const { shop, orderId } = await paidOrder();
    const attacker = await createShop();
    await actAs((await memberOf(attacker.tenant, "OWNER")).email);

    const victimIds = { merchantId: shop.store.merchantId, storeId: shop.store.id, orderId };
    expect(await outcome(fulfillOrderAction(NO_STATE, formOf(victimIds)))).toBe("notFound");
    expect(await outcome(refundOrderAction(NO_STATE, formOf(victimIds)))).toBe("notFound");
    const ownIds = { merchantId: attacker.store.merchantId, storeId: attacker.store.id, orderId };
    expect(await outcome(fulfillOrderAction(NO_STATE, formOf(ownIds)))).toEqual({ result: { ok: false, error: "notFound" } });
    expect(await outcome(refundOrderAction(NO_STATE, formOf(ownIds)))).toEqual({ result: { ok: false, error: "notFound" } });
    expect(await statusOf(orderId)).toBe("PAID");
  });

  it("staff fulfil but cannot refund; a manager refunds; anonymous visitors are sent to sign in", async () => {
    const { shop, orderId } = await paidOrder();
    const ids = formOf({ merchantId: shop.store.merchantId, storeId: shop.store.id, orderId });

    expect(await outcome(fulfillOrderAction(NO_STATE, ids))).toMatchObject({ redirect: expect.stringContaining("/sign-in") });

    await actAs((await memberOf(shop.tenant, "STAFF")).email);
    expect(await outcome(refundOrderAction(NO_STATE, ids))).toBe("forbidden");
    expect(await outcome(fulfillOrderAction(NO_STATE, ids))).toEqual({ result: { ok: true } });
    expect(await statusOf(orderId)).toBe("FULFILLED");

    await actAs((await memberOf(shop.tenant, "MANAGER")).email);
    expect(await outcome(refundOrderAction(NO_STATE, ids))).toEqual({ result: { ok: true } });
    expect(await outcome(refundOrderAction(NO_STATE, ids))).toEqual({ result: { ok: false, error: "invalidState" } });
    expect(await statusOf(orderId)).toBe("REFUNDED");
  });

  it("malformed ids are notFound, never an error", async () => {
    const { shop } = await paidOrder();
    await actAs((await memberOf(shop.tenant, "OWNER")).email);
    expect(await outcome(fulfillOrderAction(NO_STATE, formOf({ merchantId: shop.store.merchantId })))).toEqual({ result: { ok: false, error: "notFound" } });
    expect(await outcome(fulfillOrderAction(NO_STATE, formOf({ merchantId: shop.store.merchantId, storeId: shop.store.id, orderId: "x".repeat(500) })))).toEqual({
      result: { ok: false, error: "notFound" },
    });
  });
});
