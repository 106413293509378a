/**
 * Test counts from the JSON reports of Vitest and Playwright, for the summary of `npm test`.
 * Pure apart from reading the file; a missing or unreadable report yields null.
 */
import { existsSync, readFileSync } from "node:fs";

export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** Passed only on a retry (Playwright). Counted as passed, and reported: a flaky test is a bug. */
  flaky: number;
  /** Failures outside any test: a test file that does not load, a setup or web server that fails. */
  errors: number;
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const num = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);

/** Vitest's `json` reporter (Jest's format). */
export function parseVitestReport(report: unknown): TestCounts | null {
  if (!report || typeof report !== "object" || !("numTotalTests" in report)) return null;
  const r = report as Record<string, unknown>;
  // A file that fails to load counts as a failed suite with no failed test.
  const suitesWithoutTests = Array.isArray(r.testResults)
    ? r.testResults.filter(
        (s: { status?: string; assertionResults?: unknown[] }) => s.status === "failed" && (s.assertionResults?.length ?? 0) === 0,
      ).length
    : 0;
  return {
    passed: num(r.numPassedTests),
    failed: num(r.numFailedTests),
    skipped: num(r.numPendingTests) + num(r.numTodoTests),
    flaky: 0,
    errors: suitesWithoutTests,
  };
}

/** Playwright's `json` reporter. */
export function parsePlaywrightReport(report: unknown): TestCounts | null {
  if (!report || typeof report !== "object" || !("stats" in report)) return null;
  const r = report as { stats: Record<string, unknown>; errors?: unknown[] };
  return {
    passed: num(r.stats.expected) + num(r.stats.flaky),
    failed: num(r.stats.unexpected),
    skipped: num(r.stats.skipped),
    flaky: num(r.stats.flaky),
    errors: Array.isArray(r.errors) ? r.errors.length : 0,
  };
}

export function readVitestReport(file: string): TestCounts | null {
  return parseVitestReport(readJson(file));
}

export function readPlaywrightReport(file: string): TestCounts | null {
  return parsePlaywrightReport(readJson(file));
}

/** The production smoke test's own report: its counts as they are (scripts/smoke-production.ts). */
export function parseSmokeReport(report: unknown): TestCounts | null {
  if (!report || typeof report !== "object" || !("passed" in report) || !("failed" in report)) return null;
  const r = report as Record<string, unknown>;
  return { passed: num(r.passed), failed: num(r.failed), skipped: num(r.skipped), flaky: 0, errors: num(r.errors) };
}

export function readSmokeReport(file: string): TestCounts | null {
  return parseSmokeReport(readJson(file));
}
