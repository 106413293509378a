import { describe, expect, it } from "vitest";
import {
  backfillDatabaseUrl,
  BACKFILL_USAGE,
  describeAmount,
  formatDryRun,
  formatRun,
  parseBackfillArgs,
  redactDatabaseUrl,
  summarizeRun,
  type OrderOutcome,
} from "./requests-backfill";

describe("parseBackfillArgs", () => {
  it("runs for real over everything by default", () => {
    expect(parseBackfillArgs([])).toEqual({ kind: "run", options: { dryRun: false, merchantId: null, storeSlug: null } });
  });

  it.each([
    [["--dry-run"], { dryRun: true, merchantId: null, storeSlug: null }],
    [["--merchant", "cm0abc123"], { dryRun: false, merchantId: "cm0abc123", storeSlug: null }],
    [["--store=fashionhub", "--dry-run"], { dryRun: true, merchantId: null, storeSlug: "fashionhub" }],
    [["--dry-run", "--merchant=cm0abc123", "--store", "fashion-outlet"], { dryRun: true, merchantId: "cm0abc123", storeSlug: "fashion-outlet" }],
  ])("reads %j", (argv, options) => {
    expect(parseBackfillArgs(argv)).toEqual({ kind: "run", options });
  });

  it.each([["--help"], ["-h"], ["--dry-run", "--help"], ["--bogus", "--help"]])("asks for help with %j", (...argv) => {
    expect(parseBackfillArgs(argv)).toEqual({ kind: "help" });
  });

  it.each([
    [["--dryrun"], "Unknown argument: --dryrun"],
    [["dry-run"], "Unknown argument: dry-run"],
    [["--merchant"], "--merchant needs a value."],
    [["--merchant", "--dry-run"], "--merchant needs a value."],
    [["--store="], "--store needs a value."],
    [["--store", "Fashion Hub"], '--store: "Fashion Hub" is not a store slug.'],
    [["--store", "-hub"], '--store: "-hub" is not a store slug.'],
    [["--merchant", "a/b"], '--merchant: "a/b" is not a merchant id.'],
    [["--dry-run", "--dry-run"], "--dry-run is given twice."],
    [["--store", "a1", "--store=b2"], "--store is given twice."],
    [["--dry-run=yes"], "--dry-run takes no value."],
  ])("refuses %j", (argv, message) => {
    expect(parseBackfillArgs(argv)).toEqual({ kind: "error", message });
  });

  it("documents every option and the exit codes", () => {
    for (const word of ["--dry-run", "--merchant", "--store", "--help", "DATABASE_URL", "PATRON_PG_PORT", "Exit codes"]) expect(BACKFILL_USAGE).toContain(word);
  });
});

describe("backfillDatabaseUrl", () => {
  it("uses DATABASE_URL when it is set", () => {
    expect(backfillDatabaseUrl({ DATABASE_URL: "postgresql://u:p@db:5432/patron", PATRON_PG_PORT: "6000" })).toEqual({
      ok: true,
      url: "postgresql://u:p@db:5432/patron",
      embedded: false,
    });
  });

  it("uses the embedded database of `npm run dev` otherwise", () => {
    expect(backfillDatabaseUrl({})).toEqual({ ok: true, url: "postgresql://postgres:postgres@127.0.0.1:5433/patron", embedded: true });
    expect(backfillDatabaseUrl({ DATABASE_URL: "", PATRON_PG_PORT: "6543" })).toEqual({
      ok: true,
      url: "postgresql://postgres:postgres@127.0.0.1:6543/patron",
      embedded: true,
    });
  });

  it.each(["abc", "0", "70000", "54 33", "-1"])("refuses the port %j", (port) => {
    expect(backfillDatabaseUrl({ PATRON_PG_PORT: port })).toMatchObject({ ok: false });
  });
});

describe("redactDatabaseUrl", () => {
  it("hides the password", () => {
    expect(redactDatabaseUrl("postgresql://postgres:postgres@127.0.0.1:5433/patron")).toBe("postgresql://postgres:***@127.0.0.1:5433/patron");
    expect(redactDatabaseUrl("postgres://app:s3cr%40t@db.internal/patron?sslmode=require")).toBe("postgres://app:***@db.internal/patron?sslmode=require");
    expect(redactDatabaseUrl("postgresql://db.internal/patron")).toBe("postgresql://db.internal/patron");
  });
});

describe("describeAmount", () => {
  it("shows the amount as people read it and as minor units", () => {
    expect(describeAmount(123450, "EUR")).toBe("€1,234.50 (123450 EUR minor units)");
    expect(describeAmount(5000, "JPY")).toBe("JP¥5,000 (5000 JPY minor units)");
    expect(describeAmount(1234, "BHD")).toBe("BHD 1.234 (1234 BHD minor units)");
  });
});

describe("formatDryRun", () => {
  it("lists counts and totals per store and says nothing was written", () => {
    const lines = formatDryRun([
      { storeSlug: "fashionhub", currency: "EUR", orders: 2, totalCents: 12550 },
      { storeSlug: "zurich", currency: "CHF", orders: 1, totalCents: 990 },
    ]);
    expect(lines).toEqual([
      "Dry run: these unpaid orders would become payment requests. Nothing was written.",
      "  store       orders  total",
      "  fashionhub  2       €125.50 (12550 EUR minor units)",
      "  zurich      1       CHF 9.90 (990 CHF minor units)",
      "3 orders in 2 stores. Run without --dry-run to create the requests.",
    ]);
  });

  it("says so when nothing qualifies", () => {
    expect(formatDryRun([])).toEqual(["Dry run: no unpaid order would become a payment request. Nothing was written."]);
  });

  it("counts a store in two currencies once", () => {
    const lines = formatDryRun([
      { storeSlug: "hub", currency: "CHF", orders: 1, totalCents: 100 },
      { storeSlug: "hub", currency: "EUR", orders: 1, totalCents: 100 },
    ]);
    expect(lines.at(-1)).toBe("2 orders in 1 store. Run without --dry-run to create the requests.");
  });
});

describe("summarizeRun and formatRun", () => {
  const outcome = (storeSlug: string, kind: OrderOutcome["outcome"], totalCents = 1000, currency = "EUR"): OrderOutcome => ({
    storeSlug,
    currency,
    totalCents,
    outcome: kind,
  });

  it("counts what was created, what was there already and what was skipped, per store", () => {
    const summaries = summarizeRun(
      [outcome("outlet", "created", 2500), outcome("hub", "created", 1000), outcome("hub", "created", 500), outcome("hub", "present"), outcome("outlet", "skipped")],
      [
        { storeSlug: "hub", currency: "EUR", requests: 3 },
        { storeSlug: "bakery", currency: "EUR", requests: 1 },
      ],
    );
    expect(summaries).toEqual([
      { storeSlug: "bakery", currency: "EUR", created: 0, createdCents: 0, alreadyPresent: 1, skipped: 0 },
      { storeSlug: "hub", currency: "EUR", created: 2, createdCents: 1500, alreadyPresent: 4, skipped: 0 },
      { storeSlug: "outlet", currency: "EUR", created: 1, createdCents: 2500, alreadyPresent: 0, skipped: 1 },
    ]);
    expect(formatRun(summaries)).toEqual([
      "Payment requests made of unpaid orders:",
      "  store   created  amount created                 already present  skipped",
      "  bakery  0        -                              1                0",
      "  hub     2        €15.00 (1500 EUR minor units)  4                0",
      "  outlet  1        €25.00 (2500 EUR minor units)  0                1",
      "3 requests created, 5 already present, 1 order skipped (paid or billed while this ran).",
    ]);
  });

  it("says that a second run created nothing new", () => {
    const lines = formatRun(summarizeRun([], [{ storeSlug: "hub", currency: "EUR", requests: 2 }]));
    expect(lines[0]).toBe("Nothing new: every unpaid order that qualifies has its payment request.");
    expect(lines.at(-1)).toBe("0 requests created, 2 already present.");
  });

  it("says when there is nothing at all", () => {
    expect(formatRun(summarizeRun([]))).toEqual(["No unpaid order to turn into a payment request, and none was turned into one before."]);
  });
});
