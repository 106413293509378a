import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { MerchantAreaStore } from "@/lib/auth/types";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { createProductRow } from "@/tests/integration/catalog-fixtures";
import { createTenant } from "@/tests/integration/fixtures";
import { createOrderRow } from "@/tests/integration/order-fixtures";
import { EXPORT_BATCH_SIZE, salesReport } from "./data";
import { ordersCsvStream } from "./export";
import { selectReport } from "./loaders";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
import { DEFAULT_TIME_ZONE } from "@/lib/time";

/**
 * The report figures against orders whose totals are known, across the rules of lib/reports/types.ts:
 * PAID and FULFILLED count, REFUNDED is shown apart, CANCELLED is only counted, PENDING_PAYMENT
 * not at all; days are Luxembourg days.
 */
async function shop() {
  const tenant = await createTenant();
  const second = await db.store.create({
    data: { merchantId: tenant.merchant.id, slug: `second-${tenant.tag}`, name: `Second ${tenant.tag}`, currency: "EUR", defaultLocale: "en", locales: ["en"] },
    select: { id: true },
  });
  const mug = await createProductRow(tenant, { slug: `mug-${tenant.tag}` });
  const tea = await createProductRow(tenant, { slug: `tea-${tenant.tag}` });
  const s1 = tenant.store.id;
  const s2 = second.id;
  const orders = {
    // Nov 10, 11:00 in Luxembourg: 2 mugs + 1 tea = 12.00, coupon SAVE10 (2.00): 10.00.
    a: await createOrderRow(tenant, s1, {
      status: "PAID",
      createdAt: "2026-11-10T10:00:00Z",
      number: "A",
      lines: [
        { productId: mug.id, title: "Mug", unitPriceCents: 300, quantity: 2 },
        { productId: tea.id, title: "Tea", unitPriceCents: 600, quantity: 1 },
      ],
      discounts: [{ code: "SAVE10", amountCents: 200 }],
    }),
    // Nov 10, 23:30 in Luxembourg (22:30 UTC): still Nov 10.
    b: await createOrderRow(tenant, s1, { status: "FULFILLED", createdAt: "2026-11-10T22:30:00Z", number: "B", lines: [{ productId: mug.id, title: "Mug (big)", unitPriceCents: 2000, quantity: 1 }] }),
    // Nov 11, 00:30 in Luxembourg (Nov 10, 23:30 UTC): Nov 11.
    c: await createOrderRow(tenant, s1, { status: "PAID", createdAt: "2026-11-10T23:30:00Z", number: "C", lines: [{ productId: tea.id, title: "Tea", unitPriceCents: 500, quantity: 1 }] }),
    refunded: await createOrderRow(tenant, s1, {
      status: "REFUNDED",
      createdAt: "2026-11-11T09:00:00Z",
      number: "D",
      lines: [{ productId: mug.id, title: "Mug", unitPriceCents: 1000, quantity: 1 }],
      discounts: [{ code: "SAVE10", amountCents: 300 }],
    }),
    cancelled: await createOrderRow(tenant, s1, { status: "CANCELLED", createdAt: "2026-11-11T09:00:00Z", number: "E", lines: [{ productId: mug.id, title: "Mug", unitPriceCents: 900, quantity: 1 }] }),
    pending: await createOrderRow(tenant, s1, { status: "PENDING_PAYMENT", createdAt: "2026-11-11T09:00:00Z", number: "F", lines: [{ productId: mug.id, title: "Mug", unitPriceCents: 300, quantity: 1 }] }),
    // Dec 1, 00:30 in Luxembourg: outside November.
    december: await createOrderRow(tenant, s1, { status: "PAID", createdAt: "2026-11-30T23:30:00Z", number: "G", lines: [{ productId: mug.id, title: "Mug", unitPriceCents: 800, quantity: 1 }] }),
    // The second store; its product has since been deleted (the line keeps its title).
    second: await createOrderRow(tenant, s2, { status: "PAID", createdAt: "2026-11-12T12:00:00Z", number: "H", lines: [{ productId: null, title: "Old poster", unitPriceCents: 999, quantity: 1 }] }),
  };
  return { tenant, merchantId: tenant.merchant.id as MerchantId, s1: s1 as StoreId, s2: s2 as StoreId, mug, tea, orders };
}

const NOVEMBER = { from: "2026-11-01", to: "2026-11-30" };

describe("salesReport", () => {
  it("adds up paid and fulfilled orders of every store, rounds the average, shows refunds and cancellations apart", async () => {
    const { merchantId } = await shop();
    // Another merchant's sales never show.
    const other = await createTenant();
    await createOrderRow(other, other.store.id, { status: "PAID", createdAt: "2026-11-10T10:00:00Z", lines: [{ productId: null, title: "Mug", unitPriceCents: 5000, quantity: 1 }] });

    const report = await salesReport(merchantId, null, NOVEMBER, DEFAULT_TIME_ZONE);
    expect(report.summaries).toEqual([
      {
        currency: "EUR",
        orders: 4,
        revenueCents: 1000 + 2000 + 500 + 999,
        discountCents: 200,
        // 4499 / 4 = 1124.75
        averageOrderCents: 1125,
        refundedOrders: 1,
        refundedCents: 700,
        cancelledOrders: 1,
        waivedOrders: 0,
        waivedCents: 0,
      },
    ]);
  });

  it("keeps orders completed with the payment waived out of every figure and shows them apart", async () => {
    const { tenant, merchantId, s1, mug } = await shop();
    // 0.40 - 0.10 = 0.30: below the payment minimum, completed without payment.
    const waived = await createOrderRow(tenant, s1, {
      status: "PAID",
      createdAt: "2026-11-10T10:00:00Z",
      number: "W",
      lines: [{ productId: mug.id, title: "Mug", unitPriceCents: 40, quantity: 1 }],
      discounts: [{ code: "SAVE10", amountCents: 10 }],
    });
    await db.order.update({ where: { id: waived.id }, data: { paymentWaived: true, paymentProvider: "NONE" } });

    const report = await salesReport(merchantId, [s1], NOVEMBER, DEFAULT_TIME_ZONE);
    expect(report.summaries[0]).toMatchObject({ orders: 3, revenueCents: 3500, discountCents: 200, averageOrderCents: 1167, waivedOrders: 1, waivedCents: 30 });
    expect(report.daily[0]!.days.find((d) => d.day === "2026-11-10")).toEqual({ day: "2026-11-10", orders: 2, revenueCents: 3000 });
    expect(report.topProducts.find((p) => p.productId === mug.id)).toMatchObject({ quantity: 3, orders: 2, revenueCents: 2600 });
    expect(report.coupons).toEqual([{ code: "SAVE10", currency: "EUR", orders: 1, discountCents: 200 }]);
    // The CSV lists it with the payment marked as waived.
    const csv = await readAll(ordersCsvStream({ merchantId, stores: [], store: "all", storeIds: [s1], period: NOVEMBER, timeZone: DEFAULT_TIME_ZONE }, (c) => c));
    const rows = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n").map((l) => l.split(","));
    expect(rows.filter((r) => r.at(-1) === "true").map((r) => r[0])).toEqual(["W"]);
  });

  it("takes partial refunds off the sales of the order's day and shows them with the refunds", async () => {
    const { tenant, merchantId, s1, mug } = await shop();
    const partly = await createOrderRow(tenant, s1, { status: "PAID", createdAt: "2026-11-10T10:00:00Z", number: "P", lines: [{ productId: mug.id, title: "Mug", unitPriceCents: 1500, quantity: 1 }] });
    await db.order.update({ where: { id: partly.id }, data: { refundedCents: 400, refundCount: 1 } });

    const report = await salesReport(merchantId, [s1], NOVEMBER, DEFAULT_TIME_ZONE);
    expect(report.summaries[0]).toMatchObject({ orders: 4, revenueCents: 3500 + 1100, refundedOrders: 2, refundedCents: 700 + 400 });
    expect(report.daily[0]!.days.find((d) => d.day === "2026-11-10")).toEqual({ day: "2026-11-10", orders: 3, revenueCents: 3000 + 1100 });
  });

  it("limits every figure to the chosen store", async () => {
    const { merchantId, s1, s2 } = await shop();
    const first = await salesReport(merchantId, [s1], NOVEMBER, DEFAULT_TIME_ZONE);
    // 3500 / 3 = 1166.67
    expect(first.summaries[0]).toMatchObject({ orders: 3, revenueCents: 3500, averageOrderCents: 1167, refundedOrders: 1, cancelledOrders: 1 });
    const second = await salesReport(merchantId, [s2], NOVEMBER, DEFAULT_TIME_ZONE);
    expect(second.summaries[0]).toMatchObject({ orders: 1, revenueCents: 999, averageOrderCents: 999, refundedOrders: 0 });
    expect(second.topProducts).toEqual([{ productId: null, title: "Old poster", currency: "EUR", quantity: 1, orders: 1, revenueCents: 999 }]);
    expect(second.coupons).toEqual([]);
  });

  it("puts each order on its Luxembourg day and lists every day of the period", async () => {
    const { merchantId, s1 } = await shop();
    const report = await salesReport(merchantId, [s1], NOVEMBER, DEFAULT_TIME_ZONE);
    const days = report.daily[0]!.days;
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual({ day: "2026-11-01", orders: 0, revenueCents: 0 });
    expect(days.find((d) => d.day === "2026-11-10")).toEqual({ day: "2026-11-10", orders: 2, revenueCents: 3000 });
    expect(days.find((d) => d.day === "2026-11-11")).toEqual({ day: "2026-11-11", orders: 1, revenueCents: 500 });
    expect(days.reduce((sum, d) => sum + d.revenueCents, 0)).toBe(3500);
    // December 1st starts at 23:00 UTC on November 30th.
    const december = await salesReport(merchantId, [s1], { from: "2026-12-01", to: "2026-12-01" }, DEFAULT_TIME_ZONE);
    expect(december.daily[0]!.days).toEqual([{ day: "2026-12-01", orders: 1, revenueCents: 800 }]);
  });

  it("ranks top products by revenue from counted orders only, and counts coupon uses of counted orders", async () => {
    const { merchantId, s1, mug, tea } = await shop();
    const report = await salesReport(merchantId, [s1], NOVEMBER, DEFAULT_TIME_ZONE);
    expect(report.topProducts).toEqual([
      // The newest title sold is shown.
      { productId: mug.id, title: "Mug (big)", currency: "EUR", quantity: 3, orders: 2, revenueCents: 2600 },
      { productId: tea.id, title: "Tea", currency: "EUR", quantity: 2, orders: 2, revenueCents: 1100 },
    ]);
    // The refunded order's use of SAVE10 does not count.
    expect(report.coupons).toEqual([{ code: "SAVE10", currency: "EUR", orders: 1, discountCents: 200 }]);
  });

  it("is empty for a period without orders", async () => {
    const { merchantId } = await shop();
    const report = await salesReport(merchantId, null, { from: "2026-01-01", to: "2026-01-31" }, DEFAULT_TIME_ZONE);
    expect(report).toMatchObject({ summaries: [], daily: [], topProducts: [], coupons: [] });
  });
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("ordersCsvStream", () => {
  it("streams every order of the period, any status, oldest first, in local time with decimal amounts", async () => {
    const { merchantId, tenant } = await shop();
    const csv = await readAll(
      ordersCsvStream({ merchantId, stores: [], store: "all", storeIds: null, period: NOVEMBER, timeZone: DEFAULT_TIME_ZONE }, (c) => c.toUpperCase()),
    );
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("NUMBER,STORE,PLACEDAT,STATUS,EMAIL,CURRENCY,SUBTOTAL,DISCOUNT,TOTAL,COUPONS,PAIDAT,REFUNDEDAT,CANCELLEDAT,PAYMENTWAIVED");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["A", "B", "C", "D", "E", "F", "H"]);
    const a = lines[1]!.split(",");
    expect(a.slice(1, 4)).toEqual([tenant.store.slug, "2026-11-10 11:00:00", "PAID"]);
    expect(a.slice(5)).toEqual(["EUR", "12.00", "2.00", "10.00", "SAVE10", "2026-11-10 11:00:00", "", "", "false"]);
    expect(lines[3]!.split(",")[2]).toBe("2026-11-11 00:30:00");
  });

  it("reads past one batch without losing or repeating an order", async () => {
    const tenant = await createTenant();
    const count = EXPORT_BATCH_SIZE + 3;
    const base = Date.parse("2026-10-05T08:00:00Z");
    // Some orders share a timestamp: the (createdAt, id) cursor must still visit each once.
    await db.order.createMany({
      data: Array.from({ length: count }, (_, i) => {
        const key = randomUUID();
        return {
          merchantId: tenant.merchant.id,
          storeId: tenant.store.id,
          number: `N-${String(i).padStart(4, "0")}`,
          email: "bulk@example.test",
          locale: "en",
          currency: "EUR",
          status: "PAID" as const,
          subtotalCents: 100,
          discountCents: 0,
          totalCents: 100,
          amountDueCents: 100,
          paymentProvider: "TEST" as const,
          idempotencyKey: key,
          transactionId: key,
          createdAt: new Date(base + Math.floor(i / 3) * 1000),
        };
      }),
    });
    const csv = await readAll(
      ordersCsvStream(
        { merchantId: tenant.merchant.id as MerchantId, stores: [], store: "all", storeIds: null, period: { from: "2026-10-01", to: "2026-10-31" }, timeZone: DEFAULT_TIME_ZONE },
        (c) => c,
      ),
    );
    const numbers = csv.trimEnd().split("\r\n").slice(1).map((l) => l.split(",")[0]);
    expect(numbers).toHaveLength(count);
    expect(new Set(numbers).size).toBe(count);
  });
});

describe("selectReport", () => {
  const store = (id: string, timeZone: string): MerchantAreaStore => ({ id: id as StoreId, slug: id, name: id, defaultLocale: "en", isOpen: true, timeZone });
  const merchant = "m" as MerchantId;
  const lux = store("s-lux", DEFAULT_TIME_ZONE);
  const far = store("s-far", "Asia/Kathmandu");
  // 20:00 UTC on Dec 1 is still Dec 1 in Luxembourg, already Dec 2 in Kathmandu.
  const now = new Date("2026-12-01T20:00:00Z");

  it("reads one store's days in that store's zone", () => {
    const chosen = selectReport(merchant, null, [lux, far], { store: far.id }, now);
    expect(chosen).toMatchObject({ ok: true, selection: { timeZone: "Asia/Kathmandu", storeIds: [far.id], period: { to: "2026-12-02" } } });
    expect(selectReport(merchant, null, [lux, far], { store: lux.id }, now)).toMatchObject({ ok: true, selection: { timeZone: DEFAULT_TIME_ZONE, period: { to: "2026-12-01" } } });
  });

  it("reads all stores' days in the zone they share, else in the platform's default", () => {
    expect(selectReport(merchant, null, [far, store("s-far2", "Asia/Kathmandu")], {}, now)).toMatchObject({ ok: true, selection: { timeZone: "Asia/Kathmandu", storeIds: null, period: { to: "2026-12-02" } } });
    expect(selectReport(merchant, null, [lux, far], {}, now)).toMatchObject({ ok: true, selection: { timeZone: DEFAULT_TIME_ZONE, period: { to: "2026-12-01" } } });
  });

  it("still refuses bad dates before an unknown store", () => {
    expect(selectReport(merchant, null, [lux], { store: "nope" }, now)).toEqual({ ok: false, error: "invalidStore" });
    expect(selectReport(merchant, null, [lux], { store: "nope", from: "2026-02-30" }, now)).toEqual({ ok: false, error: "invalidDate" });
  });
});
