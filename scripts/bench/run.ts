/**
 * `npm run bench` / `npm run bench:quick`: builds the production app, starts it on a dedicated
 * embedded PostgreSQL loaded with a generated data set, and measures it the same way every time.
 *
 *   1. storefront pages under load (autocannon, 32 connections, fixed time, several rounds; each
 *      figure is the median of the rounds; the ratio to the static baseline is taken per round);
 *   2. SQL statements per page view (Prisma query events, counted by the server between requests);
 *   3. checkout contention through the real order-placement code (scripts/bench/contention.ts);
 *   4. first-load JavaScript of each storefront route from the build output;
 *   5. Lighthouse (mobile preset, Debian's Chromium) on the storefront home and a product page.
 *
 * Prints one table and the budgets, and writes the same as JSON to bench-results/.
 *
 * Flags: --quick (smaller data, shorter runs), --skip-build (reuse .next), --no-lighthouse,
 * --profile (CPU profiles of the server into bench-results/profiles, for `npx tsx
 * scripts/bench/profile-summary.ts <file>`).
 * Ports: BENCH_PORT (3600), BENCH_PG_PORT (5437). Data: .data/bench (deleted first).
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { CART_COOKIE, signCartCookie } from "../../lib/cart/cookie";
import { getWithHost } from "../lib/http";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/embedded-postgres";
import { run, start, stopAll, TSX_SERVER } from "../lib/processes";
import { storefrontBundles } from "./bundle";
import { benchStore, FULL, generateDataset, QUICK } from "./dataset";
import { runLighthouse } from "./lighthouse";

const quick = process.argv.includes("--quick");
const skipBuild = process.argv.includes("--skip-build");
const withLighthouse = !process.argv.includes("--no-lighthouse");
const profile = process.argv.includes("--profile");
const scale = quick ? QUICK : FULL;
const ROUNDS = 3;
const DURATION_SECONDS = quick ? 4 : 10;
const CONNECTIONS = 32;
const CHECKOUTS = 200;
const PORT = Number(process.env.BENCH_PORT ?? 3600);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 5437);
const ROOT_DOMAIN = `localhost:${PORT}`;
const SECRET = "bench-only-secret-never-used-elsewhere-0123456789abcdef";
const DATA_DIR = path.resolve(".data/bench");
const DIST_DIR = ".next";
/** Auth.js's session cookie over http (lib/auth/config.ts). */
const SESSION_COOKIE = "authjs.session-token";

const BUDGET = {
  p99Ms: 150,
  ratioToStatic: 0.3,
  statements: 6,
  ordersPerSecond: 50,
  firstLoadKb: 130,
  lighthouse: 95,
};

interface Target {
  name: string;
  path: string;
  host: string;
  cookie?: string;
  storefront: boolean;
  /** Served from the page cache: its views are also checked to be cache hits, and a forced render is counted. */
  cached?: boolean;
}

interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  ratio: number | null;
  non2xx: number;
  errors: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function waitForServer(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The server did not answer on ${url}`);
}

/** One GET of a target (redirects not followed). */
function get(target: Target) {
  return getWithHost(PORT, target.host, target.path, target.cookie ? { cookie: target.cookie } : {});
}

async function queriesSoFar(): Promise<{ count: number; recent: string[] }> {
  const response = await fetch(`http://127.0.0.1:${PORT}/api/internal/query-count`);
  return (await response.json()) as { count: number; recent: string[] };
}

interface Statements {
  count: number;
  /** The statements of the (last) view counted: printed when over budget, to show where they come from. */
  statements: string[];
}

/** The SQL statements one GET of the page sends, and what the page cache said about it. */
async function statementsOfOneView(target: Target): Promise<Statements & { cache: string | undefined }> {
  const before = (await queriesSoFar()).count;
  const response = await get(target);
  if (response.status !== 200) throw new Error(`${target.name}: status ${response.status}`);
  // Statements sent after the response has ended would be missed: wait a beat before reading.
  await new Promise((r) => setTimeout(r, 50));
  const after = await queriesSoFar();
  const count = after.count - before;
  const cache = response.headers["x-nextjs-cache"];
  return { count, statements: count > 0 ? after.recent.slice(-count) : [], cache: Array.isArray(cache) ? cache[0] : cache };
}

/**
 * What the first view of a cached page costs: the render that fills the cache. Must run before
 * anything else asked for the page.
 */
async function statementsPerRender(target: Target): Promise<Statements> {
  const view = await statementsOfOneView(target);
  if (view.cache !== "MISS") throw new Error(`${target.name}: expected a first render, the page cache said ${view.cache}`);
  return view;
}

/** SQL statements one view of the page costs on a warm server: the median of three views. */
async function statementsPerView(target: Target): Promise<Statements> {
  for (let i = 0; i < 2; i++) await get(target);
  const samples: number[] = [];
  let last: Statements = { count: 0, statements: [] };
  for (let i = 0; i < 3; i++) {
    const view = await statementsOfOneView(target);
    if (target.cached && view.cache !== "HIT") throw new Error(`${target.name} was not served from the page cache (x-nextjs-cache: ${view.cache})`);
    samples.push(view.count);
    last = view;
  }
  return { count: median(samples), statements: last.statements };
}

async function load(target: Target): Promise<Omit<LoadFigures, "ratio">> {
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}${target.path}`,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    headers: {
      host: target.host,
      ...(target.cookie ? { cookie: target.cookie } : {}),
    },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** A guest cart on `store` with three lines and a coupon, as the signed cookie a browser would hold. */
async function cartCookie(client: pg.Client, store: ReturnType<typeof benchStore>): Promise<string> {
  await client.query(
    `INSERT INTO "Coupon" (id, "merchantId", "storeId", code, kind, "percentBasisPoints") VALUES ('bcoupon', $1, $2, 'BENCH10', 'PERCENT', 1000)`,
    [store.merchantId, store.id],
  );
  await client.query(`INSERT INTO "Cart" (id, "merchantId", "storeId") VALUES ('bcart', $1, $2)`, [store.merchantId, store.id]);
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM "Product" WHERE "storeId" = $1 AND visibility = 'PUBLIC' AND stock IS NULL ORDER BY id LIMIT 3`,
    [store.id],
  );
  for (const [i, row] of rows.entries()) {
    await client.query(`INSERT INTO "CartLine" (id, "cartId", "productId", quantity) VALUES ($1, 'bcart', $2, $3)`, [`bcartline${i}`, row.id, i + 1]);
  }
  await client.query(`INSERT INTO "CartCoupon" ("cartId", "couponId") VALUES ('bcart', 'bcoupon')`);
  return `${CART_COOKIE}=${signCartCookie(SECRET, store.id, "bcart")}`;
}

/**
 * A signed-in customer of `store` (customer 1 of its merchant, who has a loyalty card with history),
 * as the session cookie Auth.js would have set on the store's host.
 */
async function customerSessionCookie(client: pg.Client, store: ReturnType<typeof benchStore>, host: string): Promise<string> {
  const { rows } = await client.query<{ id: string; email: string }>(
    `SELECT c.id, c.email FROM "Customer" c JOIN "LoyaltyCard" k ON k."customerId" = c.id WHERE c."merchantId" = $1 ORDER BY c.id LIMIT 1`,
    [store.merchantId],
  );
  const customer = rows[0]!;
  await client.query(`INSERT INTO "User" (id, email, name, "emailVerified") VALUES ('buser1', $1, 'Bench customer', now())`, [customer.email]);
  await client.query(`UPDATE "Customer" SET "userId" = 'buser1' WHERE id = $1`, [customer.id]);
  const token = await encode({
    token: { sub: "buser1", email: customer.email, name: "Bench customer", host },
    secret: SECRET,
    salt: SESSION_COOKIE,
    maxAge: 24 * 3600,
  });
  return `${SESSION_COOKIE}=${token}`;
}

async function productSlug(client: pg.Client, storeId: string, offset: number): Promise<string> {
  const { rows } = await client.query<{ slug: string }>(
    `SELECT slug FROM "Product" WHERE "storeId" = $1 AND visibility = 'PUBLIC' ORDER BY id OFFSET $2 LIMIT 1`,
    [storeId, offset],
  );
  return rows[0]!.slug;
}

function runContention(databaseUrl: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.resolve("node_modules/.bin/tsx"),
      [...TSX_SERVER, "scripts/bench/contention.ts", benchStore(1, scale).slug, String(CHECKOUTS)],
      {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          AUTH_SECRET: SECRET,
          PLATFORM_ROOT_DOMAIN: ROOT_DOMAIN,
          DATABASE_POOL_SIZE: "20",
        },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0) return reject(new Error(`contention scenario exited with ${code}: ${out}`));
      resolve(JSON.parse(line) as Record<string, unknown>);
    });
  });
}

const pad = (value: string, width: number) => value.padEnd(width);
const padLeft = (value: string, width: number) => value.padStart(width);
const mark = (ok: boolean) => (ok ? "ok" : "MISSED");

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const startedAt = new Date();
  if (!skipBuild) {
    console.log("Building the production app…");
    await run("next", ["build"]);
  }

  rmSync(DATA_DIR, { recursive: true, force: true });
  let database: EmbeddedDatabase | undefined;
  const children: ReturnType<typeof start>[] = [];
  try {
    console.log(`Starting PostgreSQL on port ${PG_PORT} and loading the ${quick ? "quick" : "full"} data set…`);
    database = await startEmbeddedPostgres({
      dataDir: path.join(DATA_DIR, "postgres"),
      port: PG_PORT,
      database: "patron",
      persistent: false,
      quiet: true,
    });
    await run("prisma", ["migrate", "deploy"], {
      ...process.env,
      DATABASE_URL: database.url,
    });
    const client = new pg.Client({ connectionString: database.url });
    client.on("error", () => undefined);
    await client.connect();
    const loadStarted = performance.now();
    await client.query("BEGIN");
    await generateDataset(client, scale);
    await client.query("COMMIT");
    await client.query("ANALYZE");
    console.log(`Data set loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s.`);
    const store = benchStore(1, scale);
    const host = `${store.slug}.${ROOT_DOMAIN}`;
    const cookie = await cartCookie(client, store);
    const session = await customerSessionCookie(client, store, host);
    const product = await productSlug(client, store.id, Math.floor(scale.products / (scale.merchants * scale.storesPerMerchant) / 4));
    await client.end();

    const build = JSON.parse(readFileSync(path.join(DIST_DIR, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
    const targets: Target[] = [
      {
        name: "static file (baseline)",
        path: `/_next/${build.rootMainFiles[0]}`,
        host,
        storefront: false,
      },
      { name: "storefront home", path: "/", host, storefront: true, cached: true },
      { name: "product listing (page 40)", path: "/page/40", host, storefront: true, cached: true },
      { name: "product page", path: `/p/${product}`, host, storefront: true, cached: true },
      // Every storefront page view asks for the visitor's cart count once it has loaded.
      { name: "header cart count", path: "/cart/count", host, cookie, storefront: true },
      { name: "cart (3 lines + coupon)", path: "/cart", host, cookie, storefront: true },
      { name: "loyalty account", path: "/account/loyalty", host, cookie: session, storefront: true },
    ];

    console.log(`Starting next start on port ${PORT}…`);
    children.push(
      start(
        "next",
        process.execPath,
        [
          // --profile: a V8 CPU profile of the server, written when it exits.
          ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve("bench-results/profiles")}`] : []),
          path.resolve("node_modules/next/dist/bin/next"),
          "start",
          "--port",
          String(PORT),
          "--hostname",
          "0.0.0.0",
        ],
        {
          ...process.env,
          NODE_ENV: "production",
          DATABASE_URL: database.url,
          AUTH_SECRET: SECRET,
          AUTH_TRUST_HOST: "true",
          PLATFORM_ROOT_DOMAIN: ROOT_DOMAIN,
          PLATFORM_PROTOCOL: "http",
          PATRON_COUNT_QUERIES: "1",
          STORAGE_DIR: path.join(DATA_DIR, "storage"),
        },
      ),
    );
    await waitForServer(`http://127.0.0.1:${PORT}/api/internal/query-count`);
    // Warm the server (connections, the host -> store routing cache) on the pages that are not
    // cached; the cached ones are first asked for when their render is counted.
    for (const target of targets.filter((t) => !t.cached)) {
      const response = await get(target);
      if (response.status !== 200) throw new Error(`${target.name} answered ${response.status}`);
    }

    console.log("Counting SQL statements per page view…");
    const statements = new Map<string, Statements>();
    const renders = new Map<string, Statements>();
    for (const target of targets.filter((t) => t.storefront)) {
      // A cached page costs nothing per view; what its render costs must still be bounded.
      if (target.cached) renders.set(target.name, await statementsPerRender(target));
      statements.set(target.name, await statementsPerView(target));
      if (!target.cached) renders.set(target.name, statements.get(target.name)!);
    }

    console.log(`Load: ${ROUNDS} rounds × ${targets.length} targets × ${DURATION_SECONDS} s at ${CONNECTIONS} connections…`);
    const rounds = new Map<string, LoadFigures[]>(targets.map((t) => [t.name, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      let baseline = 0;
      for (const target of targets) {
        const figures = await load(target);
        if (!target.storefront) baseline = figures.rps;
        rounds.get(target.name)!.push({
          ...figures,
          ratio: target.storefront && baseline > 0 ? figures.rps / baseline : null,
        });
        console.log(`  round ${round}: ${target.name}: ${figures.rps.toFixed(0)} req/s, p99 ${figures.p99} ms`);
      }
    }

    console.log(`Checkout contention: ${CHECKOUTS} concurrent checkouts…`);
    const contention = await runContention(database.url);

    const bundles = storefrontBundles(DIST_DIR);
    const lighthouse = withLighthouse
      ? await runLighthouse([
          { name: "storefront home", url: `http://${host}/` },
          { name: "product page", url: `http://${host}/p/${product}` },
        ])
      : [];

    const pages = targets.map((t) => {
      const list = rounds.get(t.name)!;
      return {
        name: t.name,
        path: t.path,
        rps: median(list.map((f) => f.rps)),
        p50Ms: median(list.map((f) => f.p50)),
        p99Ms: median(list.map((f) => f.p99)),
        ratioToStatic: t.storefront ? median(list.map((f) => f.ratio ?? 0)) : null,
        statementsPerView: statements.get(t.name)?.count ?? null,
        statementsPerRender: renders.get(t.name)?.count ?? null,
        statements: renders.get(t.name)?.statements ?? [],
        non2xx: list.reduce((n, f) => n + f.non2xx, 0),
        errors: list.reduce((n, f) => n + f.errors, 0),
      };
    });

    // The table.
    const lines: string[] = [];
    lines.push(`Patron benchmark (${quick ? "quick" : "full"}), ${startedAt.toISOString()}`);
    lines.push(
      `data: ${scale.merchants} merchants, ${scale.merchants * scale.storesPerMerchant} stores, ${scale.products} products, ${scale.customers} customers, ${scale.orders} orders, ${scale.ledgerRows} loyalty ledger rows; load: median of ${ROUNDS} rounds × ${DURATION_SECONDS} s at ${CONNECTIONS} connections`,
    );
    lines.push("");
    lines.push(
      `${pad("page", 28)}${padLeft("req/s", 9)}${padLeft("p50 ms", 9)}${padLeft("p99 ms", 9)}${padLeft("vs static", 11)}${padLeft("SQL/view", 10)}${padLeft("SQL/render", 12)}${padLeft("non-2xx", 9)}`,
    );
    for (const p of pages) {
      lines.push(
        `${pad(p.name, 28)}${padLeft(p.rps.toFixed(0), 9)}${padLeft(String(p.p50Ms), 9)}${padLeft(String(p.p99Ms), 9)}${padLeft(p.ratioToStatic === null ? "-" : `${(p.ratioToStatic * 100).toFixed(1)} %`, 11)}${padLeft(p.statementsPerView === null ? "-" : String(p.statementsPerView), 10)}${padLeft(p.statementsPerRender === null ? "-" : String(p.statementsPerRender), 12)}${padLeft(String(p.non2xx + p.errors), 9)}`,
      );
    }
    for (const p of pages.filter((p) => (p.statementsPerRender ?? 0) > BUDGET.statements)) {
      lines.push(`  SQL of one render of ${p.name}:`);
      for (const sql of p.statements) lines.push(`    ${sql.replace(/\s+/g, " ").slice(0, 140)}`);
    }
    lines.push("");
    lines.push(`checkout contention: ${JSON.stringify(contention)}`);
    lines.push("");
    lines.push(`${pad("storefront route", 28)}${padLeft("first-load JS (gzip)", 22)}`);
    for (const b of bundles) lines.push(`${pad(b.route, 28)}${padLeft(`${(b.gzipBytes / 1024).toFixed(1)} KB`, 22)}`);
    if (lighthouse.length > 0) {
      lines.push("");
      lines.push(`${pad("Lighthouse (mobile)", 28)}${padLeft("performance", 13)}${padLeft("accessibility", 15)}`);
      for (const l of lighthouse) lines.push(`${pad(l.name, 28)}${padLeft(String(l.performance), 13)}${padLeft(String(l.accessibility), 15)}`);
    }

    const storefront = pages.filter((p) => p.ratioToStatic !== null);
    const outcomes = (contention.outcomes ?? {}) as Record<string, number>;
    const unexpected = Object.keys(outcomes).filter((k) => !["placed", "couponNotQualified:LIMIT_REACHED", "notEnoughStock"].includes(k));
    const budgets = [
      {
        budget: `storefront p99 <= ${BUDGET.p99Ms} ms`,
        ok: storefront.every((p) => p.p99Ms <= BUDGET.p99Ms),
      },
      {
        budget: `storefront throughput >= ${BUDGET.ratioToStatic * 100} % of static`,
        ok: storefront.every((p) => (p.ratioToStatic ?? 0) >= BUDGET.ratioToStatic),
      },
      {
        budget: `<= ${BUDGET.statements} SQL statements per storefront view and per render of a cached page`,
        ok: storefront.every((p) => Math.max(p.statementsPerView ?? 99, p.statementsPerRender ?? 99) <= BUDGET.statements),
      },
      {
        budget: "contention: exactly 50 redemptions, <= 100 units, only expected refusals",
        ok: contention.redemptions === 50 && Number(contention.unitsSold) <= 100 && unexpected.length === 0,
      },
      {
        budget: `contention: >= ${BUDGET.ordersPerSecond} orders/s`,
        ok: Number(contention.ordersPerSecond) >= BUDGET.ordersPerSecond,
      },
      {
        budget: `first-load JS <= ${BUDGET.firstLoadKb} KB gzip per storefront route`,
        ok: bundles.every((b) => b.gzipBytes <= BUDGET.firstLoadKb * 1024),
      },
      ...(lighthouse.length > 0
        ? [
            {
              budget: `Lighthouse performance and accessibility >= ${BUDGET.lighthouse}`,
              ok: lighthouse.every((l) => l.performance >= BUDGET.lighthouse && l.accessibility >= BUDGET.lighthouse),
            },
          ]
        : []),
    ];
    lines.push("");
    lines.push("budgets:");
    for (const b of budgets) lines.push(`  ${pad(mark(b.ok), 8)}${b.budget}`);
    console.log(`\n${lines.join("\n")}\n`);

    mkdirSync("bench-results", { recursive: true });
    const file = path.join("bench-results", `bench-${quick ? "quick" : "full"}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        {
          startedAt,
          quick,
          scale,
          rounds: ROUNDS,
          durationSeconds: DURATION_SECONDS,
          connections: CONNECTIONS,
          pages,
          contention,
          bundles,
          lighthouse,
          budgets,
        },
        null,
        2,
      ),
    );
    console.log(`Written to ${file}`);
  } finally {
    await stopAll(children);
    await database?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
