/**
 * `npm test`: everything CI checks, in order, stopping at the first failure.
 *
 *   lint -> typecheck -> migration drift -> unit -> integration -> production build
 *   -> production smoke -> e2e
 *
 * Each step prints its duration; the run ends with a summary and, as its very last line,
 * `N passed, N failed`: the tests of Vitest and Playwright, read from their JSON reports under
 * .data/test-reports/. A step that fails without a failed test to show for it (lint, a build,
 * a test setup that crashes) counts as one failure, so that line never reads "0 failed" for a
 * failed run.
 *
 * Ports: 5434 integration PostgreSQL (TEST_PG_PORT), 5435 e2e PostgreSQL, 5436 drift check
 * PostgreSQL (TEST_DRIFT_PG_PORT), 5438 production smoke PostgreSQL (TEST_SMOKE_PG_PORT), 3005
 * production smoke server (TEST_SMOKE_PORT), 3000 e2e server. They must be free at the start (port 3000
 * especially: the e2e specs must test the build this run made, not a server left running) and
 * are checked again at the end, so nothing started here outlives the run.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { E2E_PG_PORT, E2E_PORT, E2E_SECOND_PORT } from "../e2e/env";
import { formatDuration, interruptCurrent, isPortInUse, portsStillInUse, runBin } from "./lib/test-process";
import { readPlaywrightReport, readSmokeReport, readVitestReport, type TestCounts } from "./lib/test-reports";

const CHROMIUM = "/usr/bin/chromium";
const REPORTS = path.resolve(".data/test-reports");
const INTEGRATION_PG_PORT = Number(process.env.TEST_PG_PORT ?? 5434);
const DRIFT_PG_PORT = Number(process.env.TEST_DRIFT_PG_PORT ?? 5436);
const SMOKE_PG_PORT = Number(process.env.TEST_SMOKE_PG_PORT ?? 5438);
const SMOKE_PORT = Number(process.env.TEST_SMOKE_PORT ?? 3005);

interface Outcome {
  ok: boolean;
  /** Why it failed, in one line. */
  reason?: string;
  counts?: TestCounts;
}

interface Step {
  name: string;
  command: string;
  run: () => Promise<Outcome>;
}

interface Result {
  step: Step;
  ms: number;
  outcome: Outcome | "skipped";
}

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function exited(command: string, code: number): Outcome {
  return code === 0 ? { ok: true } : { ok: false, reason: `${command} exited with code ${code}` };
}

/** Ports of the servers this run starts; a test database given from outside starts none. */
function ownPorts(): number[] {
  const ports = [DRIFT_PG_PORT, SMOKE_PG_PORT, SMOKE_PORT, E2E_PG_PORT, E2E_PORT, E2E_SECOND_PORT];
  if (!process.env.TEST_DATABASE_URL) ports.unshift(INTEGRATION_PG_PORT);
  return ports;
}

async function preflight(): Promise<Outcome> {
  const problems: string[] = [];
  for (const port of ownPorts()) {
    if (await isPortInUse(port)) problems.push(`port ${port} is in use: stop whatever listens there (\`ss -ltnp 'sport = :${port}'\`).`);
  }
  if (!existsSync(CHROMIUM)) {
    problems.push(`${CHROMIUM} is missing: install Debian's Chromium with \`apt-get install -y chromium\` (.ci/run does it).`);
  }
  for (const p of problems) console.error(`  ${p}`);
  return problems.length === 0 ? { ok: true } : { ok: false, reason: problems.join(" ") };
}

async function vitest(project: "unit" | "integration"): Promise<Outcome> {
  const report = path.join(REPORTS, `${project}.json`);
  rmSync(report, { force: true });
  const code = await runBin(
    "vitest",
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    env,
  );
  return withCounts(`vitest --project ${project}`, code, readVitestReport(report));
}

async function playwright(): Promise<Outcome> {
  const report = path.join(REPORTS, "e2e.json");
  rmSync(report, { force: true });
  const code = await runBin("playwright", ["test"], { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: report });
  const outcome = withCounts("playwright test", code, readPlaywrightReport(report));
  if (!outcome.ok) outcome.reason += " (traces and the HTML report: npx playwright show-report)";
  return outcome;
}

/** The production tier: scripts/smoke-production.ts counts its checks into a report of its own. */
async function productionSmoke(): Promise<Outcome> {
  const report = path.join(REPORTS, "smoke.json");
  rmSync(report, { force: true });
  const code = await runBin("tsx", ["scripts/smoke-production.ts", report], env);
  return withCounts("the production smoke test", code, readSmokeReport(report));
}

function withCounts(command: string, code: number, counts: TestCounts | null): Outcome {
  if (!counts) {
    return { ok: false, reason: `${command} exited with code ${code} and wrote no report`, counts: undefined };
  }
  if (code === 0 && counts.failed === 0 && counts.errors === 0) return { ok: true, counts };
  const details = [
    counts.failed > 0 ? `${counts.failed} failed` : null,
    counts.errors > 0 ? `${counts.errors} error(s) outside tests` : null,
  ].filter(Boolean);
  return { ok: false, reason: `${command} exited with code ${code}${details.length ? `: ${details.join(", ")}` : ""}`, counts };
}

const steps: Step[] = [
  { name: "preflight", command: `free ports ${ownPorts().join(", ")} and ${CHROMIUM}`, run: preflight },
  {
    name: "lint",
    command: "eslint .",
    run: async () => exited("eslint .", await runBin("eslint", ["."], env)),
  },
  {
    name: "typecheck",
    command: "next typegen && tsc --noEmit",
    // Route types (PageProps, LayoutProps) are generated; a fresh checkout has none yet.
    run: async () => {
      const typegen = exited("next typegen", await runBin("next", ["typegen"], env));
      return typegen.ok ? exited("tsc --noEmit", await runBin("tsc", ["--noEmit"], env)) : typegen;
    },
  },
  {
    name: "migration drift",
    command: `prisma migrate diff --from-migrations ... --exit-code (embedded PostgreSQL on port ${DRIFT_PG_PORT})`,
    run: async () => {
      const code = await runBin("tsx", ["scripts/lib/test-drift.ts"], env);
      if (code === 2) return { ok: false, reason: "schema.prisma and prisma/migrations disagree: a migration is missing" };
      return exited("the drift check", code);
    },
  },
  { name: "unit tests", command: "vitest run --project unit", run: () => vitest("unit") },
  {
    name: "integration tests",
    command: `vitest run --project integration (embedded PostgreSQL on port ${INTEGRATION_PG_PORT})`,
    run: () => vitest("integration"),
  },
  { name: "build", command: "next build", run: async () => exited("next build", await runBin("next", ["build"], env)) },
  {
    name: "production smoke",
    command: `npm start with NODE_ENV=production (port ${SMOKE_PORT}, fresh PostgreSQL on port ${SMOKE_PG_PORT})`,
    run: productionSmoke,
  },
  {
    name: "e2e",
    command: `playwright test (production servers on ports ${E2E_PORT} and ${E2E_SECOND_PORT}, fresh PostgreSQL on port ${E2E_PG_PORT})`,
    run: playwright,
  },
];

let interrupted: NodeJS.Signals | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = signal;
    console.error(`\n${signal}: stopping the running step…`);
    interruptCurrent(signal);
  });
}

function line(char = "─") {
  return char.repeat(72);
}

function countsText(counts: TestCounts | undefined): string {
  if (!counts) return "";
  const parts = [`${counts.passed} passed`];
  if (counts.failed) parts.push(`${counts.failed} failed`);
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  if (counts.flaky) parts.push(`${counts.flaky} FLAKY (passed on retry: fix them)`);
  return parts.join(", ");
}

async function main(): Promise<number> {
  mkdirSync(REPORTS, { recursive: true });
  const started = Date.now();
  const results: Result[] = [];
  let failure: Result | null = null;

  for (const [index, step] of steps.entries()) {
    if (failure || interrupted) {
      results.push({ step, ms: 0, outcome: "skipped" });
      continue;
    }
    console.log(`\n${line("━")}\n[${index + 1}/${steps.length}] ${step.name}: ${step.command}\n${line("━")}`);
    const t0 = Date.now();
    let outcome: Outcome;
    try {
      outcome = await step.run();
    } catch (error) {
      outcome = { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    if (interrupted) outcome = { ...outcome, ok: false, reason: `interrupted (${interrupted})` };
    const result: Result = { step, ms: Date.now() - t0, outcome };
    results.push(result);
    const counts = countsText(outcome.counts);
    if (outcome.ok) {
      console.log(`\n✔ ${step.name} passed in ${formatDuration(result.ms)}${counts ? ` (${counts})` : ""}`);
    } else {
      failure = result;
      console.error(`\n✘ ${step.name} FAILED after ${formatDuration(result.ms)}: ${outcome.reason}`);
    }
  }

  // Nothing this run started may outlive it: every server it started must be gone.
  let leftovers: number[] = [];
  const preflightPassed = results[0]?.outcome !== "skipped" && (results[0]?.outcome as Outcome).ok;
  if (preflightPassed) leftovers = await portsStillInUse(ownPorts(), 20_000);

  let passed = 0;
  let failed = 0;
  console.log(`\n${line()}\nSummary\n${line()}`);
  for (const { step, ms, outcome } of results) {
    if (outcome === "skipped") {
      console.log(`  -  ${step.name.padEnd(20)} ${"".padStart(10)}  skipped`);
      continue;
    }
    const counts = outcome.counts;
    passed += counts?.passed ?? 0;
    const testFailures = (counts?.failed ?? 0) + (counts?.errors ?? 0);
    failed += outcome.ok ? 0 : Math.max(1, testFailures);
    const mark = outcome.ok ? "✔" : "✘";
    console.log(`  ${mark}  ${step.name.padEnd(20)} ${formatDuration(ms).padStart(10)}  ${countsText(counts)}`);
  }
  console.log(`     ${"total".padEnd(20)} ${formatDuration(Date.now() - started).padStart(10)}`);
  if (leftovers.length > 0) {
    failed += 1;
    console.error(`\n✘ still listening after the run on port(s) ${leftovers.join(", ")}: a server this run started did not stop.`);
  }
  if (failure && failure.outcome !== "skipped") {
    console.error(`\nnpm test FAILED at step "${failure.step.name}": ${failure.outcome.reason}`);
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed > 0 || interrupted ? 1 : 0;
}

main().then(
  (code) => process.exit(interrupted ? 130 : code),
  (error: unknown) => {
    console.error(error);
    console.log("\n0 passed, 1 failed");
    process.exit(1);
  },
);
