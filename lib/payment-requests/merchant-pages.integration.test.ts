import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { IDLE } from "@/lib/actions/form-state";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { actAs, form, memberOf, outcome, redirectOf, type Tenant } from "@/tests/integration/actors";
import { createProductRow } from "@/tests/integration/catalog-fixtures";
import { createTenant } from "@/tests/integration/fixtures";
import { createOrderRow } from "@/tests/integration/order-fixtures";
import {
  cancelPaymentRequestAction,
  createPaymentRequestAction,
  requestFromOrderAction,
  sendTestReminderAction,
  updateReminderSettingsAction,
} from "./actions";
import { loadNewRequestForm, loadOrderConversion, loadReminderSettings, loadRequest, loadRequestList } from "./loaders";

/**
 * The merchant area of payment requests, through its page loaders and actions as members call
 * them: another merchant's members get notFound, staff get forbidden, and a manager limited to
 * some stores sees, totals, bills and cancels in those stores only.
 */

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return { headers: async () => testHeaders() };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
// Refusals come back as their keys.
vi.mock("next-intl/server", () => ({ getLocale: async () => "en", getTranslations: async () => (key: string) => key }));

afterAll(async () => {
  await closeRateLimitPool();
});

const refusal = (key: string) => ({ key, message: key });

let tenant: Tenant;
let other: Tenant;
let storeB: { id: string };
let owner: { id: string; email: string };
let managerA: { id: string; email: string };
let staff: { id: string; email: string };
let otherManager: { id: string; email: string };
let productA: string;
let productB: string;
/** Store A: a payer with an email. Store B (CHF): a payer without one. */
let requestA: string;
let requestB: string;
let payerA: string;

let formCount = 0;
const bill = (merchantId: string, fields: Record<string, string>) =>
  createPaymentRequestAction(
    merchantId,
    IDLE,
    form({
      storeId: tenant.store.id,
      payerName: "Léa Muller",
      payerEmail: `lea-${tenant.tag}@example.test`,
      payerLocale: "fr",
      forEmail: "",
      reference: "",
      dueOn: "",
      note: "",
      formKey: `merchant-pages-form-${tenant.tag}-${++formCount}`,
      "line.0.title": "Alterations",
      "line.0.amount": "25.00",
      "line.0.quantity": "2",
      ...fields,
    }),
  );
const idOf = (url: string) => decodeURIComponent(url.split("/payment-requests/")[1]!.split(/[/?#]/)[0]!);
const requestCount = (merchantId: string) => db.paymentRequest.count({ where: { merchantId } });

beforeAll(async () => {
  tenant = await createTenant();
  other = await createTenant();
  storeB = await db.store.create({
    data: { merchantId: tenant.merchant.id, slug: `b-${tenant.tag}`, name: `Zürich ${tenant.tag}`, currency: "CHF", defaultLocale: "de", locales: ["de"] },
    select: { id: true },
  });
  owner = await memberOf(tenant, "OWNER");
  managerA = await memberOf(tenant, "MANAGER", [tenant.store.id]);
  staff = await memberOf(tenant, "STAFF");
  otherManager = await memberOf(other, "MANAGER");
  productA = (await createProductRow(tenant, { slug: `hem-${tenant.tag}`, priceCents: 1500, translations: { en: { title: "Hemming" } } })).id;
  productB = (await createProductRow({ merchant: tenant.merchant, store: storeB }, { slug: `press-${tenant.tag}`, priceCents: 900, translations: { de: { title: "Bügeln" } } })).id;

  await actAs(owner.email);
  requestA = idOf(await redirectOf(bill(tenant.merchant.id, {})));
  requestB = idOf(
    await redirectOf(
      bill(tenant.merchant.id, {
        storeId: storeB.id,
        payerName: "Jos Weber",
        payerEmail: "",
        payerLocale: "lb",
        "line.0.productId": productB,
        "line.0.title": "",
        "line.0.amount": "9.00",
        "line.0.quantity": "1",
      }),
    ),
  );
  payerA = (await db.paymentRequest.findFirstOrThrow({ where: { id: requestA, merchantId: tenant.merchant.id }, select: { payerId: true } })).payerId;
});

describe("an owner (every store)", () => {
  it("lists every request, totals per currency and the payers to remind in person", async () => {
    await actAs(owner.email);
    const list = await loadRequestList(tenant.merchant.id, {});
    expect(list.requests.map((r) => r.id).sort()).toEqual([requestA, requestB].sort());
    expect(list.totals).toEqual([
      { currency: "CHF", totalCents: 900, requests: 1 },
      { currency: "EUR", totalCents: 5000, requests: 1 },
    ]);
    expect(list.inPerson).toEqual([{ payerId: expect.any(String), name: "Jos Weber", requests: 1, totals: [{ currency: "CHF", totalCents: 900 }] }]);
    expect(list.stores.map((s) => s.id).sort()).toEqual([tenant.store.id, storeB.id].sort());
    expect(list.settings).toEqual({ days: 7, max: 3 });
  });

  it("filters by status, store and text", async () => {
    await actAs(owner.email);
    const ids = async (params: Record<string, string>) => (await loadRequestList(tenant.merchant.id, params)).requests.map((r) => r.id);
    expect(await ids({ store: storeB.id })).toEqual([requestB]);
    expect(await ids({ q: "léa" })).toEqual([requestA]);
    expect(await ids({ status: "OUTSTANDING", q: "jos" })).toEqual([requestB]);
    expect(await ids({ status: "PAID" })).toEqual([]);
  });

  it("reads a request with its lines, payer, history and pay link; the product line took the product's title", async () => {
    await actAs(owner.email);
    const page = await loadRequest(tenant.merchant.id, requestB);
    expect(page.request.lines).toEqual([expect.objectContaining({ title: "Bügeln", productId: productB, unitPriceCents: 900, quantity: 1, totalCents: 900 })]);
    expect(page.request.payer).toMatchObject({ name: "Jos Weber", email: null, locale: "lb" });
    expect(page.request.events).toEqual([expect.objectContaining({ kind: "CREATED", actorEmail: owner.email })]);
    expect(page.payUrl).toContain(`/pay/r/${requestB}?token=`);
    // No email: no test reminder to send.
    expect(page.canSendTest).toBe(false);
    expect((await loadRequest(tenant.merchant.id, requestA)).canSendTest).toBe(true);
  });

  it("sends a test reminder to the owner only", async () => {
    await actAs(owner.email);
    const result = await sendTestReminderAction(tenant.merchant.id, IDLE, form({ payerId: payerA }));
    expect(result).toEqual({ status: "ok", data: { to: owner.email } });
    const emails = await db.emailMessage.findMany({ where: { merchantId: tenant.merchant.id, template: "payment-reminder" }, select: { to: true, locale: true } });
    expect(emails).toEqual([{ to: owner.email, locale: "fr" }]);
    // A test is no reminder: the request's count does not move.
    expect((await db.paymentRequest.findFirstOrThrow({ where: { id: requestA, merchantId: tenant.merchant.id }, select: { reminderCount: true } })).reminderCount).toBe(0);
  });

  it("saves the reminder schedule", async () => {
    await actAs(owner.email);
    expect(await updateReminderSettingsAction(tenant.merchant.id, IDLE, form({ interval: "14", maxReminders: "5" }))).toEqual({ status: "ok", data: { saved: true } });
    expect((await loadReminderSettings(tenant.merchant.id)).settings).toEqual({ days: 14, max: 5 });
    expect(await updateReminderSettingsAction(tenant.merchant.id, IDLE, form({ interval: "off", maxReminders: "5" }))).toMatchObject({ status: "ok" });
    expect((await loadReminderSettings(tenant.merchant.id)).settings).toEqual({ days: null, max: 5 });
    expect(await updateReminderSettingsAction(tenant.merchant.id, IDLE, form({ interval: "3", maxReminders: "13" }))).toMatchObject({
      status: "error",
      fieldErrors: { interval: refusal("PaymentRequests.errors.invalidChoice"), maxReminders: refusal("PaymentRequests.errors.invalidChoice") },
    });
    await updateReminderSettingsAction(tenant.merchant.id, IDLE, form({ interval: "7", maxReminders: "3" }));
    expect((await loadReminderSettings(tenant.merchant.id)).settings).toEqual({ days: 7, max: 3 });
  });

  it("refuses a bad line next to its field and writes nothing", async () => {
    await actAs(owner.email);
    const before = await requestCount(tenant.merchant.id);
    expect(await bill(tenant.merchant.id, { "line.0.amount": "-5", "line.1.title": "Extra", "line.1.amount": "0", "line.1.quantity": "1000" })).toMatchObject({
      status: "error",
      error: refusal("PaymentRequests.errors.checkFields"),
      fieldErrors: {
        "line.0.amount": refusal("PaymentRequests.errors.invalidAmount"),
        "line.1.amount": refusal("PaymentRequests.errors.invalidAmount"),
        "line.1.quantity": refusal("PaymentRequests.errors.invalidQuantity"),
      },
    });
    expect(await requestCount(tenant.merchant.id)).toBe(before);
  });
});

describe("a manager limited to store A", () => {
  it("sees store A's requests, totals and payers only, and store A in the new-request form", async () => {
    await actAs(managerA.email);
    const list = await loadRequestList(tenant.merchant.id, {});
    expect(list.requests.map((r) => r.id)).toEqual([requestA]);
    expect(list.totals).toEqual([{ currency: "EUR", totalCents: 5000, requests: 1 }]);
    expect(list.inPerson).toEqual([]);
    expect(list.stores.map((s) => s.id)).toEqual([tenant.store.id]);
    // Asking for store B by its id shows nothing either.
    expect((await loadRequestList(tenant.merchant.id, { store: storeB.id })).requests).toEqual([]);
    const newForm = await loadNewRequestForm(tenant.merchant.id);
    expect(newForm.stores.map((s) => ({ id: s.id, products: s.products.map((p) => p.id) }))).toEqual([{ id: tenant.store.id, products: [productA] }]);
  });

  it("cannot open store B's request (notFound) and gets no test reminder button", async () => {
    await actAs(managerA.email);
    expect(await outcome(loadRequest(tenant.merchant.id, requestB))).toBe("notFound");
    // The test reminder lists the payer's items in every store: members of every store only.
    expect((await loadRequest(tenant.merchant.id, requestA)).canSendTest).toBe(false);
    expect(await sendTestReminderAction(tenant.merchant.id, IDLE, form({ payerId: payerA }))).toMatchObject({ status: "error", error: refusal("PaymentRequests.errors.notFound") });
  });

  it("cannot bill in store B (unknownStore) nor bill store B's product, writing nothing", async () => {
    await actAs(managerA.email);
    const before = await requestCount(tenant.merchant.id);
    expect(await bill(tenant.merchant.id, { storeId: storeB.id })).toMatchObject({ status: "error", fieldErrors: { storeId: refusal("PaymentRequests.errors.unknownStore") } });
    expect(await bill(tenant.merchant.id, { "line.0.productId": productB })).toMatchObject({
      status: "error",
      fieldErrors: { "line.0.productId": refusal("PaymentRequests.errors.unknownProduct") },
    });
    expect(await requestCount(tenant.merchant.id)).toBe(before);
  });

  it("cannot cancel store B's request (notFound), which stays open", async () => {
    await actAs(managerA.email);
    expect(await cancelPaymentRequestAction(tenant.merchant.id, IDLE, form({ requestId: requestB }))).toMatchObject({ status: "error", error: refusal("PaymentRequests.errors.notFound") });
    const row = await db.paymentRequest.findFirstOrThrow({ where: { id: requestB, merchantId: tenant.merchant.id }, select: { status: true, events: { select: { kind: true } } } });
    expect(row).toEqual({ status: "OPEN", events: [{ kind: "CREATED" }] });
  });

  it("bills in store A, then cancels that request once", async () => {
    await actAs(managerA.email);
    const created = idOf(await redirectOf(bill(tenant.merchant.id, { payerName: "Anna Schmit", payerEmail: `anna-${tenant.tag}@example.test`, reference: "INV-7" })));
    expect(await cancelPaymentRequestAction(tenant.merchant.id, IDLE, form({ requestId: created }))).toEqual({ status: "ok", data: undefined });
    expect(await cancelPaymentRequestAction(tenant.merchant.id, IDLE, form({ requestId: created }))).toMatchObject({ status: "error", error: refusal("PaymentRequests.errors.notOutstanding") });
    const page = await loadRequest(tenant.merchant.id, created);
    expect(page.request.status).toBe("CANCELLED");
    expect(page.request.events.map((e) => [e.kind, e.actorEmail])).toEqual([
      ["CREATED", managerA.email],
      ["CANCELLED", managerA.email],
    ]);
  });
});

describe("turning an unpaid order into a request", () => {
  let orderA: string;
  let orderB: string;
  let paidOrder: string;
  beforeAll(async () => {
    const line = [{ productId: null, title: "Coat", unitPriceCents: 12000, quantity: 1 }];
    orderA = (await createOrderRow(tenant, tenant.store.id, { status: "CANCELLED", createdAt: new Date().toISOString(), lines: line })).id;
    orderB = (await createOrderRow(tenant, storeB.id, { status: "CANCELLED", createdAt: new Date().toISOString(), lines: line, currency: "CHF" })).id;
    paidOrder = (await createOrderRow(tenant, tenant.store.id, { status: "PAID", createdAt: new Date().toISOString(), lines: line })).id;
  });

  it("is offered to managers for an unpaid, cancelled order only, never to staff", async () => {
    await actAs(managerA.email);
    expect(await loadOrderConversion(tenant.merchant.id, tenant.store.id, orderA)).toBe(true);
    expect(await loadOrderConversion(tenant.merchant.id, tenant.store.id, paidOrder)).toBe(false);
    // Store B's order page is not the manager's.
    expect(await outcome(loadOrderConversion(tenant.merchant.id, storeB.id, orderB))).toBe("notFound");
    await actAs(staff.email);
    expect(await loadOrderConversion(tenant.merchant.id, tenant.store.id, orderA)).toBe(false);
    await actAs(otherManager.email);
    expect(await outcome(loadOrderConversion(tenant.merchant.id, tenant.store.id, orderA))).toBe("notFound");
  });

  it("makes one request of the order; store B's order stays out of a store-A manager's reach", async () => {
    await actAs(managerA.email);
    expect(await requestFromOrderAction(tenant.merchant.id, IDLE, form({ orderId: orderB }))).toMatchObject({ status: "error" });
    expect(await db.paymentRequest.count({ where: { merchantId: tenant.merchant.id, sourceOrderId: orderB } })).toBe(0);
    const url = await redirectOf(requestFromOrderAction(tenant.merchant.id, IDLE, form({ orderId: orderA })));
    const page = await loadRequest(tenant.merchant.id, idOf(url));
    expect(page.request.sourceOrder).toEqual({ id: orderA, number: expect.any(String) });
    expect(page.request.totalCents).toBe(12000);
    // Made once: the page no longer offers it.
    expect(await loadOrderConversion(tenant.merchant.id, tenant.store.id, orderA)).toBe(false);
  });
});

describe("staff", () => {
  it("are forbidden every page and action", async () => {
    await actAs(staff.email);
    expect(await outcome(loadRequestList(tenant.merchant.id, {}))).toBe("forbidden");
    expect(await outcome(loadNewRequestForm(tenant.merchant.id))).toBe("forbidden");
    expect(await outcome(loadRequest(tenant.merchant.id, requestA))).toBe("forbidden");
    expect(await outcome(loadReminderSettings(tenant.merchant.id))).toBe("forbidden");
    const before = await requestCount(tenant.merchant.id);
    expect(await outcome(bill(tenant.merchant.id, {}))).toBe("forbidden");
    expect(await outcome(cancelPaymentRequestAction(tenant.merchant.id, IDLE, form({ requestId: requestA })))).toBe("forbidden");
    expect(await outcome(sendTestReminderAction(tenant.merchant.id, IDLE, form({ payerId: payerA })))).toBe("forbidden");
    expect(await outcome(updateReminderSettingsAction(tenant.merchant.id, IDLE, form({ interval: "off", maxReminders: "1" })))).toBe("forbidden");
    expect(await requestCount(tenant.merchant.id)).toBe(before);
  });
});

describe("another merchant's member", () => {
  it("gets notFound for every page and action, and nothing changes on either side", async () => {
    await actAs(otherManager.email);
    const before = await requestCount(tenant.merchant.id);
    const testEmails = await db.emailMessage.count({ where: { template: "payment-reminder", to: otherManager.email } });
    expect(await outcome(loadRequestList(tenant.merchant.id, {}))).toBe("notFound");
    expect(await outcome(loadNewRequestForm(tenant.merchant.id))).toBe("notFound");
    expect(await outcome(loadRequest(tenant.merchant.id, requestA))).toBe("notFound");
    expect(await outcome(loadReminderSettings(tenant.merchant.id))).toBe("notFound");
    expect(await outcome(bill(tenant.merchant.id, {}))).toBe("notFound");
    expect(await outcome(cancelPaymentRequestAction(tenant.merchant.id, IDLE, form({ requestId: requestA })))).toBe("notFound");
    expect(await outcome(sendTestReminderAction(tenant.merchant.id, IDLE, form({ payerId: payerA })))).toBe("notFound");
    expect(await outcome(updateReminderSettingsAction(tenant.merchant.id, IDLE, form({ interval: "off", maxReminders: "1" })))).toBe("notFound");

    // In their own merchant, the other's ids are unknown: a request they cannot read, cancel or bill in.
    expect(await outcome(loadRequest(other.merchant.id, requestA))).toBe("notFound");
    expect(await cancelPaymentRequestAction(other.merchant.id, IDLE, form({ requestId: requestA }))).toMatchObject({ status: "error", error: refusal("PaymentRequests.errors.notFound") });
    expect(await sendTestReminderAction(other.merchant.id, IDLE, form({ payerId: payerA }))).toMatchObject({ status: "error", error: refusal("PaymentRequests.errors.notFound") });
    expect(await bill(other.merchant.id, {})).toMatchObject({ status: "error", fieldErrors: { storeId: refusal("PaymentRequests.errors.unknownStore") } });
    expect(await bill(other.merchant.id, { storeId: other.store.id, "line.0.productId": productA })).toMatchObject({
      status: "error",
      fieldErrors: { "line.0.productId": refusal("PaymentRequests.errors.unknownProduct") },
    });
    const ownList = await loadRequestList(other.merchant.id, {});
    expect(ownList.requests).toEqual([]);
    expect(ownList.totals).toEqual([]);

    expect(await requestCount(tenant.merchant.id)).toBe(before);
    expect(await requestCount(other.merchant.id)).toBe(0);
    expect((await db.paymentRequest.findFirstOrThrow({ where: { id: requestA, merchantId: tenant.merchant.id }, select: { status: true } })).status).toBe("OPEN");
    expect(await db.emailMessage.count({ where: { template: "payment-reminder", to: otherManager.email } })).toBe(testEmails);
    expect((await loadSettingsAs(owner.email)).days).toBe(7);
  });
});

async function loadSettingsAs(email: string) {
  await actAs(email);
  return (await loadReminderSettings(tenant.merchant.id)).settings;
}
