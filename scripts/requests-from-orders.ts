/**
 * `npm run requests:from-orders -- [--dry-run] [--merchant <id>] [--store <slug>]`: unpaid orders
 * become payment requests (lib/payment-requests/from-orders.ts, the condition the merchant's
 * button uses too). `--dry-run` lists them per store and writes nothing; the real run creates
 * them, one transaction per order, and a second run creates nothing new. `--help` says more
 * (scripts/lib/requests-backfill.ts, which also holds what is printed).
 *
 * Exit codes: 0 done, 1 error, 2 bad arguments.
 */
import { disconnectDb } from "@/lib/db";
import { countRequestsFromOrders, findOrderScope, listConvertibleOrders, requestFromOrder, summarizeByStore } from "@/lib/payment-requests/from-orders";
import type { MerchantId } from "@/lib/tenancy/types";
import {
  BACKFILL_USAGE,
  backfillDatabaseUrl,
  formatDryRun,
  formatRun,
  parseBackfillArgs,
  redactDatabaseUrl,
  summarizeRun,
  type BackfillOptions,
  type OrderOutcome,
} from "./lib/requests-backfill";

class BadArguments extends Error {}

async function run(options: BackfillOptions): Promise<void> {
  const found = await findOrderScope({ merchantId: options.merchantId, storeSlug: options.storeSlug });
  if (!found.ok) {
    throw new BadArguments(
      found.reason === "unknownMerchant"
        ? `No merchant has the id "${options.merchantId}".`
        : `No store has the slug "${options.storeSlug}"${options.merchantId ? ` at merchant ${options.merchantId}` : ""}.`,
    );
  }
  const orders = await listConvertibleOrders(found.scope);
  if (options.dryRun) {
    for (const line of formatDryRun(summarizeByStore(orders))) console.log(line);
    return;
  }
  const earlier = await countRequestsFromOrders(found.scope);
  const outcomes: OrderOutcome[] = [];
  for (const order of orders) {
    // The platform's own run: no member acts, every store of the order's merchant is in reach.
    const result = await requestFromOrder({ merchantId: order.merchantId as MerchantId, userId: null, storeIds: null }, order.id);
    outcomes.push({
      storeSlug: order.storeSlug,
      currency: order.currency,
      totalCents: order.totalCents,
      outcome: !result.ok ? "skipped" : result.created ? "created" : "present",
    });
  }
  for (const line of formatRun(summarizeRun(outcomes, earlier))) console.log(line);
}

async function main(): Promise<number> {
  const args = parseBackfillArgs(process.argv.slice(2));
  if (args.kind === "help") {
    console.log(BACKFILL_USAGE);
    return 0;
  }
  if (args.kind === "error") {
    console.error(`${args.message}\nSee: npm run requests:from-orders -- --help`);
    return 2;
  }
  const database = backfillDatabaseUrl({ DATABASE_URL: process.env.DATABASE_URL, PATRON_PG_PORT: process.env.PATRON_PG_PORT });
  if (!database.ok) {
    console.error(database.message);
    return 1;
  }
  if (database.embedded) {
    console.log(`DATABASE_URL is not set: using the embedded database of \`npm run dev\` (${redactDatabaseUrl(database.url)}).`);
    process.env.DATABASE_URL = database.url;
  }
  try {
    await run(args.options);
    return 0;
  } catch (error) {
    if (error instanceof BadArguments) {
      console.error(error.message);
      return 2;
    }
    console.error(`The backfill stopped: ${error instanceof Error ? error.message : String(error)}`);
    if (database.embedded) console.error("Is `npm run dev` running? Without DATABASE_URL this script uses its embedded database.");
    return 1;
  } finally {
    await disconnectDb().catch(() => {});
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
