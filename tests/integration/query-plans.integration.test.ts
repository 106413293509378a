import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before lib/db creates its client: record the SQL Prisma sends, to EXPLAIN exactly that.
vi.hoisted(() => {
  process.env.PATRON_COUNT_QUERIES = "1";
});

const { queriesSent } = await import("@/lib/db");
const { listPublicProducts } = await import("@/lib/catalog/data");
const { listCustomerOrders, listStoreOrders } = await import("@/lib/orders/data");
const { benchStore, generateDataset } = await import("@/scripts/bench/dataset");
import type { MerchantId, StoreId } from "@/lib/tenancy/types";

/**
 * The heaviest reads of the storefront and the merchant area, planned by PostgreSQL on a data set
 * large enough for the planner to care (the benchmark's generator at a reduced scale): each must
 * use its index, and none may scan its whole table. The data set lives in one transaction of its
 * own connection, rolled back at the end, so no other test ever sees it; the statements are the
 * ones Prisma sends for the real reads, planned inside that transaction.
 */
const SCALE = { merchants: 2, storesPerMerchant: 2, products: 20_000, customers: 4_000, orders: 20_000, ledgerRows: 0 };

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

let client: pg.Client;

/** Runs `read`, then EXPLAINs each statement it sent on `table` (with its parameters). */
async function plansOf(read: () => Promise<unknown>, table: string): Promise<PlanNode[][]> {
  const before = queriesSent()!.count;
  await read();
  const sent = queriesSent()!;
  const statements = sent.recent.slice(-(sent.count - before)).filter((q) => q.query.includes(`FROM "public"."${table}"`));
  expect(statements.length).toBeGreaterThan(0);
  const plans: PlanNode[][] = [];
  // One connection: its statements run one after another.
  for (const statement of statements) {
    const params = JSON.parse(statement.params) as unknown[];
    const { rows } = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) ${statement.query}`, params);
    plans.push(nodes(rows[0]!["QUERY PLAN"][0]!.Plan));
  }
  return plans;
}

/** Every statement reads `table` through `index` and none scans the whole table. */
function expectIndex(plans: PlanNode[][], table: string, index: string) {
  for (const plan of plans) {
    const summary = plan.map((n) => [n["Node Type"], n["Relation Name"] ?? "", n["Index Name"] ?? ""].join(" ").trim());
    expect(plan.filter((n) => n["Relation Name"] === table && n["Node Type"] === "Seq Scan"), summary.join(" > ")).toEqual([]);
    expect(plan.some((n) => n["Index Name"] === index), summary.join(" > ")).toBe(true);
  }
}

describe("query plans at scale", () => {
  const store = benchStore(1, SCALE);
  const merchantId = store.merchantId as MerchantId;
  const storeId = store.id as StoreId;

  beforeAll(async () => {
    const { Client } = (await import("pg")).default;
    client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query("BEGIN");
    await generateDataset(client, SCALE);
    await client.query("ANALYZE");
  }, 120_000);

  afterAll(async () => {
    await client.query("ROLLBACK");
    await client.end();
  });

  it("a storefront listing page reads its 12 products through the listing index", async () => {
    const plans = await plansOf(() => listPublicProducts(merchantId, storeId, "en", "en", 40), "Product");
    // The page, then the count of the store's public products (through any index of the store).
    expect(plans).toHaveLength(2);
    const [page, count] = [...plans].sort((a, b) => Number(a[0]!["Node Type"] === "Aggregate") - Number(b[0]!["Node Type"] === "Aggregate"));
    expectIndex([page!], "Product", "Product_storeId_visibility_createdAt_id_idx");
    expect(count!.filter((n) => n["Relation Name"] === "Product" && n["Node Type"] === "Seq Scan")).toEqual([]);
  });

  it("a store's orders in the merchant area come from the store's order index, newest first", async () => {
    expectIndex(await plansOf(() => listStoreOrders(merchantId, storeId), "Order"), "Order", "Order_storeId_createdAt_id_idx");
  });

  it("a customer's orders on the storefront come from the customer's order index", async () => {
    expectIndex(await plansOf(() => listCustomerOrders(merchantId, storeId, "bcust1"), "Order"), "Order", "Order_customerId_createdAt_idx");
  });
});
