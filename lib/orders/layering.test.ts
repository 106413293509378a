import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

/** The source modules under `dir` (tests, fixtures and generated code left out). */
function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !/(^|\/)testing(\.ts|\/)/.test(file))
    .map((file) => path.join(dir, file))
    .filter((file) => !file.startsWith("lib/generated/"));
}

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

/** The object literal that starts at `open` (a "{"), by brace depth. */
function objectAt(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    if (text[i] === "}" && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

/** Where a module writes Order.status: Prisma updates whose data sets it, and raw UPDATEs. */
function orderStatusWrites(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\.order\.(update|updateMany|updateManyAndReturn|upsert)\(\s*\{/g)) {
    const call = objectAt(text, match.index + match[0].length - 1);
    const data = call.indexOf("data:");
    if (data >= 0 && /\bstatus\s*:/.test(objectAt(call, call.indexOf("{", data)))) found.push(call.slice(0, 80));
  }
  for (const match of text.matchAll(/UPDATE\s+"Order"[^`;]*?SET([^`;]*?)(WHERE|FROM|RETURNING|`|;)/g)) {
    if (/\bstatus\s*=/.test(match[1]!)) found.push(match[0].slice(0, 80));
  }
  return found;
}

describe("the order lifecycle owns order statuses", () => {
  it("the detector finds status writes in every form", () => {
    expect(orderStatusWrites(`await tx.order.updateMany({ where: { id, status: "PAID" }, data: { status: "FULFILLED" } })`)).toHaveLength(1);
    expect(orderStatusWrites(`await db.order.update({ where: { id }, data: { refundedAt: null, status: previous } })`)).toHaveLength(1);
    expect(orderStatusWrites('await tx.$executeRaw`UPDATE "Order" SET "updatedAt" = now(), status = \'PAID\' WHERE id = ${id}`')).toHaveLength(1);
    expect(orderStatusWrites(`await tx.order.updateMany({ where: { id, status: "PENDING_PAYMENT" }, data: { paymentRef } })`)).toEqual([]);
  });

  it("no module but lib/orders/lifecycle.ts changes an order's status", () => {
    const writers = ["lib", "app", "scripts"]
      .flatMap(sources)
      .filter((file) => file !== "lib/orders/lifecycle.ts")
      .filter((file) => orderStatusWrites(read(file)).length > 0);
    expect(writers).toEqual([]);
  });
});

describe("payments report outcomes to the order lifecycle, never the other way", () => {
  // lib/payments imports lib/orders (to report paid and failed payments, to claim refunds, and
  // the merchant's refund action); lib/orders never imports lib/payments.
  it("no module of lib/orders imports lib/payments", () => {
    const importers = sources("lib/orders")
      .filter((file) => /from\s+["']@\/lib\/payments[/"']|import\(\s*["']@\/lib\/payments[/"']/.test(read(file)));
    expect(importers).toEqual([]);
  });
});
