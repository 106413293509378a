import { describe, expect, it } from "vitest";
import Stripe from "stripe";
import { fakeStripeForFile } from "@/tests/doubles/fake-stripe";

const WEBHOOK_SECRET = "whsec_test_patron_integration";
const stripe = fakeStripeForFile(WEBHOOK_SECRET);


async function modules() {
  const [{ db }, { placeOrder }, { handleStripeWebhook }, { providerFor }, fx] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/checkout/mutations"),
    import("./webhook"),
    import("./provider"),
    import("@/tests/integration/checkout-fixtures"),
  ]);
  return { db, placeOrder, handleStripeWebhook, providerFor, fx };
}

function signed(event: Record<string, unknown>, secret = WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  return { payload, header: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

function sessionEvent(id: string, type: string, session: { id: string; orderId: string; payment_status?: string }) {
  return {
    id,
    object: "event",
    type,
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: session.id,
        object: "checkout.session",
        client_reference_id: session.orderId,
        metadata: { orderId: session.orderId },
        payment_status: session.payment_status ?? "paid",
      },
    },
  };
}

async function stripeOrder() {
  const { db, placeOrder, fx } = await modules();
  const shop = await fx.createShop();
  const product = await fx.createProduct(shop, { priceCents: 3000, stock: 4 });
  const coupon = await fx.createCoupon(shop, { amountCents: 500, totalLimit: 3 });
  const cart = await fx.createCart(shop, [{ productId: product.id, quantity: 2 }], [coupon.id]);
  const input = fx.orderInput(shop, cart.id);
  const result = await placeOrder(input);
  if (!result.ok) throw new Error(`checkout failed: ${result.error}`);
  const order = await db.order.findUniqueOrThrow({ where: { id: result.orderId }, select: { id: true, paymentRef: true, status: true } });
  return { shop, product, coupon, input, result, order };
}

describe("Stripe payments (real SDK against a local fake API)", () => {
  it("creates a Checkout Session for the order's total and stores its id", async () => {
    const { result, order, input } = await stripeOrder();
    expect(result).toMatchObject({ ok: true, provider: "STRIPE", status: "PENDING_PAYMENT" });
    const request = stripe.current.requests.find((r) => r.path === "/v1/checkout/sessions" && r.form.client_reference_id === order.id)!;
    expect(request.headers.authorization).toBe("Bearer sk_test_patron_fake");
    expect(request.headers["idempotency-key"]).toBe(`order-${order.id}`);
    expect(request.form).toMatchObject({
      mode: "payment",
      customer_email: input.email,
      "line_items[0][price_data][unit_amount]": "5500",
      "line_items[0][price_data][currency]": "eur",
      "metadata[orderId]": order.id,
    });
    expect(order.paymentRef).toMatch(/^cs_test_fake_/);
    if (result.ok) expect(result.paymentUrl).toBe(`https://checkout.stripe.test/c/pay/${order.paymentRef}`);
  });

  it("rejects unsigned and badly signed webhooks with 400 and changes nothing", async () => {
    const { handleStripeWebhook, db } = await modules();
    const { order } = await stripeOrder();
    const event = sessionEvent("evt_bad_1", "checkout.session.completed", { id: order.paymentRef!, orderId: order.id });
    const { payload } = signed(event);
    expect(await handleStripeWebhook(payload, null)).toMatchObject({ status: 400 });
    expect(await handleStripeWebhook(payload, signed(event, "whsec_wrong").header)).toMatchObject({ status: 400 });
    const tampered = signed(event);
    expect(await handleStripeWebhook(tampered.payload.replace("paid", "PAID"), tampered.header)).toMatchObject({ status: 400 });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING_PAYMENT");
    expect(await db.paymentEvent.count({ where: { id: "evt_bad_1" } })).toBe(0);
  });

  it("marks the order paid once; a replayed event is a no-op", async () => {
    const { handleStripeWebhook, db } = await modules();
    const { order, input } = await stripeOrder();
    const eventId = `evt_paid_${order.id}`;
    const { payload, header } = signed(sessionEvent(eventId, "checkout.session.completed", { id: order.paymentRef!, orderId: order.id }));

    expect(await handleStripeWebhook(payload, header)).toEqual({ status: 200, result: "applied" });
    const replays = await Promise.all([handleStripeWebhook(payload, header), handleStripeWebhook(payload, header)]);
    expect(replays).toEqual([{ status: 200, result: "duplicate" }, { status: 200, result: "duplicate" }]);

    const paid = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true, paidAt: true } });
    expect(paid.status).toBe("PAID");
    expect(paid.paidAt).not.toBeNull();
    expect(await db.paymentEvent.count({ where: { id: eventId } })).toBe(1);
    expect(await db.emailMessage.count({ where: { to: input.email!, template: "order-confirmation" } })).toBe(1);
  });

  it("an expired session cancels the order, releases stock and coupon uses and gives the cart back exactly once", async () => {
    const { handleStripeWebhook, db } = await modules();
    const { order, product, coupon, input } = await stripeOrder();
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(2);
    expect((await db.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).redemptionCount).toBe(1);

    const expired = signed(sessionEvent(`evt_exp_${order.id}`, "checkout.session.expired", { id: order.paymentRef!, orderId: order.id, payment_status: "unpaid" }));
    const failed = signed(sessionEvent(`evt_fail_${order.id}`, "checkout.session.async_payment_failed", { id: order.paymentRef!, orderId: order.id, payment_status: "unpaid" }));
    const results = await Promise.all([handleStripeWebhook(expired.payload, expired.header), handleStripeWebhook(failed.payload, failed.header)]);
    expect(results.map((r) => (r.status === 200 ? r.result : r.error)).sort()).toEqual(["applied", "unchanged"]);
    expect(await handleStripeWebhook(expired.payload, expired.header)).toEqual({ status: 200, result: "duplicate" });

    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELLED");
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(4);
    expect((await db.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).redemptionCount).toBe(0);
    expect(await db.couponRedemption.findMany({ where: { orderId: order.id }, select: { status: true } })).toEqual([{ status: "RELEASED" }]);
    // The shopper's cart is back, once, with its line and its code.
    const cart = await db.cart.findUniqueOrThrow({
      where: { id: input.cartId },
      select: { status: true, lines: { select: { productId: true, quantity: true } }, coupons: { select: { couponId: true } } },
    });
    expect(cart).toEqual({ status: "ACTIVE", lines: [{ productId: product.id, quantity: 2 }], coupons: [{ couponId: coupon.id }] });

    // A late "completed" for a cancelled order does not revive it: the money goes back (reconciliation.integration.test.ts).
    const late = signed(sessionEvent(`evt_late_${order.id}`, "checkout.session.completed", { id: order.paymentRef!, orderId: order.id }));
    expect(await handleStripeWebhook(late.payload, late.header)).toEqual({ status: 200, result: "issue-opened" });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELLED");
  });

  it("ignores events it does not act on and events for unknown sessions", async () => {
    const { handleStripeWebhook } = await modules();
    const other = signed({ id: "evt_other", object: "event", type: "customer.created", data: { object: { id: "cus_1", object: "customer" } } });
    expect(await handleStripeWebhook(other.payload, other.header)).toEqual({ status: 200, result: "ignored" });
    // A session that names no order of ours (another integration on the same Stripe account).
    const unknown = signed(sessionEvent("evt_unknown", "checkout.session.completed", { id: "cs_nobody", orderId: "" }));
    expect(await handleStripeWebhook(unknown.payload, unknown.header)).toEqual({ status: 200, result: "unknown-order" });
  });

  it("charges only what gift cards leave due, and credits the cards only once Stripe refunded its part", async () => {
    const { db, placeOrder, handleStripeWebhook, fx } = await modules();
    const [{ createGiftCard, giftCardState }, { refundOrder }] = await Promise.all([
      import("@/tests/integration/gift-card-fixtures"),
      import("./refunds"),
    ]);
    const shop = await fx.createShop();
    const product = await fx.createProduct(shop, { priceCents: 5000 });
    const card = await createGiftCard(shop.store.merchantId, { balanceCents: 1200 });
    const cart = await fx.createCart(shop, [{ productId: product.id, quantity: 1 }]);
    await db.cartGiftCard.create({ data: { cartId: cart.id, giftCardId: card.id } });
    const result = await placeOrder(fx.orderInput(shop, cart.id, { expectedAmountDueCents: 3800 }));
    if (!result.ok) throw new Error(`checkout failed: ${result.error}`);
    const order = await db.order.findUniqueOrThrow({ where: { id: result.orderId }, select: { id: true, paymentRef: true } });
    const request = stripe.current.requests.find((r) => r.path === "/v1/checkout/sessions" && r.form.client_reference_id === order.id)!;
    expect(request.form["line_items[0][price_data][unit_amount]"]).toBe("3800");
    const paid = signed(sessionEvent(`evt_gc_paid_${order.id}`, "checkout.session.completed", { id: order.paymentRef!, orderId: order.id }));
    expect(await handleStripeWebhook(paid.payload, paid.header)).toEqual({ status: 200, result: "applied" });

    // Stripe refuses the refund: the order stays paid and the card gets nothing back.
    stripe.current.control.failRefunds = true;
    const refused = await refundOrder(shop.store.merchantId, shop.store.id, order.id, shop.tenant.owner.id);
    stripe.current.control.failRefunds = false;
    expect(refused).toEqual({ ok: false, error: "refundFailed" });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
    expect((await giftCardState(card.id)).balanceCents).toBe(0);

    expect(await refundOrder(shop.store.merchantId, shop.store.id, order.id, shop.tenant.owner.id)).toMatchObject({ ok: true });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("REFUNDED");
    expect(await giftCardState(card.id)).toMatchObject({ balanceCents: 1200, ledgerSumCents: 1200 });
  });

  it("finishes a refund interrupted after its claim: Stripe is asked again under the same key and the card is credited once", async () => {
    const { db, placeOrder, handleStripeWebhook, fx } = await modules();
    const [{ createGiftCard, giftCardState }, { claimRefund }, { settleInterruptedRefunds, SETTLE_REFUNDS_AFTER_SECONDS }] = await Promise.all([
      import("@/tests/integration/gift-card-fixtures"),
      import("@/lib/orders/refunds"),
      import("./reconcile"),
    ]);
    const shop = await fx.createShop();
    const product = await fx.createProduct(shop, { priceCents: 4000 });
    const card = await createGiftCard(shop.store.merchantId, { balanceCents: 1000 });
    const cart = await fx.createCart(shop, [{ productId: product.id, quantity: 1 }]);
    await db.cartGiftCard.create({ data: { cartId: cart.id, giftCardId: card.id } });
    const result = await placeOrder(fx.orderInput(shop, cart.id));
    if (!result.ok) throw new Error(`checkout failed: ${result.error}`);
    const order = await db.order.findUniqueOrThrow({ where: { id: result.orderId }, select: { id: true, paymentRef: true } });
    const paid = signed(sessionEvent(`evt_int_paid_${order.id}`, "checkout.session.completed", { id: order.paymentRef!, orderId: order.id }));
    expect(await handleStripeWebhook(paid.payload, paid.header)).toEqual({ status: 200, result: "applied" });

    // The refund was claimed, then the process stopped: no refund at Stripe, nothing given back.
    expect(await claimRefund(shop.store.merchantId, shop.store.id, order.id, shop.tenant.owner.id)).toMatchObject({ ok: true, settled: false });
    const refundsAt = () => stripe.current.refunds.filter((r) => r.payment_intent === stripe.current.sessions.get(order.paymentRef!)!.payment_intent).length;
    expect(refundsAt()).toBe(0);
    // A fresh claim is left to the request that made it.
    await settleInterruptedRefunds();
    expect((await giftCardState(card.id)).balanceCents).toBe(0);

    const later = new Date(Date.now() + (SETTLE_REFUNDS_AFTER_SECONDS + 60) * 1000);
    const runs = await Promise.all([settleInterruptedRefunds({ now: later }), settleInterruptedRefunds({ now: later })]);
    expect(runs.reduce((sum, r) => sum + r.settled, 0)).toBe(1);
    expect(refundsAt()).toBe(1);
    expect(await giftCardState(card.id)).toMatchObject({ balanceCents: 1000, ledgerSumCents: 1000 });
    expect(await db.refund.findFirstOrThrow({ where: { orderId: order.id }, select: { status: true } })).toEqual({ status: "SETTLED" });
    expect(await settleInterruptedRefunds({ now: later })).toEqual({ settled: 0, errors: 0 });
  });

  it("refunds a paid order through the Checkout Session's payment intent", async () => {
    const { providerFor } = await modules();
    const { order } = await stripeOrder();
    await providerFor("STRIPE").refund({ paymentRef: order.paymentRef!, orderId: order.id });
    const refund = stripe.current.requests.findLast((r) => r.path === "/v1/refunds")!;
    expect(refund.form.payment_intent).toBe(stripe.current.sessions.get(order.paymentRef!)!.payment_intent);
  });

  it("refunds part of a paid order: Stripe gets the card's share under the refund's own key, twice in a row as two refunds", async () => {
    const { db, handleStripeWebhook } = await modules();
    const { refundOrder } = await import("./refunds");
    const { order, shop } = await stripeOrder();
    const paid = signed(sessionEvent(`evt_part_paid_${order.id}`, "checkout.session.completed", { id: order.paymentRef!, orderId: order.id }));
    expect(await handleStripeWebhook(paid.payload, paid.header)).toEqual({ status: 200, result: "applied" });
    const intent = stripe.current.sessions.get(order.paymentRef!)!.payment_intent;
    const owner = shop.tenant.owner.id;

    expect(await refundOrder(shop.store.merchantId, shop.store.id, order.id, owner, { amountCents: 1000 })).toMatchObject({ ok: true });
    expect(await refundOrder(shop.store.merchantId, shop.store.id, order.id, owner, { amountCents: 500 })).toMatchObject({ ok: true });

    const sent = stripe.current.requests.filter((r) => r.path === "/v1/refunds" && r.form.payment_intent === intent);
    expect(sent.map((r) => r.form.amount)).toEqual(["1000", "500"]);
    const refunds = await db.refund.findMany({ where: { orderId: order.id }, select: { id: true, status: true }, orderBy: { number: "asc" } });
    expect(refunds.map((r) => r.status)).toEqual(["SETTLED", "SETTLED"]);
    expect(stripe.current.refunds.filter((r) => r.payment_intent === intent).map((r) => r.idempotencyKey)).toEqual(refunds.map((r) => `refund-${r.id}`));
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true, refundedCents: true } })).status).toBe("PAID");
  });
});
