/**
 * `npm run requests:from-orders`: what it reads from its command line and environment, and what
 * it prints. Pure (tested in requests-backfill.test.ts); scripts/requests-from-orders.ts does the
 * database work through lib/payment-requests/from-orders.ts.
 */
import type { StoreSummary } from "@/lib/payment-requests/from-orders";
import { formatMoney } from "@/lib/money";

export const BACKFILL_USAGE = `Turns unpaid orders into payment requests (lib/payment-requests/from-orders.ts).

Usage: npm run requests:from-orders -- [--dry-run] [--merchant <id>] [--store <slug>]

  --dry-run          list the orders that would become requests, per store; write nothing
  --merchant <id>    only the orders of this merchant
  --store <slug>     only the orders of this store
  --help             this text

An order qualifies when it was cancelled without being paid, costs at least the payment minimum,
bought no gift card, paid for no request itself, has no request yet, and its cart did not go on
into another order. Each becomes one request billed to the order's email, referenced
"order-<number>", without a due date. Running it again creates nothing new.

DATABASE_URL names the database; without it, the embedded database of a running \`npm run dev\`
(port PATRON_PG_PORT, 5433 by default).

Exit codes: 0 done, 1 error (e.g. the database cannot be reached), 2 bad arguments
(including a merchant or store that does not exist).`;

export interface BackfillOptions {
  dryRun: boolean;
  merchantId: string | null;
  storeSlug: string | null;
}

export type BackfillArgs = { kind: "help" } | { kind: "run"; options: BackfillOptions } | { kind: "error"; message: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** The command line after the script's name (`--name value` or `--name=value`); --help wins over anything else. */
export function parseBackfillArgs(argv: readonly string[]): BackfillArgs {
  if (argv.some((arg) => arg === "--help" || arg === "-h")) return { kind: "help" };
  const options: BackfillOptions = { dryRun: false, merchantId: null, storeSlug: null };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (seen.has(name)) return { kind: "error", message: `${name} is given twice.` };
    seen.add(name);
    switch (name) {
      case "--dry-run":
        if (inline !== undefined) return { kind: "error", message: "--dry-run takes no value." };
        options.dryRun = true;
        break;
      case "--merchant":
      case "--store": {
        const value = inline ?? argv[++i];
        if (value === undefined || value === "" || value.startsWith("--")) return { kind: "error", message: `${name} needs a value.` };
        if (name === "--merchant") {
          if (!ID.test(value)) return { kind: "error", message: `--merchant: "${value}" is not a merchant id.` };
          options.merchantId = value;
        } else {
          if (!SLUG.test(value)) return { kind: "error", message: `--store: "${value}" is not a store slug.` };
          options.storeSlug = value;
        }
        break;
      }
      default:
        return { kind: "error", message: `Unknown argument: ${arg}` };
    }
  }
  return { kind: "run", options };
}

/**
 * The database to use: DATABASE_URL, else the embedded database `npm run dev` runs
 * (scripts/serve.ts, scripts/lib/embedded-postgres.ts: user and password "postgres", database
 * "patron", port PATRON_PG_PORT or 5433).
 */
export function backfillDatabaseUrl(env: { DATABASE_URL?: string; PATRON_PG_PORT?: string }): { ok: true; url: string; embedded: boolean } | { ok: false; message: string } {
  if (env.DATABASE_URL) return { ok: true, url: env.DATABASE_URL, embedded: false };
  const portText = env.PATRON_PG_PORT ?? "5433";
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535)) return { ok: false, message: `PATRON_PG_PORT is not a port: "${portText}".` };
  return { ok: true, url: `postgresql://postgres:postgres@127.0.0.1:${port}/patron`, embedded: true };
}

/** A URL fit for a log: the password hidden. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

/** "€1,234.50 (123450 EUR minor units)": what a person reads and what the database holds (plain spaces, for a terminal or a log). */
export function describeAmount(totalCents: number, currency: string): string {
  return `${formatMoney(totalCents, currency, "en").replace(/[\u00a0\u202f]/g, " ")} (${totalCents} ${currency} minor units)`;
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].map((l) => `  ${l}`);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the dry run prints: per store (and currency), how many orders and how much they would bill. */
export function formatDryRun(summaries: readonly StoreSummary[]): string[] {
  if (summaries.length === 0) return ["Dry run: no unpaid order would become a payment request. Nothing was written."];
  const orders = summaries.reduce((n, s) => n + s.orders, 0);
  const stores = new Set(summaries.map((s) => s.storeSlug)).size;
  return [
    "Dry run: these unpaid orders would become payment requests. Nothing was written.",
    ...table(
      ["store", "orders", "total"],
      summaries.map((s) => [s.storeSlug, String(s.orders), describeAmount(s.totalCents, s.currency)]),
    ),
    `${plural(orders, "order", "orders")} in ${plural(stores, "store", "stores")}. Run without --dry-run to create the requests.`,
  ];
}

/** What happened to one order of the real run. */
export interface OrderOutcome {
  storeSlug: string;
  currency: string;
  totalCents: number;
  /** created: a new request; present: it had one already; skipped: it no longer qualified (paid, or billed meanwhile). */
  outcome: "created" | "present" | "skipped";
}

export interface StoreRunSummary {
  storeSlug: string;
  currency: string;
  created: number;
  createdCents: number;
  alreadyPresent: number;
  skipped: number;
}

/**
 * Per store (and currency), stores in slug order: the requests this run created, those that
 * existed already (made of orders by an earlier run or by the merchant's button, `earlier`, and
 * those another run made while this one went), and orders that stopped qualifying meanwhile.
 */
export function summarizeRun(
  outcomes: readonly OrderOutcome[],
  earlier: ReadonlyArray<{ storeSlug: string; currency: string; requests: number }> = [],
): StoreRunSummary[] {
  const byStore = new Map<string, StoreRunSummary>();
  const entry = (storeSlug: string, currency: string) => {
    const key = `${storeSlug}\u0000${currency}`;
    let found = byStore.get(key);
    if (!found) {
      found = { storeSlug, currency, created: 0, createdCents: 0, alreadyPresent: 0, skipped: 0 };
      byStore.set(key, found);
    }
    return found;
  };
  for (const e of earlier) entry(e.storeSlug, e.currency).alreadyPresent += e.requests;
  for (const o of outcomes) {
    const summary = entry(o.storeSlug, o.currency);
    if (o.outcome === "created") {
      summary.created += 1;
      summary.createdCents += o.totalCents;
    } else if (o.outcome === "present") summary.alreadyPresent += 1;
    else summary.skipped += 1;
  }
  return [...byStore.values()].sort((a, b) => (a.storeSlug !== b.storeSlug ? (a.storeSlug < b.storeSlug ? -1 : 1) : a.currency < b.currency ? -1 : 1));
}

/** What the real run prints. */
export function formatRun(summaries: readonly StoreRunSummary[]): string[] {
  const created = summaries.reduce((n, s) => n + s.created, 0);
  const present = summaries.reduce((n, s) => n + s.alreadyPresent, 0);
  const skipped = summaries.reduce((n, s) => n + s.skipped, 0);
  if (summaries.length === 0) return ["No unpaid order to turn into a payment request, and none was turned into one before."];
  const lines = table(
    ["store", "created", "amount created", "already present", "skipped"],
    summaries.map((s) => [
      s.storeSlug,
      String(s.created),
      s.created > 0 ? describeAmount(s.createdCents, s.currency) : "-",
      String(s.alreadyPresent),
      String(s.skipped),
    ]),
  );
  const totals = [
    `${plural(created, "request", "requests")} created`,
    `${present} already present`,
    ...(skipped > 0 ? [`${plural(skipped, "order", "orders")} skipped (paid or billed while this ran)`] : []),
  ];
  return [created > 0 ? "Payment requests made of unpaid orders:" : "Nothing new: every unpaid order that qualifies has its payment request.", ...lines, `${totals.join(", ")}.`];
}
