import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { owedByEmail } from "@/lib/payment-requests/data";
import { isConvertibleOrder } from "@/lib/payment-requests/from-orders";
import { cancelPaymentRequest } from "@/lib/payment-requests/mutations";
import { remindPayer } from "@/lib/payment-requests/reminders";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { storeAddress } from "@/lib/tenancy/urls";
import { billPayer, createBillingTenant, line, requestState, type BillingTenant } from "@/tests/integration/payment-request-fixtures";
import { applyPaymentEvent } from "./mutations";
import { payRequest, type PayRequestInput } from "./request-payment";
import { testPaymentRef } from "./test-provider";

const URLS = { rootDomain: "localhost:3000", protocol: "http" } as const;

/** What the test provider's page applies: the event Stripe's webhook would deliver. */
function testEvent(orderId: string, outcome: "paid" | "failed", eventId = `${testPaymentRef(orderId)}:${outcome}`) {
  return { eventId, provider: "TEST" as const, type: `test.payment.${outcome}`, paymentRef: testPaymentRef(orderId), orderId, outcome };
}

/** The pay button on the request's page of the tenant's store. */
function pay(tenant: BillingTenant, requestId: string, overrides: Partial<PayRequestInput> = {}) {
  return payRequest({
    store: {
      id: tenant.store.id as StoreId,
      merchantId: tenant.merchant.id as MerchantId,
      name: `Store ${tenant.tag}`,
      target: storeAddress({ slug: tenant.store.slug, defaultLocale: "en" }, URLS),
    },
    urls: URLS,
    requestId,
    email: null,
    locale: "en",
    ...overrides,
  });
}

function ordersOf(requestId: string) {
  return db.order.findMany({
    where: { paymentRequestId: requestId },
    orderBy: { createdAt: "asc" },
    select: { id: true, status: true, number: true, email: true, totalCents: true, paymentRef: true, paymentUrl: true, idempotencyKey: true },
  });
}

/** Everything a replayed event must leave as it was. */
async function snapshot(tenant: BillingTenant, requestId: string) {
  const [request, orders, emails] = await Promise.all([
    requestState(requestId),
    ordersOf(requestId),
    db.emailMessage.count({ where: { merchantId: tenant.merchant.id } }),
  ]);
  const paymentEvents = await db.paymentEvent.count({ where: { orderId: { in: orders.map((o) => o.id) } } });
  return { request, orders, emails, paymentEvents };
}

describe("paying a payment request", () => {
  it("writes a pending order of the request's lines, and the provider's paid event pays the request once", async () => {
    const tenant = await createBillingTenant();
    const email = `lea-${tenant.tag}@example.test`;
    const requestId = await billPayer(tenant, { payerEmail: email, lines: [line("Alterations", "35"), line("Buttons", "2.50", 3)] });

    const started = await pay(tenant, requestId);
    expect(started.ok).toBe(true);
    const [order] = await ordersOf(requestId);
    expect(order).toMatchObject({
      status: "PENDING_PAYMENT",
      email,
      totalCents: 4250,
      paymentRef: testPaymentRef(order!.id),
      idempotencyKey: `payment-request:${requestId}:1`,
    });
    expect(order!.number).not.toMatch(/^pending-/);
    if (started.ok) {
      expect(started.paymentUrl).toBe(order!.paymentUrl);
      expect(new URL(started.paymentUrl).pathname).toBe(`/pay/test/${order!.id}`);
    }
    const lines = await db.orderLine.findMany({ where: { orderId: order!.id }, select: { title: true, unitPriceCents: true, quantity: true, totalCents: true }, orderBy: { title: "asc" } });
    expect(lines).toEqual([
      { title: "Alterations", unitPriceCents: 3500, quantity: 1, totalCents: 3500 },
      { title: "Buttons", unitPriceCents: 250, quantity: 3, totalCents: 750 },
    ]);
    expect((await requestState(requestId)).status).toBe("OPEN");

    expect(await applyPaymentEvent(testEvent(order!.id, "paid"))).toBe("applied");
    const paid = await snapshot(tenant, requestId);
    expect(paid.request).toMatchObject({ status: "PAID", cancelledAt: null });
    expect(paid.request.paidAt).toBeInstanceOf(Date);
    expect(paid.request.events).toEqual([
      { kind: "CREATED", orderId: null, emailId: null },
      { kind: "PAID", orderId: order!.id, emailId: null },
    ]);
    expect(paid.orders.map((o) => o.status)).toEqual(["PAID"]);
    // The order's confirmation went out.
    expect(await db.emailMessage.count({ where: { merchantId: tenant.merchant.id, to: email, template: "order-confirmation" } })).toBe(1);

    // The provider delivers the same event again, twice at once: nothing changes.
    expect(await Promise.all([applyPaymentEvent(testEvent(order!.id, "paid")), applyPaymentEvent(testEvent(order!.id, "paid"))])).toEqual(["duplicate", "duplicate"]);
    expect(await snapshot(tenant, requestId)).toEqual(paid);

    // The reused link: the request is paid, nothing is written; and nothing is owed any more.
    expect(await pay(tenant, requestId)).toEqual({ ok: false, reason: "paid" });
    expect(await snapshot(tenant, requestId)).toEqual(paid);
    expect(await owedByEmail(tenant.merchant.id as MerchantId, email)).toEqual([]);
    // The request's order that went unpaid would never be billed again as an order.
    expect(await isConvertibleOrder(tenant.merchant.id as MerchantId, tenant.store.id as StoreId, order!.id)).toBe(false);
  });

  it("leaves the item paid through the provider out of the payer's next reminder", async () => {
    const tenant = await createBillingTenant();
    const email = `lea-${tenant.tag}@example.test`;
    const billed = new Date("2026-12-01T09:00:00Z");
    const first = await billPayer(tenant, { payerEmail: email, payerLocale: "de", reference: "A", lines: [line("Jacket", "120")] }, tenant.store.id, billed);
    const second = await billPayer(tenant, { payerEmail: email, payerLocale: "de", reference: "B", lines: [line("Shoes", "80")] }, tenant.store.id, billed);
    const payerId = (await db.paymentRequest.findUniqueOrThrow({ where: { id: first }, select: { payerId: true } })).payerId;
    const merchantId = tenant.merchant.id as MerchantId;
    expect(await remindPayer(merchantId, payerId, new Date("2026-12-02T09:00:00Z"))).toBe("sent");

    await pay(tenant, first, { locale: "de" });
    const [order] = await ordersOf(first);
    expect(await applyPaymentEvent(testEvent(order!.id, "paid"))).toBe("applied");

    expect(await remindPayer(merchantId, payerId, new Date("2026-12-09T09:00:00Z"))).toBe("sent");
    const reminders = await db.emailMessage.findMany({ where: { merchantId, to: email, template: "payment-reminder" }, orderBy: { createdAt: "asc" }, select: { locale: true, data: true } });
    const references = reminders.map((r) => (r.data as { items: Array<{ reference: string }> }).items.map((i) => i.reference));
    expect(references).toEqual([["A", "B"], ["B"]]);
    expect(reminders.map((r) => r.locale)).toEqual(["de", "de"]);
    expect((await requestState(second)).status).toBe("OPEN");
  });

  it("keeps a paid request paid when another paid event comes for its order", async () => {
    const tenant = await createBillingTenant();
    const requestId = await billPayer(tenant);
    await pay(tenant, requestId);
    const [order] = await ordersOf(requestId);
    await applyPaymentEvent(testEvent(order!.id, "paid"));
    const before = await requestState(requestId);
    // A second, distinct event for the same payment (the order is paid already): the money goes back, the request does not move.
    expect(await applyPaymentEvent(testEvent(order!.id, "paid", `${testPaymentRef(order!.id)}:paid-again`))).not.toBe("applied");
    expect(await requestState(requestId)).toEqual(before);
  });

  it("refuses to cancel while a payment is in progress; after a failed payment the request is open and can be paid with a new order", async () => {
    const tenant = await createBillingTenant();
    const requestId = await billPayer(tenant);
    await pay(tenant, requestId);
    const [first] = await ordersOf(requestId);

    expect(await cancelPaymentRequest(tenant.actor, requestId)).toEqual({ ok: false, reason: "paymentInProgress" });
    expect((await requestState(requestId)).status).toBe("OPEN");

    expect(await applyPaymentEvent(testEvent(first!.id, "failed"))).toBe("applied");
    const afterFailure = await requestState(requestId);
    expect(afterFailure.status).toBe("OPEN");
    expect(afterFailure.events.map((e) => e.kind)).toEqual(["CREATED"]);

    const again = await pay(tenant, requestId);
    expect(again.ok).toBe(true);
    const orders = await ordersOf(requestId);
    expect(orders.map((o) => [o.status, o.idempotencyKey])).toEqual([
      ["CANCELLED", `payment-request:${requestId}:1`],
      ["PENDING_PAYMENT", `payment-request:${requestId}:2`],
    ]);
    expect(await applyPaymentEvent(testEvent(orders[1]!.id, "paid"))).toBe("applied");
    const state = await requestState(requestId);
    expect(state.status).toBe("PAID");
    expect(state.events).toEqual([
      { kind: "CREATED", orderId: null, emailId: null },
      { kind: "PAID", orderId: orders[1]!.id, emailId: null },
    ]);
    // A late failure of the first attempt changes nothing now.
    expect(await applyPaymentEvent(testEvent(first!.id, "failed", `${testPaymentRef(first!.id)}:failed-late`))).not.toBe("applied");
    expect(await requestState(requestId)).toEqual(state);
    expect(await cancelPaymentRequest(tenant.actor, requestId)).toEqual({ ok: false, reason: "notOutstanding" });
  });

  it("creates one pending order for 5 presses of the pay button at once, and sends all of them to it", async () => {
    const tenant = await createBillingTenant();
    const requestId = await billPayer(tenant);
    const results = await Promise.all(Array.from({ length: 5 }, () => pay(tenant, requestId)));
    const orders = await ordersOf(requestId);
    expect(orders).toHaveLength(1);
    expect(results).toEqual(Array.from({ length: 5 }, () => ({ ok: true, paymentUrl: orders[0]!.paymentUrl })));
  });

  it("replaces a pending payment whose provider page has expired", async () => {
    const tenant = await createBillingTenant();
    const requestId = await billPayer(tenant);
    await pay(tenant, requestId);
    const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
    expect((await pay(tenant, requestId, { now: later })).ok).toBe(true);
    expect((await ordersOf(requestId)).map((o) => o.status)).toEqual(["CANCELLED", "PENDING_PAYMENT"]);
  });

  it("pays an overdue request", async () => {
    const tenant = await createBillingTenant();
    const requestId = await billPayer(tenant);
    await db.paymentRequest.update({ where: { id: requestId }, data: { status: "OVERDUE" } });
    await pay(tenant, requestId);
    const [order] = await ordersOf(requestId);
    expect(await applyPaymentEvent(testEvent(order!.id, "paid"))).toBe("applied");
    expect((await requestState(requestId)).status).toBe("PAID");
  });

  it("refuses a cancelled request, another store's or merchant's, and asks a payer without an email for one", async () => {
    const tenant = await createBillingTenant();
    const other = await createBillingTenant();
    const cancelled = await billPayer(tenant);
    await cancelPaymentRequest(tenant.actor, cancelled);
    const theirs = await billPayer(other);
    const withoutEmail = await billPayer(tenant, { payerName: "Marie", payerEmail: null });

    const orders = () => db.order.count({ where: { merchantId: { in: [tenant.merchant.id, other.merchant.id] } } });
    const before = await orders();
    expect(await pay(tenant, cancelled)).toEqual({ ok: false, reason: "cancelled" });
    expect(await pay(tenant, theirs)).toEqual({ ok: false, reason: "notFound" });
    expect(await pay(tenant, "cnotarequest0000")).toEqual({ ok: false, reason: "notFound" });
    expect(await pay(tenant, withoutEmail)).toEqual({ ok: false, reason: "emailRequired" });
    expect(await orders()).toBe(before);

    const receipt = `marie-${tenant.tag}@example.test`;
    expect((await pay(tenant, withoutEmail, { email: receipt })).ok).toBe(true);
    expect((await ordersOf(withoutEmail)).map((o) => o.email)).toEqual([receipt]);
  });
});
