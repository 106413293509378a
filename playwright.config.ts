import { defineConfig } from "@playwright/test";
import { APEX_URL, SECOND_APEX_URL } from "./e2e/env";
import { DEFAULT_TIME_ZONE } from "./lib/time";

const ci = !!process.env.CI;

/**
 * End-to-end tests in Debian's Chromium (Playwright cannot download its own browser here)
 * against the production build: run `npm run build` first, or `npm test`, which does both.
 * The web server is scripts/e2e-server.ts: a fresh embedded database with the demo data; a second
 * app server on the same database (E2E_SECOND_PORT) shows that caches follow changes across servers.
 */
export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  // Two cores: the server, PostgreSQL and the browsers share them.
  workers: 2,
  fullyParallel: true,
  forbidOnly: ci,
  // A flaky test is a bug: retries only exist so CI records a trace of the failure.
  retries: ci ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/results.json" }], ["html", { open: "never" }]],
  use: {
    baseURL: APEX_URL,
    browserName: "chromium",
    locale: "en-US",
    // The browser sits in the stores' default zone, as the demo stores' customers do.
    timezoneId: DEFAULT_TIME_ZONE,
    trace: "on-first-retry",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      // Without the networking flags Chromium keeps trying to reach Google on a closed network.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  // Started one after the other: the second server uses the first one's database.
  webServer: [
    {
      command: "node_modules/.bin/tsx scripts/e2e-server.ts",
      // Node cannot resolve *.localhost, so readiness is checked on the apex.
      url: APEX_URL,
      reuseExistingServer: !ci,
      timeout: 180_000,
      stdout: process.env.E2E_SERVER_LOGS ? "pipe" : "ignore",
      stderr: "pipe",
      // serve.ts stops Next, the worker and PostgreSQL on SIGTERM; without this Playwright would SIGKILL them.
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    },
    {
      command: "node_modules/.bin/tsx scripts/e2e-server.ts second",
      url: SECOND_APEX_URL,
      reuseExistingServer: !ci,
      timeout: 180_000,
      stdout: process.env.E2E_SERVER_LOGS ? "pipe" : "ignore",
      stderr: "pipe",
      // serve.ts stops its Next and worker on SIGTERM (the first server owns the database).
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    },
  ],
});
