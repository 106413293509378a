import { expect, test } from "../fixtures";
import { demoCredentials } from "../support/demo";
import { messages } from "../support/messages";

const en = messages.en;

test("an admin reads the operations page: ready, a running worker, the integrations of a test run", async ({ page, signInWithPassword, serverErrors }) => {
  await signInWithPassword(demoCredentials("admin"));
  await page.goto("/admin");
  await page.getByRole("link", { name: en.Admin.healthTitle }).click();
  await expect(page.getByRole("heading", { level: 1, name: en.Health.title })).toBeVisible();

  // The e2e server runs the worker next to Next: its first heartbeat precedes the first request.
  await expect(page.getByRole("heading", { level: 2, name: en.Health.ready })).toBeVisible();
  await expect(page.getByTestId("health-worker-row").first()).toContainText(en.Health.worker.fresh);
  // PATRON_TEST_MODE: development's fallbacks, no setting required.
  await expect(page.getByTestId("health-settings")).toContainText(en.Health.settings.development);
  await expect(page.getByTestId("health-stripe")).toContainText(en.Health.integrations.stripeDevelopment);
  await expect(page.getByTestId("health-resend")).toContainText(en.Health.integrations.resendDevelopment);
  expect(serverErrors).toEqual([]);
});

test("the probes answer JSON without secrets", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready", checks: { database: { ok: true }, migrations: { ok: true }, worker: { ok: true } } });
});
