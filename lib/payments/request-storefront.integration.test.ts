import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import type { CustomerSession } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { orderToken } from "@/lib/orders/tokens";
import { payRequestPath, unsubscribePath } from "@/lib/payment-requests/links";
import { cancelPaymentRequest, createPaymentRequest } from "@/lib/payment-requests/mutations";
import type { MerchantId } from "@/lib/tenancy/types";
import { form, outcome } from "@/tests/integration/actors";
import { createCustomerRow } from "@/tests/integration/cart-fixtures";
import { createTenant } from "@/tests/integration/fixtures";
import { storefrontRequest } from "@/tests/integration/storefront-request";

// A storefront request: the proxy's headers for `storefrontRequest.storeId`, and who is signed in there.
const browser = vi.hoisted(() => ({ customer: null as CustomerSession | null }));

vi.mock("next/navigation", async () => (await import("@/tests/integration/storefront-request")).navigationMockWithRethrow());
vi.mock("next/headers", async () => (await import("@/tests/integration/storefront-request")).storefrontHeaders);
vi.mock("@/lib/auth/loaders", () => ({
  loadCustomerSession: async () => browser.customer,
  requireMembership: async () => {
    throw new Error("no merchant pages here");
  },
}));
vi.mock("next-intl/server", async () => ({ ...(await import("@/tests/integration/next-intl-server-stub")), setRequestLocale: () => undefined }));

const { completeTestPaymentAction, payRequestAction } = await import("./actions");
const { stopRemindersAction } = await import("@/lib/payment-requests/actions");
const { loadOwed, loadPayPage, loadUnsubscribePage } = await import("@/lib/payment-requests/loaders");
const { loadStorefront } = await import("@/lib/tenancy/loaders");

afterEach(() => {
  storefrontRequest.storeId = "";
  browser.customer = null;
});

/**
 * The payer's side of payment requests on the storefront: the secret pay page and its button,
 * the test provider's outcome, the unsubscribe link and "what I owe". Every request of another
 * store or merchant, and every tampered link, is refused with nothing written.
 */

type Tenant = Awaited<ReturnType<typeof createTenant>>;

const tokenOf = (path: string) => new URL(path, "http://localhost").searchParams.get("token")!;
const payToken = (requestId: string) => tokenOf(payRequestPath(requestId));
const unsubscribeToken = (payerId: string) => tokenOf(unsubscribePath(payerId));

async function secondStore(tenant: Tenant) {
  const tag = randomUUID().slice(0, 8);
  return db.store.create({
    data: { merchantId: tenant.merchant.id, slug: `second-${tag}`, name: `Second ${tag}`, currency: "EUR", defaultLocale: "en", locales: ["en"] },
    select: { id: true, slug: true, merchantId: true },
  });
}

/** A request of the tenant's store (or `storeId`), billed by its owner: 2 × 12.50 + 5.00 = 30.00 EUR. */
async function bill(tenant: Tenant, options: { payerEmail?: string | null; storeId?: string; payerName?: string } = {}) {
  const created = await createPaymentRequest(
    { merchantId: tenant.merchant.id as MerchantId, userId: tenant.owner.id, storeIds: null },
    {
      storeId: options.storeId ?? tenant.store.id,
      payerName: options.payerName ?? "Lea Muller",
      payerEmail: options.payerEmail === undefined ? `lea-${randomUUID().slice(0, 8)}@example.test` : options.payerEmail,
      payerLocale: "en",
      forEmail: null,
      reference: "",
      dueOn: null,
      note: "Thank you!",
      lines: [
        { row: 0, productId: null, title: "Riding lesson", amount: "12.50", quantity: 2 },
        { row: 1, productId: null, title: "Club fee", amount: "5", quantity: 1 },
      ],
      formKey: randomUUID(),
    },
  );
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  const request = await db.paymentRequest.findUniqueOrThrow({ where: { id: created.requestId }, select: { id: true, payerId: true, totalCents: true } });
  return request;
}

const requestState = (id: string) => db.paymentRequest.findUniqueOrThrow({ where: { id }, select: { status: true, paidAt: true } });
const ordersOf = (requestId: string) =>
  db.order.findMany({
    where: { paymentRequestId: requestId },
    select: {
      id: true,
      storeId: true,
      status: true,
      email: true,
      totalCents: true,
      amountDueCents: true,
      paymentUrl: true,
      lines: { select: { title: true, quantity: true, unitPriceCents: true, totalCents: true }, orderBy: { title: "asc" } },
    },
    orderBy: { createdAt: "asc" },
  });
const eventsOf = (requestId: string) => db.paymentRequestEvent.findMany({ where: { requestId }, select: { kind: true, orderId: true }, orderBy: { createdAt: "asc" } });

function refusal(state: unknown): string | undefined {
  const s = state as FormState<unknown>;
  if (s.status !== "error") return undefined;
  return s.error?.key ?? Object.values(s.fieldErrors ?? {})[0]?.key;
}

const pay = (requestId: string, token: string, email = "") => outcome(payRequestAction(IDLE, form({ requestId, token, email })));
const finishTestPayment = (orderId: string, result: "paid" | "failed") =>
  outcome(completeTestPaymentAction(IDLE, form({ orderId, token: orderToken(orderId, "pay"), outcome: result })));

describe("the pay button of a payment request", () => {
  it("refuses a tampered link or another request's link, and writes nothing", async () => {
    const tenant = await createTenant();
    const request = await bill(tenant);
    const other = await bill(tenant);
    storefrontRequest.storeId = tenant.store.id;

    expect(refusal(await pay(request.id, "forged"))).toBe("PaymentRequests.pay.errors.notFound");
    expect(refusal(await pay(request.id, payToken(other.id)))).toBe("PaymentRequests.pay.errors.notFound");
    expect(refusal(await pay(request.id, ""))).toBe("PaymentRequests.pay.errors.notFound");
    expect(await ordersOf(request.id)).toEqual([]);
    expect(await requestState(request.id)).toEqual({ status: "OPEN", paidAt: null });

    const store = await loadStorefront(tenant.store.slug);
    expect(await outcome(loadPayPage(store, request.id, "forged"))).toBe("notFound");
    expect(await outcome(loadPayPage(store, request.id, payToken(other.id)))).toBe("notFound");
    expect(await outcome(loadPayPage(store, request.id, undefined))).toBe("notFound");
  });

  it("writes one pending order with the request's lines and total and sends the payer to the test provider; pressing again goes to the same page", async () => {
    const tenant = await createTenant();
    const request = await bill(tenant, { payerEmail: "lea@example.test" });
    storefrontRequest.storeId = tenant.store.id;

    const store = await loadStorefront(tenant.store.slug);
    const page = await loadPayPage(store, request.id, payToken(request.id));
    expect(page).toMatchObject({ id: request.id, status: "OPEN", totalCents: 3000, currency: "EUR", note: "Thank you!", payer: { name: "Lea Muller", email: "lea@example.test" } });
    expect(page.lines.map((l) => [l.title, l.quantity, l.unitPriceCents, l.totalCents])).toEqual([
      ["Riding lesson", 2, 1250, 2500],
      ["Club fee", 1, 500, 500],
    ]);

    const first = await pay(request.id, payToken(request.id));
    const [order, ...more] = await ordersOf(request.id);
    expect(more).toEqual([]);
    expect(order).toMatchObject({ storeId: tenant.store.id, status: "PENDING_PAYMENT", email: "lea@example.test", totalCents: 3000, amountDueCents: 3000 });
    expect(order!.lines).toEqual([
      { title: "Club fee", quantity: 1, unitPriceCents: 500, totalCents: 500 },
      { title: "Riding lesson", quantity: 2, unitPriceCents: 1250, totalCents: 2500 },
    ]);
    expect(first).toEqual({ redirect: order!.paymentUrl });
    expect(order!.paymentUrl).toMatch(new RegExp(`^http://${tenant.store.slug}\\.localhost:3000/pay/test/${order!.id}\\?token=`));

    expect(await pay(request.id, payToken(request.id))).toEqual(first);
    expect((await ordersOf(request.id)).map((o) => o.id)).toEqual([order!.id]);
    expect(await requestState(request.id)).toEqual({ status: "OPEN", paidAt: null });
  });

  it("paid through the test provider, marks the request paid once with its history; a replay changes nothing and the button then refuses", async () => {
    const tenant = await createTenant();
    const request = await bill(tenant);
    storefrontRequest.storeId = tenant.store.id;
    await pay(request.id, payToken(request.id));
    const [order] = await ordersOf(request.id);

    expect(await finishTestPayment(order!.id, "paid")).toEqual({ redirect: expect.stringMatching(new RegExp(`^/orders/${order!.id}\\?token=`)) });
    const paid = await requestState(request.id);
    expect(paid).toEqual({ status: "PAID", paidAt: expect.any(Date) });
    expect((await ordersOf(request.id)).map((o) => o.status)).toEqual(["PAID"]);
    expect(await eventsOf(request.id)).toEqual([
      { kind: "CREATED", orderId: null },
      { kind: "PAID", orderId: order!.id },
    ]);

    // The same event again (a double click, a webhook retried): nothing moves.
    await finishTestPayment(order!.id, "paid");
    expect(await requestState(request.id)).toEqual(paid);
    expect(await eventsOf(request.id)).toHaveLength(2);

    expect(refusal(await pay(request.id, payToken(request.id)))).toBe("PaymentRequests.pay.errors.paid");
    expect(await ordersOf(request.id)).toHaveLength(1);
    const store = await loadStorefront(tenant.store.slug);
    expect(await loadPayPage(store, request.id, payToken(request.id))).toMatchObject({ status: "PAID", paidAt: paid.paidAt });
  });

  it("refuses a cancelled request", async () => {
    const tenant = await createTenant();
    const request = await bill(tenant);
    expect(await cancelPaymentRequest({ merchantId: tenant.merchant.id as MerchantId, userId: tenant.owner.id, storeIds: null }, request.id)).toEqual({ ok: true });
    storefrontRequest.storeId = tenant.store.id;

    expect(refusal(await pay(request.id, payToken(request.id)))).toBe("PaymentRequests.pay.errors.cancelled");
    expect(await ordersOf(request.id)).toEqual([]);
    const store = await loadStorefront(tenant.store.slug);
    expect(await loadPayPage(store, request.id, payToken(request.id))).toMatchObject({ status: "CANCELLED" });
  });

  it("answers nothing about a request of another store, of the same merchant or another one, and writes nothing", async () => {
    const tenant = await createTenant();
    const request = await bill(tenant);
    const sibling = await secondStore(tenant);
    const stranger = await createTenant();

    for (const storeId of [sibling.id, stranger.store.id]) {
      storefrontRequest.storeId = storeId;
      expect(refusal(await pay(request.id, payToken(request.id)))).toBe("PaymentRequests.pay.errors.notFound");
      const slug = storeId === sibling.id ? sibling.slug : stranger.store.slug;
      expect(await outcome(loadPayPage(await loadStorefront(slug), request.id, payToken(request.id)))).toBe("notFound");
    }
    expect(await ordersOf(request.id)).toEqual([]);
    expect(await db.order.count({ where: { storeId: { in: [sibling.id, stranger.store.id] } } })).toBe(0);
    expect(await requestState(request.id)).toEqual({ status: "OPEN", paidAt: null });
  });

  it("asks a payer without an email for one, and sends the receipt there", async () => {
    const tenant = await createTenant();
    const request = await bill(tenant, { payerEmail: null, payerName: "Tom in person" });
    storefrontRequest.storeId = tenant.store.id;

    const missing = (await pay(request.id, payToken(request.id))) as FormState<unknown>;
    expect(missing).toMatchObject({ status: "error", error: { key: "PaymentRequests.pay.errors.emailRequired" }, fieldErrors: { email: { key: "PaymentRequests.pay.errors.emailRequired" } } });
    const invalid = (await pay(request.id, payToken(request.id), "not an address")) as FormState<unknown>;
    expect(invalid).toMatchObject({ status: "error", fieldErrors: { email: { key: "PaymentRequests.pay.errors.invalidEmail" } } });
    expect(await ordersOf(request.id)).toEqual([]);

    expect(await pay(request.id, payToken(request.id), " Tom@Example.test ")).toEqual({ redirect: expect.stringContaining("/pay/test/") });
    expect((await ordersOf(request.id)).map((o) => o.email)).toEqual(["tom@example.test"]);
  });

  it("a failed test payment goes back to the request's pay page, which stays open and can be paid again", async () => {
    const tenant = await createTenant();
    const request = await bill(tenant);
    storefrontRequest.storeId = tenant.store.id;
    await pay(request.id, payToken(request.id));
    const [order] = await ordersOf(request.id);

    expect(await finishTestPayment(order!.id, "failed")).toEqual({ redirect: payRequestPath(request.id) });
    expect(await requestState(request.id)).toEqual({ status: "OPEN", paidAt: null });
    expect((await ordersOf(request.id)).map((o) => o.status)).toEqual(["CANCELLED"]);

    // The test provider's page of the failed order sends the payer back there too.
    const { default: TestPaymentPage } = await import("@/app/[locale]/s/[store]/pay/test/[orderId]/page");
    const params = Promise.resolve({ locale: "en", store: tenant.store.slug, orderId: order!.id });
    expect(await outcome(TestPaymentPage({ params, searchParams: Promise.resolve({ token: orderToken(order!.id, "pay") }) }))).toEqual({ redirect: payRequestPath(request.id) });

    const again = await pay(request.id, payToken(request.id));
    const orders = await ordersOf(request.id);
    expect(orders.map((o) => o.status)).toEqual(["CANCELLED", "PENDING_PAYMENT"]);
    expect(again).toEqual({ redirect: orders[1]!.paymentUrl });
  });
});

describe("the unsubscribe link of the reminders", () => {
  it("stops nothing with a bad link; the button of the right link stops the payer's reminders once", async () => {
    const tenant = await createTenant();
    const request = await bill(tenant);
    const other = await bill(tenant);
    storefrontRequest.storeId = tenant.store.id;
    const stopped = () => db.payer.findUniqueOrThrow({ where: { id: request.payerId }, select: { remindersStoppedAt: true } });

    expect(await outcome(stopRemindersAction(IDLE, form({ payerId: request.payerId, token: "forged" })))).toBe("notFound");
    expect(await outcome(stopRemindersAction(IDLE, form({ payerId: request.payerId, token: unsubscribeToken(other.payerId) })))).toBe("notFound");
    // The pay link's token is a capability for another purpose.
    expect(await outcome(stopRemindersAction(IDLE, form({ payerId: request.payerId, token: payToken(request.id) })))).toBe("notFound");
    const store = await loadStorefront(tenant.store.slug);
    expect(await outcome(loadUnsubscribePage(store, request.payerId, "forged"))).toBe("notFound");
    expect(await stopped()).toEqual({ remindersStoppedAt: null });

    // Opening the page stops nothing; the button does.
    expect(await loadUnsubscribePage(store, request.payerId, unsubscribeToken(request.payerId))).toMatchObject({ id: request.payerId, remindersStoppedAt: null });
    expect(await stopRemindersAction(IDLE, form({ payerId: request.payerId, token: unsubscribeToken(request.payerId) }))).toEqual({ status: "ok", data: { stopped: true } });
    const first = await stopped();
    expect(first.remindersStoppedAt).toBeInstanceOf(Date);
    expect(await stopRemindersAction(IDLE, form({ payerId: request.payerId, token: unsubscribeToken(request.payerId) }))).toEqual({ status: "ok", data: { stopped: true } });
    expect(await stopped()).toEqual(first);
    expect(await loadUnsubscribePage(store, request.payerId, unsubscribeToken(request.payerId))).toMatchObject({ remindersStoppedAt: first.remindersStoppedAt });
    expect(await db.payer.findUniqueOrThrow({ where: { id: other.payerId }, select: { remindersStoppedAt: true } })).toEqual({ remindersStoppedAt: null });
  });

  it("is not found on another merchant's storefront", async () => {
    const tenant = await createTenant();
    const request = await bill(tenant);
    const stranger = await createTenant();
    storefrontRequest.storeId = stranger.store.id;

    expect(await outcome(stopRemindersAction(IDLE, form({ payerId: request.payerId, token: unsubscribeToken(request.payerId) })))).toBe("notFound");
    expect(await outcome(loadUnsubscribePage(await loadStorefront(stranger.store.slug), request.payerId, unsubscribeToken(request.payerId)))).toBe("notFound");
    expect(await db.payer.findUniqueOrThrow({ where: { id: request.payerId }, select: { remindersStoppedAt: true } })).toEqual({ remindersStoppedAt: null });
  });
});

describe("what I owe", () => {
  it("lists this merchant's outstanding requests billed to the signed-in email, in every store of the merchant, with their pay links and totals", async () => {
    const tenant = await createTenant();
    const sibling = await secondStore(tenant);
    const stranger = await createTenant();
    const email = `claire-${tenant.tag}@example.test`;
    const customer = await createCustomerRow(tenant, email);
    const owner = { merchantId: tenant.merchant.id as MerchantId, userId: tenant.owner.id, storeIds: null };

    const here = await bill(tenant, { payerEmail: email });
    const there = await bill(tenant, { payerEmail: email, storeId: sibling.id });
    const paid = await bill(tenant, { payerEmail: email });
    await db.paymentRequest.update({ where: { id: paid.id }, data: { status: "PAID", paidAt: new Date() } });
    const cancelled = await bill(tenant, { payerEmail: email });
    expect(await cancelPaymentRequest(owner, cancelled.id)).toEqual({ ok: true });
    await bill(tenant, { payerEmail: `someone-else-${tenant.tag}@example.test` });
    await bill(stranger, { payerEmail: email });

    storefrontRequest.storeId = tenant.store.id;
    browser.customer = { customerId: customer.id, userId: `user-${tenant.tag}`, merchantId: tenant.merchant.id as MerchantId, email, name: "Claire" };
    const store = await loadStorefront(tenant.store.slug);
    const owed = await loadOwed(store, "en");

    expect(owed.items.map((i) => i.requestId).sort()).toEqual([here.id, there.id].sort());
    const byId = new Map(owed.items.map((i) => [i.requestId, i]));
    expect(byId.get(here.id)).toMatchObject({ storeName: `Store ${tenant.tag}`, title: "Riding lesson", lineCount: 2, currency: "EUR", totalCents: 3000, overdue: false });
    expect(byId.get(here.id)!.payUrl).toBe(`http://${tenant.store.slug}.localhost:3000${payRequestPath(here.id)}`);
    expect(byId.get(there.id)!.payUrl).toBe(`http://${sibling.slug}.localhost:3000${payRequestPath(there.id)}`);
    expect(owed.totals).toEqual([{ currency: "EUR", totalCents: 6000 }]);

    // Another merchant's storefront lists that merchant's request only.
    storefrontRequest.storeId = stranger.store.id;
    browser.customer = { ...browser.customer, merchantId: stranger.merchant.id as MerchantId, customerId: "not-used" };
    const theirs = await loadOwed(await loadStorefront(stranger.store.slug), "en");
    expect(theirs.items).toHaveLength(1);
    expect(theirs.items.every((i) => ![here.id, there.id, paid.id, cancelled.id].includes(i.requestId))).toBe(true);
  });

  it("is empty for a customer who owes nothing, and sends visitors to the store's sign-in", async () => {
    const tenant = await createTenant();
    await bill(tenant);
    const email = `nobody-${tenant.tag}@example.test`;
    const customer = await createCustomerRow(tenant, email);
    storefrontRequest.storeId = tenant.store.id;
    const store = await loadStorefront(tenant.store.slug);

    expect(await outcome(loadOwed(store, "en"))).toEqual({ redirect: `/sign-in?${new URLSearchParams({ callbackUrl: "/account/owed" })}` });
    browser.customer = { customerId: customer.id, userId: `user-${tenant.tag}`, merchantId: tenant.merchant.id as MerchantId, email, name: null };
    expect(await loadOwed(store, "en")).toEqual({ items: [], totals: [] });
  });
});
