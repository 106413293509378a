import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTenant } from "@/tests/integration/fixtures";
import { createOrderRow } from "@/tests/integration/order-fixtures";
import { searchOrdersForAdmin } from "./data";
import { orderSearchSchema } from "./schema";

const search = (params: Record<string, string>) => searchOrdersForAdmin(orderSearchSchema.parse(params));

describe("admin order search", () => {
  it("finds orders by exact number, email, transaction id or payment reference, each with the merchant it belongs to", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const tag = randomUUID().slice(0, 8);
    const number = `N-${tag}`;
    const email = `buyer-${tag}@example.test`;
    const line = [{ productId: null, title: "Thing", unitPriceCents: 1500, quantity: 1 }];
    const now = new Date().toISOString();
    const orderA = await createOrderRow(a, a.store.id, { status: "PAID", createdAt: now, lines: line, number, email });
    const orderB = await createOrderRow(b, b.store.id, { status: "CANCELLED", createdAt: now, lines: line, number });
    await db.order.update({ where: { id: orderB.id }, data: { paymentRef: `cs_search_${tag}` } });
    const { transactionId } = await db.order.findUniqueOrThrow({ where: { id: orderA.id }, select: { transactionId: true } });

    const byNumber = await search({ q: number });
    expect(byNumber.rows.map((r) => [r.id, r.merchant.id, r.store.id]).sort()).toEqual(
      [
        [orderA.id, a.merchant.id, a.store.id],
        [orderB.id, b.merchant.id, b.store.id],
      ].sort(),
    );
    expect((await search({ q: number, merchant: b.merchant.id })).rows.map((r) => r.id)).toEqual([orderB.id]);
    expect((await search({ q: transactionId })).rows.map((r) => r.id)).toEqual([orderA.id]);
    expect((await search({ q: `cs_search_${tag}` })).rows.map((r) => r.id)).toEqual([orderB.id]);
    expect((await search({ q: ` ${email.toUpperCase()} ` })).rows.map((r) => r.id)).toEqual([orderA.id]);

    // Exact values only: a fragment lists nothing, and no value lists nothing.
    expect((await search({ q: number.slice(0, -1) })).total).toBe(0);
    expect((await search({ q: tag })).total).toBe(0);
    expect(await search({})).toMatchObject({ total: 0, rows: [] });
    expect((await search({ q: number, merchant: "someone-else" })).total).toBe(0);
  });

  it("refuses malformed searches", () => {
    expect(orderSearchSchema.safeParse({ q: "x".repeat(300) }).success).toBe(false);
    expect(orderSearchSchema.safeParse({ q: "000001", page: "0" }).success).toBe(false);
  });
});
