import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { createCustomerRow } from "@/tests/integration/cart-fixtures";
import { createGiftCardOrder } from "@/tests/integration/gift-card-order-fixtures";
import { createOrderRow } from "@/tests/integration/order-fixtures";
import { billPayer, createBillingTenant, createStoreRow, type BillingTenant } from "@/tests/integration/payment-request-fixtures";
import { isConvertibleOrder, listConvertibleOrders, requestFromOrder, summarizeByStore } from "./from-orders";
import type { RequestActor } from "./mutations";

const run = promisify(execFile);
/** A child process on a busy machine: generous, never a timing assumption. */
const SCRIPT_TIMEOUT = 180_000;

/** `npm run requests:from-orders -- <args>` against the test database: its exit code and what it printed. */
async function backfill(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", "requests:from-orders", "--", ...args], {
      env: { ...process.env, ...env },
      timeout: SCRIPT_TIMEOUT,
      maxBuffer: 10 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** Every payment-request row of the platform: a dry run leaves them all as they were. */
async function allRequestRows() {
  const [requests, payers, lines, events, audits] = await Promise.all([
    db.paymentRequest.count(),
    db.payer.count(),
    db.paymentRequestLine.count(),
    db.paymentRequestEvent.count(),
    db.auditEvent.count(),
  ]);
  return { requests, payers, lines, events, audits };
}

const platformRun = (tenant: { merchant: { id: string } }): RequestActor => ({ merchantId: tenant.merchant.id as MerchantId, userId: null, storeIds: null });

let minute = 0;
/** Orders a minute apart, in the order they are written. */
function at(): string {
  minute += 1;
  return new Date(Date.UTC(2026, 10, 1, 8, minute)).toISOString();
}

const scarf = { productId: null, title: "Scarf", unitPriceCents: 3000, quantity: 1 };
const belt = { productId: null, title: "Belt", unitPriceCents: 1500, quantity: 2 };

async function cancelledOrder(tenant: { merchant: { id: string } }, storeId: string, data: { lines?: (typeof scarf)[]; discount?: number; currency?: string; email?: string } = {}) {
  return createOrderRow(tenant, storeId, {
    status: "CANCELLED",
    createdAt: at(),
    lines: data.lines ?? [scarf],
    discounts: data.discount ? [{ code: "TENOFF", amountCents: data.discount }] : [],
    currency: data.currency,
    email: data.email,
  });
}

async function cartOf(tenant: BillingTenant, storeId = tenant.store.id) {
  return db.cart.create({ data: { merchantId: tenant.merchant.id, storeId, status: "CHECKED_OUT" }, select: { id: true } });
}

async function inCart(orderId: string, cartId: string) {
  await db.order.update({ where: { id: orderId }, data: { cartId } });
}

/**
 * A merchant with every kind of unpaid and paid order: the ones that qualify (`expected`, in the
 * order they were placed) and the ones that must not.
 */
async function merchantWithOrders() {
  const tenant = await createBillingTenant();
  const zurich = await createStoreRow(tenant, { currency: "CHF" });
  const customer = await createCustomerRow(tenant, `nora-${tenant.tag}@example.test`);
  await db.customer.update({ where: { id: customer.id }, data: { name: "Nora Keller" } });

  const plain = await cancelledOrder(tenant, tenant.store.id, { lines: [scarf, belt], email: customer.email });
  await db.order.update({ where: { id: plain.id }, data: { customerId: customer.id, locale: "de" } });
  const discounted = await cancelledOrder(tenant, tenant.store.id, { lines: [scarf, belt], discount: 1000 });
  const inFrancs = await cancelledOrder(tenant, zurich.id, { currency: "CHF" });

  // Paid, or still waiting for its payment.
  await createOrderRow(tenant, tenant.store.id, { status: "PAID", createdAt: at(), lines: [scarf] });
  await createOrderRow(tenant, tenant.store.id, { status: "PENDING_PAYMENT", createdAt: at(), lines: [scarf] });
  // The shopper retried the cart and paid; another retried and is paying now.
  const retriedPaid = await cartOf(tenant);
  await inCart((await cancelledOrder(tenant, tenant.store.id)).id, retriedPaid.id);
  await inCart((await createOrderRow(tenant, tenant.store.id, { status: "PAID", createdAt: at(), lines: [scarf] })).id, retriedPaid.id);
  const retriedPending = await cartOf(tenant);
  await inCart((await cancelledOrder(tenant, tenant.store.id)).id, retriedPending.id);
  await inCart((await createOrderRow(tenant, tenant.store.id, { status: "PENDING_PAYMENT", createdAt: at(), lines: [scarf] })).id, retriedPending.id);
  // Two failed attempts at one cart: one purchase, the last attempt is billed.
  const failedTwice = await cartOf(tenant);
  const firstAttempt = await cancelledOrder(tenant, tenant.store.id);
  await inCart(firstAttempt.id, failedTwice.id);
  const lastAttempt = await cancelledOrder(tenant, tenant.store.id);
  await inCart(lastAttempt.id, failedTwice.id);
  // The order that tried to pay a request, and went unpaid: the request is still there to pay.
  const requestId = await billPayer(tenant);
  const requestOrder = await cancelledOrder(tenant, tenant.store.id);
  await db.order.update({ where: { id: requestOrder.id }, data: { paymentRequestId: requestId } });
  // Gift cards are sold through checkout only.
  const cardOrder = await createGiftCardOrder(
    { store: { id: tenant.store.id, merchantId: tenant.merchant.id } },
    [{ amountCents: 5000, quantity: 1, purchase: { recipient: null, message: null, deliverOn: null, locale: "en" } }],
  );
  await db.order.update({ where: { id: cardOrder.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
  // Below what a payment provider takes.
  await cancelledOrder(tenant, tenant.store.id, { lines: [{ ...scarf, unitPriceCents: 49 }] });
  // Made into a request already (by the merchant's button).
  const converted = await cancelledOrder(tenant, tenant.store.id);
  expect(await requestFromOrder(tenant.actor, converted.id)).toMatchObject({ ok: true, created: true });

  return { tenant, zurich, customer, plain, discounted, inFrancs, firstAttempt, lastAttempt, converted, expected: [plain, discounted, inFrancs, lastAttempt] };
}

describe("listConvertibleOrders", () => {
  it("lists exactly the unpaid orders that qualify, oldest first, and sums them per store", async () => {
    const shop = await merchantWithOrders();
    const orders = await listConvertibleOrders({ merchantId: shop.tenant.merchant.id });
    expect(orders.map((o) => o.id)).toEqual(shop.expected.map((o) => o.id));
    expect(orders[0]).toEqual({
      id: shop.plain.id,
      merchantId: shop.tenant.merchant.id,
      storeId: shop.tenant.store.id,
      storeSlug: shop.tenant.store.slug,
      number: shop.plain.number,
      currency: "EUR",
      totalCents: 6000,
    });
    expect(summarizeByStore(orders)).toEqual(
      [
        { storeSlug: shop.tenant.store.slug, currency: "EUR", orders: 3, totalCents: 6000 + 5000 + 3000 },
        { storeSlug: shop.zurich.slug, currency: "CHF", orders: 1, totalCents: 3000 },
      ].sort((a, b) => (a.storeSlug < b.storeSlug ? -1 : 1)),
    );
    expect((await listConvertibleOrders({ merchantId: shop.tenant.merchant.id, storeId: shop.zurich.id })).map((o) => o.id)).toEqual([shop.inFrancs.id]);
    for (const order of shop.expected) expect(await isConvertibleOrder(shop.tenant.merchant.id as MerchantId, order.id === shop.inFrancs.id ? (shop.zurich.id as StoreId) : (shop.tenant.store.id as StoreId), order.id)).toBe(true);
    expect(await isConvertibleOrder(shop.tenant.merchant.id as MerchantId, shop.tenant.store.id as StoreId, shop.converted.id)).toBe(false);
  });

  it("lists nothing of another merchant", async () => {
    const shop = await merchantWithOrders();
    const other = await createBillingTenant();
    expect(await listConvertibleOrders({ merchantId: other.merchant.id })).toEqual([]);
    expect(await listConvertibleOrders({ merchantId: other.merchant.id, storeId: shop.tenant.store.id })).toEqual([]);
  });
});

describe("requestFromOrder", () => {
  it("bills the buyer for the order's lines, referenced by its number, and says so once", async () => {
    const shop = await merchantWithOrders();
    const first = await requestFromOrder(shop.tenant.actor, shop.plain.id);
    expect(first).toMatchObject({ ok: true, created: true });
    expect(await requestFromOrder(shop.tenant.actor, shop.plain.id)).toEqual({ ...first, created: false });
    if (!first.ok) return;
    const request = await db.paymentRequest.findUniqueOrThrow({
      where: { id: first.requestId },
      select: {
        reference: true,
        currency: true,
        totalCents: true,
        status: true,
        dueOn: true,
        sourceOrderId: true,
        customerId: true,
        payer: { select: { name: true, email: true, locale: true } },
        lines: { select: { title: true, unitPriceCents: true, quantity: true, totalCents: true }, orderBy: { position: "asc" } },
        events: { select: { kind: true, actorUserId: true } },
      },
    });
    expect(request).toEqual({
      reference: `order-${shop.plain.number}`,
      currency: "EUR",
      totalCents: 6000,
      status: "OPEN",
      dueOn: null,
      sourceOrderId: shop.plain.id,
      customerId: shop.customer.id,
      payer: { name: "Nora Keller", email: shop.customer.email, locale: "de" },
      lines: [
        { title: "Scarf", unitPriceCents: 3000, quantity: 1, totalCents: 3000 },
        { title: "Belt", unitPriceCents: 1500, quantity: 2, totalCents: 3000 },
      ],
      events: [{ kind: "CREATED", actorUserId: shop.tenant.owner.id }],
    });
    const audit = await db.auditEvent.findMany({ where: { merchantId: shop.tenant.merchant.id, action: "paymentRequest.fromOrder", targetId: first.requestId } });
    expect(audit).toHaveLength(1);
  });

  it("bills one line for the total of a discounted order", async () => {
    const shop = await merchantWithOrders();
    const result = await requestFromOrder(platformRun(shop.tenant), shop.discounted.id);
    if (!result.ok) throw new Error("not converted");
    const lines = await db.paymentRequestLine.findMany({ where: { requestId: result.requestId }, select: { title: true, unitPriceCents: true, quantity: true, productId: true } });
    expect(lines).toEqual([{ title: "Scarf, 2 × Belt", unitPriceCents: 5000, quantity: 1, productId: null }]);
  });

  it("makes one request of 5 concurrent calls", async () => {
    const shop = await merchantWithOrders();
    const results = await Promise.all(Array.from({ length: 5 }, () => requestFromOrder(platformRun(shop.tenant), shop.inFrancs.id)));
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    const ids = new Set(results.map((r) => (r.ok ? r.requestId : "refused")));
    expect(ids.size).toBe(1);
    expect(ids.has("refused")).toBe(false);
    expect(await db.paymentRequest.count({ where: { sourceOrderId: shop.inFrancs.id } })).toBe(1);
    expect(await db.paymentRequestEvent.count({ where: { request: { sourceOrderId: shop.inFrancs.id } } })).toBe(1);
  });

  it("bills two failed attempts at one cart once, even when both are converted at the same time", async () => {
    const shop = await merchantWithOrders();
    const results = await Promise.all([
      requestFromOrder(platformRun(shop.tenant), shop.firstAttempt.id),
      requestFromOrder(platformRun(shop.tenant), shop.lastAttempt.id),
    ]);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "notConvertible" }]);
    expect(await db.paymentRequest.count({ where: { sourceOrderId: { in: [shop.firstAttempt.id, shop.lastAttempt.id] } } })).toBe(1);
  });

  it("refuses an order that does not qualify, and writes nothing", async () => {
    const tenant = await createBillingTenant();
    const paid = await createOrderRow(tenant, tenant.store.id, { status: "PAID", createdAt: at(), lines: [scarf] });
    const before = await allRequestRows();
    expect(await requestFromOrder(tenant.actor, paid.id)).toEqual({ ok: false, reason: "notConvertible" });
    expect(await allRequestRows()).toEqual(before);
  });

  it("finds nothing of another merchant, nor of a store outside the member's", async () => {
    const shop = await merchantWithOrders();
    const other = await createBillingTenant();
    const before = await allRequestRows();
    expect(await requestFromOrder(other.actor, shop.plain.id)).toEqual({ ok: false, reason: "notFound" });
    expect(await requestFromOrder({ ...other.actor, userId: null }, shop.plain.id)).toEqual({ ok: false, reason: "notFound" });
    expect(await requestFromOrder({ ...shop.tenant.actor, storeIds: [shop.zurich.id as StoreId] }, shop.plain.id)).toEqual({ ok: false, reason: "notFound" });
    expect(await requestFromOrder(shop.tenant.actor, `missing-${randomUUID().slice(0, 8)}`)).toEqual({ ok: false, reason: "notFound" });
    expect(await allRequestRows()).toEqual(before);
  });
});

describe("npm run requests:from-orders", () => {
  it(
    "lists per store in a dry run and writes nothing, then creates the requests, then nothing new",
    async () => {
      const shop = await merchantWithOrders();
      const merchant = ["--merchant", shop.tenant.merchant.id];

      const before = await allRequestRows();
      const dry = await backfill(["--dry-run", ...merchant]);
      expect(dry.stderr).toBe("");
      expect(dry.code).toBe(0);
      expect(await allRequestRows()).toEqual(before);
      expect(dry.stdout).toContain("Nothing was written.");
      expect(dry.stdout).toMatch(new RegExp(`${shop.tenant.store.slug}\\s+3\\s+€140\\.00 \\(14000 EUR minor units\\)`));
      expect(dry.stdout).toMatch(new RegExp(`${shop.zurich.slug}\\s+1\\s+CHF 30\\.00 \\(3000 CHF minor units\\)`));
      expect(dry.stdout).toContain("4 orders in 2 stores.");

      const real = await backfill(merchant);
      expect(real.code).toBe(0);
      expect(real.stdout).toContain("4 requests created, 1 already present.");
      const made = await db.paymentRequest.findMany({
        where: { merchantId: shop.tenant.merchant.id, sourceOrderId: { not: null } },
        select: { sourceOrderId: true, events: { select: { kind: true, actorUserId: true } } },
      });
      expect(made.map((r) => r.sourceOrderId).sort()).toEqual([...shop.expected.map((o) => o.id), shop.converted.id].sort());
      // The platform's run: no member in the history, no audit event.
      expect(made.filter((r) => r.sourceOrderId !== shop.converted.id).every((r) => r.events.length === 1 && r.events[0]!.actorUserId === null)).toBe(true);
      expect(await db.auditEvent.count({ where: { merchantId: shop.tenant.merchant.id, action: "paymentRequest.fromOrder" } })).toBe(1);
      expect(await listConvertibleOrders({ merchantId: shop.tenant.merchant.id })).toEqual([]);

      const afterFirst = await allRequestRows();
      const again = await backfill(merchant);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain("Nothing new");
      expect(again.stdout).toContain("0 requests created, 5 already present.");
      expect(await allRequestRows()).toEqual(afterFirst);

      const dryAgain = await backfill(["--dry-run", ...merchant]);
      expect(dryAgain.stdout).toContain("no unpaid order would become a payment request");
    },
    SCRIPT_TIMEOUT * 4,
  );

  it(
    "narrows to one store",
    async () => {
      const shop = await merchantWithOrders();
      const dry = await backfill(["--dry-run", "--store", shop.zurich.slug]);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain("1 order in 1 store.");
      expect(dry.stdout).not.toContain(shop.tenant.store.slug);
      const real = await backfill([`--store=${shop.zurich.slug}`, "--merchant", shop.tenant.merchant.id]);
      expect(real.code).toBe(0);
      expect(real.stdout).toContain("1 request created, 0 already present.");
      expect((await listConvertibleOrders({ merchantId: shop.tenant.merchant.id })).map((o) => o.id)).toEqual([shop.plain.id, shop.discounted.id, shop.lastAttempt.id]);
    },
    SCRIPT_TIMEOUT * 2,
  );

  it(
    "exits 2 on bad arguments and on a merchant or store that does not exist, 1 when the database cannot be reached",
    async () => {
      const shop = await merchantWithOrders();
      const before = await allRequestRows();
      const other = await createBillingTenant();
      const results = [];
      for (const args of [
        ["--dryrun"],
        ["--store"],
        ["--dry-run", "--merchant", `nobody${shop.tenant.tag}`],
        ["--dry-run", "--store", `nowhere-${shop.tenant.tag}`],
        // A store of another merchant than the one named.
        ["--store", shop.tenant.store.slug, "--merchant", other.merchant.id],
      ]) {
        results.push(await backfill(args));
      }
      expect(results.map((r) => r.code)).toEqual([2, 2, 2, 2, 2]);
      expect(results[0]!.stderr).toContain("Unknown argument: --dryrun");
      expect(results[2]!.stderr).toContain("No merchant has the id");
      expect(results[3]!.stderr).toContain("No store has the slug");

      const help = await backfill(["--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain("--dry-run");

      // Nothing listens there: the script says so and fails.
      const unreachable = await backfill(["--dry-run"], { DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:9/patron" });
      expect(unreachable.code).toBe(1);
      expect(unreachable.stderr).toContain("The backfill stopped");
      expect(await allRequestRows()).toEqual(before);
    },
    SCRIPT_TIMEOUT * 3,
  );
});
