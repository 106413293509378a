import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { fakeStripeForFile } from "@/tests/doubles/fake-stripe";

const WEBHOOK_SECRET = "whsec_test_patron_requests";
const stripe = fakeStripeForFile(WEBHOOK_SECRET);


async function modules() {
  const [{ db }, { payRequest }, { handleStripeWebhook }, { createPaymentRequest }, fx] = await Promise.all([
    import("@/lib/db"),
    import("./request-payment"),
    import("./webhook"),
    import("@/lib/payment-requests/mutations"),
    import("@/tests/integration/checkout-fixtures"),
  ]);
  return { db, payRequest, handleStripeWebhook, createPaymentRequest, fx };
}

function completed(eventId: string, sessionId: string, orderId: string) {
  const payload = JSON.stringify({
    id: eventId,
    object: "event",
    type: "checkout.session.completed",
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: sessionId, object: "checkout.session", client_reference_id: orderId, metadata: { orderId }, payment_status: "paid" } },
  });
  return { payload, header: Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) };
}

describe("paying a payment request through Stripe Checkout (real SDK against a local fake API)", () => {
  it("creates one Checkout Session per request attempt, keyed by the request, and the webhook pays the request once", async () => {
    const { db, payRequest, handleStripeWebhook, createPaymentRequest, fx } = await modules();
    const shop = await fx.createShop();
    const created = await createPaymentRequest(
      { merchantId: shop.store.merchantId, userId: null, storeIds: null },
      {
        storeId: shop.store.id,
        payerName: "Anne Weber",
        payerEmail: "anne.weber@example.test",
        payerLocale: "de",
        forEmail: null,
        reference: "INV-77",
        dueOn: null,
        note: null,
        lines: [
          { row: 0, productId: null, title: "Repair", amount: "40", quantity: 1 },
          { row: 1, productId: null, title: "Buttons", amount: "2.50", quantity: 3 },
        ],
        formKey: "stripe-request-form-key-1",
      },
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    const pay = () => payRequest({ store: shop.store, urls: { rootDomain: "localhost:3000", protocol: "http" }, requestId: created.requestId, email: null, locale: "de" });

    const first = await pay();
    const again = await pay();
    expect(first).toMatchObject({ ok: true });
    // The second press goes back to the same Checkout page: one order, one session.
    expect(again).toEqual(first);
    const orders = await db.order.findMany({ where: { paymentRequestId: created.requestId }, select: { id: true, paymentRef: true, totalCents: true, email: true, status: true } });
    expect(orders).toHaveLength(1);
    const order = orders[0]!;
    expect(order).toMatchObject({ totalCents: 4750, email: "anne.weber@example.test", status: "PENDING_PAYMENT" });
    const sessions = stripe.current.requests.filter((r) => r.path === "/v1/checkout/sessions" && r.form.client_reference_id === order.id);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.headers["idempotency-key"]).toBe(`payment-request-${created.requestId}-1`);
    expect(sessions[0]!.form).toMatchObject({ "line_items[0][price_data][unit_amount]": "4750", "line_items[0][price_data][currency]": "eur" });

    const event = completed("evt_request_paid_1", order.paymentRef!, order.id);
    expect(await handleStripeWebhook(event.payload, event.header)).toEqual({ status: 200, result: "applied" });
    // Stripe delivers again: nothing changes.
    expect(await handleStripeWebhook(event.payload, event.header)).toEqual({ status: 200, result: "duplicate" });
    const request = await db.paymentRequest.findUniqueOrThrow({ where: { id: created.requestId }, select: { status: true, paidAt: true, events: { select: { kind: true, orderId: true } } } });
    expect(request.status).toBe("PAID");
    expect(request.events.filter((e) => e.kind === "PAID")).toEqual([{ kind: "PAID", orderId: order.id }]);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
    // Paid: the link answers so, and no new payment starts.
    expect(await pay()).toEqual({ ok: false, reason: "paid" });
    expect(await db.order.count({ where: { paymentRequestId: created.requestId } })).toBe(1);
  });
});
