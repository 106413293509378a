import { readFile } from "node:fs/promises";
import { expect, test } from "../fixtures";
import { expectNotFoundPage } from "../pages/not-found";
import { insertAuditEvent, insertPaidOrder } from "../support/admin";
import { requestWithHost } from "../support/http";
import { messages } from "../support/messages";
import { ROOT_DOMAIN } from "../env";

const en = messages.en;

test("an owner reads the reports (chart, figures, CSV) and their own audit log; another merchant's owner gets 404 with none of it", async ({
  page,
  browser,
  db,
  createTenant,
  signInWithPassword,
  serverErrors,
}) => {
  const tenant = await createTenant();
  const other = await createTenant();
  const store = { id: tenant.store.id, merchantId: tenant.merchant.id };
  const buyer = `buyer-${tenant.tag}@example.test`;
  const first = await insertPaidOrder(db, store, { email: buyer, title: "Sourdough loaf", unitPriceCents: 450, quantity: 4, coupon: { code: "BREAD1", amountCents: 100 } });
  await insertPaidOrder(db, store, { email: buyer, title: "Croissant", unitPriceCents: 150, quantity: 2 });
  await insertAuditEvent(db, tenant.merchant.id, "coupon.create", `own-${tenant.tag}`);
  await insertAuditEvent(db, other.merchant.id, "coupon.create", `foreign-${other.tag}`);
  const reportsPath = `/account/m/${tenant.merchant.id}/reports`;
  const auditPath = `/account/m/${tenant.merchant.id}/audit`;

  await signInWithPassword(tenant.owner);
  await page.goto(`/account/m/${tenant.merchant.id}`);
  await page.getByRole("link", { name: en.Reports.title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: en.Reports.title })).toBeVisible();
  // 4 × 4.50 − 1.00 + 2 × 1.50 = 20.00 over 2 orders.
  await expect(page.getByTestId("sales-EUR")).toHaveText("€20.00");
  await expect(page.getByTestId("orders-EUR")).toHaveText("2");
  await expect(page.getByTestId("average-EUR")).toHaveText("€10.00");
  await expect(page.getByRole("img", { name: en.Reports.chart.title.replace("{currency}", "EUR") })).toBeVisible();
  await expect(page.getByRole("table", { name: en.Reports.topProducts.title }).getByRole("row").nth(1)).toContainText("Sourdough loaf");
  await expect(page.getByRole("table", { name: en.Reports.coupons.title })).toContainText("BREAD1");

  // The CSV export downloads every order of the period.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: en.Reports.form.export }).click()]);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv).toContain(first);
  expect(csv).toContain(buyer);

  // Malformed dates: the reason, no figures.
  await page.goto(`${reportsPath}?from=2026-02-30`);
  await expect(page.getByRole("alert").filter({ hasText: en.Reports.errors.invalidDate })).toBeVisible();
  await expect(page.getByTestId("sales-EUR")).toHaveCount(0);

  // The audit log shows the merchant's own events only.
  await page.goto(`/account/m/${tenant.merchant.id}`);
  await page.getByRole("link", { name: en.Audit.title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: en.Audit.title })).toBeVisible();
  await expect(page.getByText(`own-${tenant.tag}`)).toBeVisible();
  await expect(page.getByText(`foreign-${other.tag}`)).toHaveCount(0);
  await page.goto(`${auditPath}?merchant=${other.merchant.id}`);
  await expect(page.getByText(`foreign-${other.tag}`)).toHaveCount(0);
  await page.goto(`${auditPath}?from=not-a-date`);
  await expect(page.getByRole("alert").filter({ hasText: en.Audit.errors.invalidDate })).toBeVisible();

  // Another merchant's owner: 404 everywhere, with none of the data.
  const attacker = await browser.newContext();
  const attackerPage = await attacker.newPage();
  await signInWithPassword(other.owner, { page: attackerPage });
  for (const path of [reportsPath, `${reportsPath}?from=2026-01-01&to=2026-12-31`, auditPath]) {
    await expectNotFoundPage(attackerPage, await attackerPage.goto(path));
    for (const secret of [first, buyer, "Sourdough loaf", `own-${tenant.tag}`, tenant.merchant.name]) {
      await expect(attackerPage.getByText(secret)).toHaveCount(0);
    }
  }
  const exported = await attackerPage.request.get(`${reportsPath}/export`);
  expect(exported.status()).toBe(404);
  expect(await exported.text()).not.toContain(first);
  await attacker.close();

  // Nobody signed in: the export asks to sign in and gives nothing.
  const anonymous = await requestWithHost(ROOT_DOMAIN, `${reportsPath}/export`);
  expect(anonymous.status).toBe(401);
  expect(anonymous.body).not.toContain(first);
  expect(serverErrors).toEqual([]);
});
