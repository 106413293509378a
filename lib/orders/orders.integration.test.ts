import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCart, createProduct, createShop, orderInput } from "@/tests/integration/checkout-fixtures";
import { placeOrder } from "@/lib/checkout/mutations";
import { applyPaymentEvent } from "@/lib/payments/mutations";
import { testPaymentRef } from "@/lib/payments/test-provider";
import { putFile } from "@/lib/storage";
import { resolveTenant } from "@/lib/tenancy/resolve";
import { resolveDownload } from "./downloads";
import { refundOrder } from "@/lib/payments/refunds";
import { fulfillOrder } from "./mutations";
import { orderToken, verifyOrderToken } from "./tokens";

async function paidTestOrder(options: { stock?: number } = {}) {
  const shop = await createShop();
  const product = await createProduct(shop, { priceCents: 2000, stock: options.stock ?? 10, kind: "DIGITAL" });
  const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }]);
  const result = await placeOrder(orderInput(shop, cart.id));
  if (!result.ok) throw new Error(result.error);
  const ref = testPaymentRef(result.orderId);
  expect(await applyPaymentEvent({ eventId: `${ref}:paid`, provider: "TEST", type: "test.payment.paid", paymentRef: ref, orderId: result.orderId, outcome: "paid" })).toBe("applied");
  return { shop, product, orderId: result.orderId };
}

describe("orders", () => {
  it("signs order tokens per purpose and order", () => {
    const token = orderToken("order-a", "view");
    expect(verifyOrderToken("order-a", "view", token)).toBe(true);
    expect(verifyOrderToken("order-a", "pay", token)).toBe(false);
    expect(verifyOrderToken("order-b", "view", token)).toBe(false);
    expect(verifyOrderToken("order-a", "view", `${token}x`)).toBe(false);
    expect(verifyOrderToken("order-a", "view", undefined)).toBe(false);
  });

  it("the test provider's events apply once, like webhooks", async () => {
    const { orderId } = await paidTestOrder();
    const ref = testPaymentRef(orderId);
    expect(await applyPaymentEvent({ eventId: `${ref}:paid`, provider: "TEST", type: "test.payment.paid", paymentRef: ref, orderId, outcome: "paid" })).toBe("duplicate");
    // Failing after paying changes nothing.
    expect(await applyPaymentEvent({ eventId: `${ref}:failed`, provider: "TEST", type: "test.payment.failed", paymentRef: ref, orderId, outcome: "failed" })).toBe("unchanged");
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PAID");
  });

  it("fulfils paid orders and refunds without releasing what was consumed", async () => {
    const { shop, product, orderId } = await paidTestOrder({ stock: 3 });
    const other = await createShop();
    const actor = shop.tenant.owner.id;

    expect(await fulfillOrder(other.store.merchantId, other.store.id, orderId, actor)).toEqual({ ok: false, error: "notFound" });
    expect(await refundOrder(other.store.merchantId, other.store.id, orderId, actor)).toEqual({ ok: false, error: "notFound" });

    expect(await fulfillOrder(shop.store.merchantId, shop.store.id, orderId, actor)).toEqual({ ok: true });
    expect(await fulfillOrder(shop.store.merchantId, shop.store.id, orderId, actor)).toEqual({ ok: false, error: "invalidState" });
    const refunds = await Promise.all([
      refundOrder(shop.store.merchantId, shop.store.id, orderId, actor),
      refundOrder(shop.store.merchantId, shop.store.id, orderId, actor),
    ]);
    expect(refunds.filter((r) => r.ok)).toHaveLength(1);

    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, refundedAt: true, fulfilledAt: true } });
    expect(order.status).toBe("REFUNDED");
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(2);
    expect(await db.auditEvent.count({ where: { targetId: orderId, action: { in: ["order.fulfill", "order.refund"] } } })).toBe(2);
  });

  it("serves a digital file only on the store's host, for a paid order", async () => {
    const shop = await createShop();
    const key = `digital/${shop.tenant.tag}.pdf`;
        await putFile(key, new TextEncoder().encode("%PDF-1.4 test"));
    const product = await createProduct(shop, { priceCents: 900, kind: "DIGITAL", title: "Pattern book" });
    await db.product.update({ where: { id: product.id }, data: { digitalFileKey: key } });
    const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }]);
    const result = await placeOrder(orderInput(shop, cart.id));
    if (!result.ok) throw new Error(result.error);
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: result.orderId }, select: { downloadToken: true } });
    const token = line.downloadToken!;
    const host = `${shop.tenant.store.slug}.localhost:3000`;

    expect(await resolveDownload(await resolveTenant(host), token)).toBeNull(); // not paid yet
    const ref = testPaymentRef(result.orderId);
    await applyPaymentEvent({ eventId: `${ref}:paid`, provider: "TEST", type: "t", paymentRef: ref, orderId: result.orderId, outcome: "paid" });

    const file = await resolveDownload(await resolveTenant(host), token);
    expect(file?.bytes.toString()).toBe("%PDF-1.4 test");
    expect(file?.fileName).toBe("Pattern book.pdf");
    expect(await resolveDownload(await resolveTenant("localhost:3000"), token)).toBeNull();
    const other = await createShop();
    expect(await resolveDownload(await resolveTenant(`${other.tenant.store.slug}.localhost:3000`), token)).toBeNull();
    expect(await resolveDownload(await resolveTenant(host), `${token.slice(0, -1)}x`)).toBeNull();
  });
});
