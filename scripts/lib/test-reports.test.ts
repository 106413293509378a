import { describe, expect, it } from "vitest";
import { formatDuration } from "./test-process";
import { parsePlaywrightReport, parseSmokeReport, parseVitestReport } from "./test-reports";

describe("parseVitestReport", () => {
  it("counts passed, failed and skipped tests", () => {
    const report = {
      numTotalTests: 7,
      numPassedTests: 4,
      numFailedTests: 1,
      numPendingTests: 1,
      numTodoTests: 1,
      testResults: [{ status: "failed", assertionResults: [{}] }],
    };
    expect(parseVitestReport(report)).toEqual({ passed: 4, failed: 1, skipped: 2, flaky: 0, errors: 0 });
  });

  it("counts a test file that failed to load as an error", () => {
    const report = { numTotalTests: 0, numPassedTests: 0, numFailedTests: 0, testResults: [{ status: "failed", assertionResults: [] }] };
    expect(parseVitestReport(report)).toMatchObject({ failed: 0, errors: 1 });
  });

  it.each([null, undefined, {}, "x", { stats: {} }])("rejects %j", (value) => {
    expect(parseVitestReport(value)).toBeNull();
  });
});

describe("parsePlaywrightReport", () => {
  it("counts flaky tests as passed and reports them", () => {
    const report = { stats: { expected: 10, unexpected: 2, flaky: 1, skipped: 3 }, errors: [] };
    expect(parsePlaywrightReport(report)).toEqual({ passed: 11, failed: 2, skipped: 3, flaky: 1, errors: 0 });
  });

  it("counts errors outside tests, such as a web server that did not start", () => {
    const report = { stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, errors: [{ message: "exited early" }] };
    expect(parsePlaywrightReport(report)).toMatchObject({ passed: 0, failed: 0, errors: 1 });
  });

  it.each([null, {}, { numTotalTests: 1 }])("rejects %j", (value) => {
    expect(parsePlaywrightReport(value)).toBeNull();
  });
});

describe("parseSmokeReport", () => {
  it("takes the production smoke test's counts as they are, and refuses anything else", () => {
    expect(parseSmokeReport({ passed: 9, failed: 1, skipped: 0, flaky: 0, errors: 0 })).toEqual({ passed: 9, failed: 1, skipped: 0, flaky: 0, errors: 0 });
    expect(parseSmokeReport({ stats: {} })).toBeNull();
    expect(parseSmokeReport(null)).toBeNull();
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0.0 s"],
    [4_240, "4.2 s"],
    [59_940, "59.9 s"],
    [65_000, "1 min 05 s"],
    [754_600, "12 min 35 s"],
  ])("%d ms -> %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
