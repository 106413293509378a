import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import Stripe from "stripe";
import { fakeStripeForFile } from "@/tests/doubles/fake-stripe";

const WEBHOOK_SECRET = "whsec_test_patron_reconciliation";
const stripe = fakeStripeForFile(WEBHOOK_SECRET);

const fileStart = new Date();

afterAll(async () => {
  // Leave no jobs for a later file's worker to work through: alerts went to every platform admin in
  // the database, and the refunds were run here directly.
  const { db } = await modules();
  const { discardEmails } = await import("@/tests/doubles/email");
  const { JOBS_SCHEMA } = await import("@/lib/jobs/boss");
  await discardEmails(["platform-alert", "payment-refunded"], fileStart);
  await db.$executeRawUnsafe(`DELETE FROM "${JOBS_SCHEMA}".job WHERE name = 'payment-issue-refund' AND created_on >= $1`, fileStart);
});

async function modules() {
  const [{ db }, { placeOrder }, { handleStripeWebhook }, issues, reconcile, fx, { createUser }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/checkout/mutations"),
    import("./webhook"),
    import("./issues"),
    import("./reconcile"),
    import("@/tests/integration/checkout-fixtures"),
    import("@/tests/integration/fixtures"),
  ]);
  return { db, placeOrder, handleStripeWebhook, refundPaymentIssue: issues.refundPaymentIssue, reconcile, fx, createUser };
}

function signed(event: Record<string, unknown>, secret = WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  return { payload, header: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

function paidEvent(id: string, session: { id: string; orderId: string | null; amount?: number; email?: string }, type = "checkout.session.completed") {
  return signed({
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
        metadata: session.orderId ? { orderId: session.orderId } : {},
        payment_status: "paid",
        amount_total: session.amount ?? 5500,
        currency: "eur",
        customer_email: session.email ?? null,
      },
    },
  });
}

/** An order placed through Stripe (pending, holding 2 units and a coupon use), in `locale`. */
async function stripeOrder(locale: "en" | "fr" | "de" | "lb" = "en") {
  const { db, placeOrder, fx } = await modules();
  const shop = await fx.createShop();
  const product = await fx.createProduct(shop, { priceCents: 3000, stock: 4 });
  const coupon = await fx.createCoupon(shop, { amountCents: 500, totalLimit: 3 });
  const cart = await fx.createCart(shop, [{ productId: product.id, quantity: 2 }], [coupon.id]);
  const input = fx.orderInput(shop, cart.id, { locale });
  const result = await placeOrder(input);
  if (!result.ok) throw new Error(`checkout failed: ${result.error}`);
  const order = await db.order.findUniqueOrThrow({ where: { id: result.orderId }, select: { id: true, number: true, paymentRef: true, email: true } });
  return { shop, product, coupon, input, order: { ...order, paymentRef: order.paymentRef! } };
}

async function deliver(event: { payload: string; header: string }) {
  const { handleStripeWebhook } = await modules();
  const response = await handleStripeWebhook(event.payload, event.header);
  return response.status === 200 ? response.result : response.error;
}

async function alertsTo(email: string) {
  const { db } = await modules();
  return db.emailMessage.findMany({ where: { to: email, template: "platform-alert" }, select: { data: true } });
}

let adminEmail: string;

beforeAll(async () => {
  const { db, createUser } = await modules();
  adminEmail = `alerts-${Date.now()}@example.test`;
  await createUser(adminEmail, { isPlatformAdmin: true });
  // The throttle is platform-wide: start this file's hour afresh.
  await db.alertState.deleteMany({ where: { kind: { in: ["payment-issue-opened", "webhook-signature-failures"] } } });
});

describe("payment issues", () => {
  beforeEach(() => {
    stripe.current.control.failRefunds = false;
  });

  it("a payment for a cancelled order opens one issue and one refund, however often and however concurrently it arrives", async () => {
    const { db, refundPaymentIssue } = await modules();
    const { order, product } = await stripeOrder("fr");
    const expired = signed({
      id: `evt_exp_${order.id}`,
      object: "event",
      type: "checkout.session.expired",
      data: { object: { id: order.paymentRef, object: "checkout.session", client_reference_id: order.id, metadata: { orderId: order.id }, payment_status: "unpaid" } },
    });
    expect(await deliver(expired)).toBe("applied");
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(4);

    // The late payment, delivered twice at once, then replayed, then reported again under another event id.
    const late = paidEvent(`evt_late_${order.id}`, { id: order.paymentRef, orderId: order.id });
    const first = await Promise.all([deliver(late), deliver(late)]);
    expect(first.sort()).toEqual(["duplicate", "issue-opened"]);
    expect(await deliver(late)).toBe("duplicate");
    const again = paidEvent(`evt_async_${order.id}`, { id: order.paymentRef, orderId: order.id }, "checkout.session.async_payment_succeeded");
    expect(await deliver(again)).toBe("unchanged");

    const issues = await db.paymentIssue.findMany({ where: { paymentRef: order.paymentRef }, select: { id: true, reason: true, status: true, orderId: true, amountCents: true } });
    expect(issues).toEqual([{ id: expect.any(String), reason: "ORDER_CANCELLED", status: "OPEN", orderId: order.id, amountCents: 5500 }]);
    const issueId = issues[0]!.id;
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELLED");

    // Two refund jobs of the issue at once (a retried job, a second worker): one refund.
    const outcomes = await Promise.all([refundPaymentIssue(issueId, { finalAttempt: false }), refundPaymentIssue(issueId, { finalAttempt: false })]);
    expect(outcomes.sort()).toEqual(["refunded", "skipped"]);
    const intent = stripe.current.sessions.get(order.paymentRef)!.payment_intent;
    expect(stripe.current.refunds.filter((r) => r.payment_intent === intent)).toEqual([{ id: expect.any(String), payment_intent: intent, idempotencyKey: `refund-${order.paymentRef}` }]);

    const issue = await db.paymentIssue.findUniqueOrThrow({ where: { id: issueId }, select: { status: true, history: { orderBy: { createdAt: "asc" }, select: { kind: true } } } });
    expect(issue.status).toBe("REFUNDED");
    expect(issue.history.map((h) => h.kind)).toEqual(["opened", "refunded", "buyer-notified"]);
    const emails = await db.emailMessage.findMany({ where: { to: order.email, template: "payment-refunded" }, select: { locale: true, subject: true, data: true } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ locale: "fr", data: { orderNumber: order.number, amountCents: 5500, currency: "EUR", reason: "ORDER_CANCELLED" } });
    expect(emails[0]!.subject).toContain("remboursé");
  });

  it("a payment naming an order we do not have is refunded; one naming no order at all is not ours to touch", async () => {
    const { db, refundPaymentIssue } = await modules();
    const ref = `cs_test_unknown_${Date.now()}`;
    stripe.current.sessions.set(ref, { id: ref, object: "checkout.session", payment_intent: `pi_unknown_${Date.now()}` });
    const event = paidEvent(`evt_unknown_${ref}`, { id: ref, orderId: "order-that-never-was", amount: 990, email: `Stranger-${Date.now()}@Example.test` });
    expect(await deliver(event)).toBe("issue-opened");
    const issue = await db.paymentIssue.findFirstOrThrow({ where: { paymentRef: ref }, select: { id: true, reason: true, merchantId: true, orderId: true, email: true } });
    expect(issue).toMatchObject({ reason: "ORDER_UNKNOWN", merchantId: null, orderId: null });
    expect(await refundPaymentIssue(issue.id, { finalAttempt: false })).toBe("refunded");
    expect(await db.emailMessage.count({ where: { to: issue.email!.toLowerCase(), template: "payment-refunded" } })).toBe(1);

    const foreign = paidEvent(`evt_foreign_${ref}`, { id: `${ref}_foreign`, orderId: null });
    expect(await deliver(foreign)).toBe("unknown-order");
    expect(await db.paymentIssue.count({ where: { paymentRef: `${ref}_foreign` } })).toBe(0);
  });

  it("a second payment for an order already paid is refunded, the first one stays", async () => {
    const { db, refundPaymentIssue } = await modules();
    const { order } = await stripeOrder();
    expect(await deliver(paidEvent(`evt_paid_${order.id}`, { id: order.paymentRef, orderId: order.id }))).toBe("applied");
    const second = `cs_test_second_${order.id}`;
    stripe.current.sessions.set(second, { id: second, object: "checkout.session", payment_intent: `pi_second_${order.id}` });
    const results = await Promise.all([1, 2].map(() => deliver(paidEvent(`evt_second_${order.id}`, { id: second, orderId: order.id }))));
    expect(results.sort()).toEqual(["duplicate", "issue-opened"]);
    const issue = await db.paymentIssue.findFirstOrThrow({ where: { paymentRef: second }, select: { id: true, reason: true, orderId: true } });
    expect(issue).toMatchObject({ reason: "ALREADY_PAID", orderId: order.id });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
    await refundPaymentIssue(issue.id, { finalAttempt: false });
    expect(stripe.current.refunds.filter((r) => r.payment_intent === `pi_second_${order.id}`)).toHaveLength(1);
    expect(stripe.current.refunds.filter((r) => r.payment_intent === stripe.current.sessions.get(order.paymentRef)!.payment_intent)).toHaveLength(0);
  });

  it("a refused refund is written to the history, retried, and after the last try waits for an admin", async () => {
    const { db, refundPaymentIssue } = await modules();
    const { order } = await stripeOrder();
    await db.order.update({ where: { id: order.id }, data: { status: "CANCELLED" } });
    expect(await deliver(paidEvent(`evt_refused_${order.id}`, { id: order.paymentRef, orderId: order.id }))).toBe("issue-opened");
    const { id } = await db.paymentIssue.findFirstOrThrow({ where: { paymentRef: order.paymentRef }, select: { id: true } });
    stripe.current.control.failRefunds = true;
    expect(await refundPaymentIssue(id, { finalAttempt: false })).toEqual({ failed: expect.any(String) });
    expect((await db.paymentIssue.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
    expect(await refundPaymentIssue(id, { finalAttempt: true })).toEqual({ failed: expect.any(String) });
    const failed = await db.paymentIssue.findUniqueOrThrow({ where: { id }, select: { status: true, history: { orderBy: { createdAt: "asc" }, select: { kind: true } } } });
    expect(failed.status).toBe("REFUND_FAILED");
    expect(failed.history.map((h) => h.kind)).toEqual(["opened", "refund-failed", "refund-failed"]);
    expect(await db.emailMessage.count({ where: { to: order.email, template: "payment-refunded" } })).toBe(0);
  });

  it("platform admins got one alert for all the issues opened within the hour", async () => {
    const alerts = await alertsTo(adminEmail);
    expect(alerts).toEqual([{ data: expect.objectContaining({ kind: "payment-issue-opened" }) }]);
  });
});

describe("reconciliation of missed webhooks", () => {
  async function aged(createdMinutesAgo: number) {
    const { db } = await modules();
    const placed = await stripeOrder();
    await db.order.update({ where: { id: placed.order.id }, data: { createdAt: new Date(Date.now() - createdMinutesAgo * 60_000) } });
    return placed;
  }

  it("settles orders pending past the session's lifetime the way the provider says, once", async () => {
    const { db, reconcile } = await modules();
    const paid = await aged(120);
    const expired = await aged(120);
    const open = await aged(120);
    const recent = await stripeOrder();
    Object.assign(stripe.current.sessions.get(paid.order.paymentRef)!, { status: "complete", payment_status: "paid" });
    Object.assign(stripe.current.sessions.get(expired.order.paymentRef)!, { status: "expired" });
    Object.assign(stripe.current.sessions.get(recent.order.paymentRef)!, { status: "complete", payment_status: "paid" });

    const summary = await reconcile.reconcilePendingPayments();
    expect(summary.paid).toBeGreaterThanOrEqual(1);
    expect(summary.failed).toBeGreaterThanOrEqual(1);
    const status = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
    expect(await status(paid.order.id)).toBe("PAID");
    expect(await db.emailMessage.count({ where: { to: paid.order.email, template: "order-confirmation" } })).toBe(1);
    expect(await status(expired.order.id)).toBe("CANCELLED");
    expect((await db.product.findUniqueOrThrow({ where: { id: expired.product.id } })).stock).toBe(4);
    expect((await db.coupon.findUniqueOrThrow({ where: { id: expired.coupon.id } })).redemptionCount).toBe(0);
    expect(await status(open.order.id)).toBe("PENDING_PAYMENT");
    // Within the session's lifetime the webhook may still come: not asked.
    expect(await status(recent.order.id)).toBe("PENDING_PAYMENT");
    expect(stripe.current.requests.some((r) => r.method === "GET" && r.path.endsWith(recent.order.paymentRef))).toBe(false);

    // A second run, and the webhooks arriving late after all, change nothing.
    await Promise.all([reconcile.reconcilePendingPayments(), deliver(paidEvent(`evt_late_paid_${paid.order.id}`, { id: paid.order.paymentRef, orderId: paid.order.id }))]);
    expect(await status(paid.order.id)).toBe("PAID");
    expect(await status(expired.order.id)).toBe("CANCELLED");
    expect(await db.emailMessage.count({ where: { to: paid.order.email, template: "order-confirmation" } })).toBe(1);
    expect((await db.product.findUniqueOrThrow({ where: { id: expired.product.id } })).stock).toBe(4);
    expect(await db.paymentIssue.count({ where: { paymentRef: paid.order.paymentRef } })).toBe(0);
  });
});

describe("webhook signature alerts", () => {
  it("five bad signatures within ten minutes alert the admins once", async () => {
    const { db, handleStripeWebhook } = await modules();
    await db.alertState.deleteMany({ where: { kind: "webhook-signature-failures" } });
    const event = paidEvent("evt_forged", { id: "cs_forged", orderId: null });
    const forged = signed(JSON.parse(event.payload), "whsec_wrong");
    for (let i = 0; i < 4; i++) expect(await handleStripeWebhook(forged.payload, forged.header)).toMatchObject({ status: 400 });
    expect((await alertsTo(adminEmail)).filter((a) => (a.data as { kind: string }).kind === "webhook-signature-failures")).toHaveLength(0);
    await Promise.all([handleStripeWebhook(forged.payload, null), handleStripeWebhook(forged.payload, forged.header), handleStripeWebhook(forged.payload, "t=1,v1=00")]);
    expect((await alertsTo(adminEmail)).filter((a) => (a.data as { kind: string }).kind === "webhook-signature-failures")).toHaveLength(1);
    expect(await db.paymentEvent.count({ where: { id: "evt_forged" } })).toBe(0);
  });
});
