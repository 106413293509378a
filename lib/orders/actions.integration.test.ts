import { randomUUID } from "node:crypto";
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
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { fulfillOrderAction } from "./actions";
import { findRefundNotes, findStoreOrder } from "./data";

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

/** A refund form as the page renders it: a fresh key, everything left, to the card, unless told. */
const refundForm = (orderId: string, fields: Record<string, string> = {}) =>
  formOf({ orderId, idempotencyKey: randomUUID(), mode: "all", destination: "card", reason: "", ...fields });

const refused = (code: string) => ({ status: "error", error: { key: `Orders.merchant.errors.${code}` } });
const statusOf = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("merchant order actions", () => {
  it("another merchant's owner gets notFound, through the victim's ids or their own, and nothing changes", async () => {
    const { shop, orderId } = await paidOrder();
    const attacker = await createShop();
    await actAs((await memberOf(attacker.tenant, "OWNER")).email);

    const order = formOf({ orderId });
    const refund = refundForm(orderId);
    expect(await outcome(fulfillOrderAction(shop.store.merchantId, shop.store.id, IDLE, order))).toBe("notFound");
    expect(await outcome(refundOrderAction(shop.store.merchantId, shop.store.id, IDLE, refund))).toBe("notFound");
    expect(await outcome(fulfillOrderAction(attacker.store.merchantId, attacker.store.id, IDLE, order))).toMatchObject(refused("notFound"));
    expect(await outcome(refundOrderAction(attacker.store.merchantId, attacker.store.id, IDLE, refund))).toMatchObject(refused("notFound"));
    expect(await statusOf(orderId)).toBe("PAID");
    expect(await db.refund.count({ where: { orderId } })).toBe(0);
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { refundedCents: true } })).toEqual({ refundedCents: 0 });
  });

  it("staff fulfil but cannot refund; a manager refunds; anonymous visitors are sent to sign in", async () => {
    const { shop, orderId } = await paidOrder();
    const ids = [shop.store.merchantId, shop.store.id] as const;
    const order = formOf({ orderId });

    expect(await outcome(fulfillOrderAction(...ids, IDLE, order))).toMatchObject({ redirect: expect.stringContaining("/sign-in") });

    await actAs((await memberOf(shop.tenant, "STAFF")).email);
    expect(await outcome(refundOrderAction(...ids, IDLE, refundForm(orderId)))).toBe("forbidden");
    invalidatedTags.length = 0;
    expect(await outcome(fulfillOrderAction(...ids, IDLE, order))).toEqual({ status: "ok", data: undefined });
    expect(await statusOf(orderId)).toBe("FULFILLED");
    // The order pages of the store and the merchant's account area show the new status.
    expect(invalidatedTags).toEqual([`account:${shop.store.merchantId}`]);

    await actAs((await memberOf(shop.tenant, "MANAGER")).email);
    expect(await outcome(refundOrderAction(...ids, IDLE, refundForm(orderId)))).toEqual({ status: "ok", data: undefined });
    expect(await outcome(refundOrderAction(...ids, IDLE, refundForm(orderId)))).toMatchObject(refused("invalidState"));
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

/** A paid order of 3 × A (25.00, 5 in stock) and 1 × B (10.00), a guest's (a customer by email). */
async function twoLineOrder() {
  const shop = await createShop();
  const a = await createProduct(shop, { priceCents: 2500, stock: 5, kind: "PHYSICAL", title: "Mug" });
  const b = await createProduct(shop, { priceCents: 1000, kind: "DIGITAL", title: "Ebook" });
  const cart = await createCart(shop, [
    { productId: a.id, quantity: 3 },
    { productId: b.id, quantity: 1 },
  ]);
  const result = await placeOrder(orderInput(shop, cart.id, { shipping: { name: "A", line1: "1 rue", line2: null, postalCode: "1000", city: "Lux", country: "LU" } }));
  if (!result.ok) throw new Error(result.error);
  const ref = testPaymentRef(result.orderId);
  await applyPaymentEvent({ eventId: `${ref}:paid`, provider: "TEST", type: "test.payment.paid", paymentRef: ref, orderId: result.orderId, outcome: "paid" });
  const lines = await db.orderLine.findMany({ where: { orderId: result.orderId }, select: { id: true, productId: true } });
  const lineOf = (productId: string) => lines.find((l) => l.productId === productId)!.id;
  const ids = [shop.store.merchantId as MerchantId, shop.store.id as StoreId] as const;
  await actAs((await memberOf(shop.tenant, "MANAGER")).email);
  return { shop, ids, orderId: result.orderId, productA: a.id, lineA: lineOf(a.id), lineB: lineOf(b.id) };
}

const orderState = (id: string) =>
  db.order.findUniqueOrThrow({ where: { id }, select: { status: true, refundedCents: true, refundCount: true, lines: { select: { id: true, refundedQuantity: true } } } });

describe("the refund form", () => {
  it("refunds some units of a line with restock: the order counts them, the stock comes back, the page reads the refund", async () => {
    const { ids, orderId, productA, lineA, lineB } = await twoLineOrder();
    expect((await db.product.findUniqueOrThrow({ where: { id: productA }, select: { stock: true } })).stock).toBe(2);

    const state = await refundOrderAction(...ids, IDLE, refundForm(orderId, { mode: "lines", [`qty.${lineA}`]: "2", [`qty.${lineB}`]: "0", restock: "on", reason: "Broken in transit" }));
    expect(state).toEqual({ status: "ok", data: undefined });

    const order = await orderState(orderId);
    expect(order).toMatchObject({ status: "PAID", refundedCents: 5000, refundCount: 1 });
    expect(order.lines.find((l) => l.id === lineA)!.refundedQuantity).toBe(2);
    expect(order.lines.find((l) => l.id === lineB)!.refundedQuantity).toBe(0);
    expect((await db.product.findUniqueOrThrow({ where: { id: productA }, select: { stock: true } })).stock).toBe(4);

    const detail = (await findStoreOrder(...ids, orderId))!;
    expect(detail.refundedCents).toBe(5000);
    expect(detail.refundableCents).toBe(8500 - 5000);
    expect(detail.lines.find((l) => l.id === lineA)!.refundedQuantity).toBe(2);
    expect(detail.refunds).toEqual([
      expect.objectContaining({
        number: 1,
        amountCents: 5000,
        status: "SETTLED",
        toStoreCredit: false,
        restock: true,
        lines: [{ orderLineId: lineA, quantity: 2, amountCents: 5000 }],
        parts: [{ kind: "PAYMENT", amountCents: 5000, points: null, tender: null }],
      }),
    ]);
    const notes = await findRefundNotes(...ids, orderId);
    expect([...notes.values()]).toEqual([{ reason: "Broken in transit", actorEmail: expect.stringContaining("@") }]);

    // Units already refunded are no longer there to refund.
    expect(await refundOrderAction(...ids, IDLE, refundForm(orderId, { mode: "lines", [`qty.${lineA}`]: "2" }))).toMatchObject(refused("tooManyUnits"));
    // The rest, everything left: the order is refunded in full.
    expect(await refundOrderAction(...ids, IDLE, refundForm(orderId, { mode: "all" }))).toEqual({ status: "ok", data: undefined });
    expect(await orderState(orderId)).toMatchObject({ status: "REFUNDED", refundedCents: 8500, refundCount: 2 });
  });

  it("refunds an amount to store credit: the customer's store credit grows by the card's share", async () => {
    const { ids, orderId } = await twoLineOrder();
    const { customerId, currency } = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { customerId: true, currency: true } });
    expect(customerId).not.toBeNull();

    expect(await refundOrderAction(...ids, IDLE, refundForm(orderId, { mode: "amount", amount: "12,34", destination: "credit" }))).toEqual({ status: "ok", data: undefined });

    const account = await db.storeCreditAccount.findFirstOrThrow({ where: { merchantId: ids[0], customerId: customerId!, currency }, select: { balanceCents: true } });
    expect(account.balanceCents).toBe(1234);
    expect(await orderState(orderId)).toMatchObject({ status: "PAID", refundedCents: 1234 });
    const [refund] = (await findStoreOrder(...ids, orderId))!.refunds;
    expect(refund).toMatchObject({ amountCents: 1234, toStoreCredit: true, restock: false, lines: [], parts: [{ kind: "STORE_CREDIT", amountCents: 1234, tender: null }] });
  });

  it("refuses tampered or impossible input with a translated field or form error, and refunds nothing", async () => {
    const { shop, ids, orderId, lineA } = await twoLineOrder();
    const other = await twoLineOrder();
    await actAs((await memberOf(shop.tenant, "MANAGER")).email);
    const field = (name: string, code: string) => ({ status: "error", fieldErrors: { [name]: { key: `Orders.merchant.errors.${code}` } } });
    const refund = (fields: Record<string, string>) => refundOrderAction(...ids, IDLE, refundForm(orderId, fields));

    expect(await refund({ mode: "amount", amount: "1.234" })).toMatchObject(field("amount", "amountTooManyDecimals"));
    expect(await refund({ mode: "amount", amount: "0" })).toMatchObject(field("amount", "amountNotPositive"));
    expect(await refund({ mode: "amount", amount: "0.00" })).toMatchObject(field("amount", "amountNotPositive"));
    expect(await refund({ mode: "amount", amount: "-5" })).toMatchObject(field("amount", "amountFormat"));
    expect(await refund({ mode: "amount", amount: "" })).toMatchObject(field("amount", "amountRequired"));
    expect(await refund({ mode: "amount", amount: "99999999999" })).toMatchObject(field("amount", "moreThanRefundable"));
    expect(await refund({ mode: "amount", amount: "85.01" })).toMatchObject(refused("moreThanRefundable"));
    expect(await refund({ mode: "lines", [`qty.${lineA}`]: "-1" })).toMatchObject(field(`qty.${lineA}`, "quantityFormat"));
    expect(await refund({ mode: "lines", [`qty.${lineA}`]: "1.5" })).toMatchObject(field(`qty.${lineA}`, "quantityFormat"));
    expect(await refund({ mode: "lines", [`qty.${lineA}`]: "0" })).toMatchObject(field("lines", "noItemsChosen"));
    expect(await refund({ mode: "lines", [`qty.${lineA}`]: "4" })).toMatchObject(refused("tooManyUnits"));
    expect(await refund({ mode: "lines", [`qty.${other.lineA}`]: "1" })).toMatchObject(refused("unknownLine"));
    expect(await refund({ mode: "lines", "qty.bad id!": "1" })).toMatchObject(field("lines", "unknownLine"));
    expect(await refund({ mode: "everything" })).toMatchObject(field("mode", "invalidChoice"));
    expect(await refund({ destination: "iban" })).toMatchObject(field("destination", "invalidChoice"));
    expect(await refund({ idempotencyKey: "short" })).toMatchObject(field("idempotencyKey", "invalidForm"));
    expect(await refund({ reason: "x".repeat(501) })).toMatchObject(field("reason", "reasonTooLong"));
    // Another merchant's order through this store: not found.
    expect(await refundOrderAction(...ids, IDLE, refundForm(other.orderId))).toMatchObject(refused("notFound"));

    for (const id of [orderId, other.orderId]) {
      expect(await orderState(id)).toMatchObject({ status: "PAID", refundedCents: 0, refundCount: 0 });
      expect(await db.refund.count({ where: { orderId: id } })).toBe(0);
    }
  });

  it("a form sent twice (one after the other, or at once) refunds once", async () => {
    const { ids, orderId, lineB } = await twoLineOrder();
    const fields = { orderId, idempotencyKey: randomUUID(), mode: "lines", [`qty.${lineB}`]: "1", destination: "card", reason: "" };
    const ok = { status: "ok", data: undefined };
    expect(await refundOrderAction(...ids, IDLE, formOf(fields))).toEqual(ok);
    expect(await refundOrderAction(...ids, IDLE, formOf(fields))).toEqual(ok);
    expect(await orderState(orderId)).toMatchObject({ refundedCents: 1000, refundCount: 1 });

    const at = { ...fields, idempotencyKey: randomUUID(), mode: "amount", amount: "5" };
    expect(await Promise.all([refundOrderAction(...ids, IDLE, formOf(at)), refundOrderAction(...ids, IDLE, formOf(at))])).toEqual([ok, ok]);
    expect(await orderState(orderId)).toMatchObject({ refundedCents: 1500, refundCount: 2 });
    expect(await db.refund.count({ where: { orderId } })).toBe(2);
  });

  it("a key used on one order refunds the other order too (keys are the form's, per order)", async () => {
    const first = await twoLineOrder();
    const second = await twoLineOrder();
    const idempotencyKey = randomUUID();
    await actAs((await memberOf(first.shop.tenant, "MANAGER")).email);
    expect(await refundOrderAction(...first.ids, IDLE, refundForm(first.orderId, { idempotencyKey, mode: "amount", amount: "1" }))).toEqual({ status: "ok", data: undefined });
    await actAs((await memberOf(second.shop.tenant, "MANAGER")).email);
    expect(await refundOrderAction(...second.ids, IDLE, refundForm(second.orderId, { idempotencyKey, mode: "amount", amount: "2" }))).toEqual({ status: "ok", data: undefined });
    expect(await orderState(first.orderId)).toMatchObject({ refundedCents: 100 });
    expect(await orderState(second.orderId)).toMatchObject({ refundedCents: 200 });
  });

  it("another merchant reads no refund notes of the order", async () => {
    const { ids, orderId } = await twoLineOrder();
    expect(await refundOrderAction(...ids, IDLE, refundForm(orderId, { mode: "amount", amount: "1", reason: "secret" }))).toMatchObject({ status: "ok" });
    const attacker = await createShop();
    expect((await findRefundNotes(attacker.store.merchantId, attacker.store.id, orderId)).size).toBe(0);
    expect((await findRefundNotes(ids[0], attacker.store.id, orderId)).size).toBe(0);
    expect(await findStoreOrder(attacker.store.merchantId, attacker.store.id, orderId)).toBeNull();
    expect((await findRefundNotes(...ids, orderId)).size).toBe(1);
  });
});
