import { expect, test } from "../fixtures";
import { expectNotFoundPage } from "../pages/not-found";
import { addMember } from "../support/accounts";
import { format, messages } from "../support/messages";

const en = messages.en;
const g = en.GiftCardAdmin;

test("a manager issues a gift card by hand and sees its code once, finds it, disables it with a reason; staff only look; another merchant gets 404", async ({
  page,
  browser,
  createTenant,
  db,
  signInWithPassword,
  serverErrors,
}) => {
  test.slow();
  const tenant = await createTenant();
  const other = await createTenant();
  const manager = await addMember(db, tenant, "MANAGER");
  const staff = await addMember(db, tenant, "STAFF");
  const listPath = `/account/m/${tenant.merchant.id}/gift-cards`;

  await signInWithPassword(manager);
  await page.goto(`/account/m/${tenant.merchant.id}`);
  await page.getByRole("link", { name: g.title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: g.title })).toBeVisible();
  await expect(page.getByText(g.empty)).toBeVisible();

  // Issuing: a missing note and a bad amount are explained field by field.
  await page.getByRole("link", { name: g.nav.issue }).click();
  await expect(page.getByRole("heading", { level: 1, name: g.issue.title })).toBeVisible();
  await page.getByLabel(g.issue.amount).fill("0");
  await page.getByRole("button", { name: g.issue.submit }).click();
  await expect(page.getByText(g.errors.invalidAmount)).toBeVisible();
  await expect(page.getByText(g.errors.required)).toBeVisible();
  await page.getByLabel(g.issue.amount).fill("25.50");
  await page.getByLabel(g.issue.recipientName).fill("Léa Muller");
  await page.getByLabel(g.issue.note).fill("Goodwill gesture: late delivery");
  await page.getByRole("button", { name: g.issue.submit }).click();
  const code = (await page.getByTestId("issued-code").textContent())!.trim();
  expect(code).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
  await expect(page.getByRole("alert").filter({ hasText: g.issue.warning })).toBeVisible();
  const last4 = code.slice(-4);
  await expect(page.getByTestId("issued-card")).toContainText("€25.50");

  // The list finds it by its last four characters; the code itself is nowhere.
  await page.goto(`${listPath}?q=${last4.toLowerCase()}`);
  const row = page.getByTestId("gift-cards").getByRole("row").filter({ hasText: last4 });
  await expect(row).toContainText(g.source.MANUAL);
  await expect(row).toContainText(g.status.ACTIVE);
  await expect(row).toContainText("Léa Muller");
  await expect(page.getByText(code)).toHaveCount(0);
  await page.goto(`${listPath}?q=nobody-here`);
  await expect(page.getByText(g.noMatch)).toBeVisible();

  // The card page: details and its ISSUE row; disabling needs a reason.
  await page.goto(`${listPath}?q=${last4}`);
  await page.getByRole("link", { name: format(g.masked, { last4 }) }).click();
  await expect(page.getByRole("heading", { level: 1, name: format(g.card.title, { last4 }) })).toBeVisible();
  const cardUrl = page.url();
  await expect(page.getByTestId("gift-card-ledger")).toContainText(g.kind.ISSUE);
  await expect(page.getByTestId("gift-card-ledger")).toContainText(manager.email);
  await page.getByLabel(g.manage.reason).first().fill("Reported stolen");
  await page.getByRole("button", { name: g.manage.disable }).click();
  await expect(page.getByRole("status").filter({ hasText: g.manage.saved })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("gift-card-details")).toContainText(g.status.DISABLED);
  await expect(page.getByRole("button", { name: g.manage.enable })).toBeVisible();

  // Staff see the list and the card, but neither the issuing page nor the managing forms.
  const staffContext = await browser.newContext();
  const staffPage = await staffContext.newPage();
  await signInWithPassword(staff, { page: staffPage });
  await staffPage.goto(cardUrl);
  await expect(staffPage.getByTestId("gift-card-details")).toContainText(g.status.DISABLED);
  await expect(staffPage.getByRole("button", { name: g.manage.enable })).toHaveCount(0);
  await expect(staffPage.getByRole("link", { name: g.nav.issue })).toHaveCount(0);
  expect((await staffPage.goto(`${listPath}/new`))!.status()).toBe(403);
  await staffContext.close();

  // The owner sets a default expiry and a bonus gift, and reads what the business owes: the disabled card still counts.
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signInWithPassword(tenant.owner, { page: ownerPage });
  await ownerPage.goto(`${listPath}/settings`);
  await ownerPage.getByLabel(g.settings.years).check();
  await ownerPage.getByLabel(g.settings.count).fill("5");
  await ownerPage.getByRole("button", { name: g.settings.save }).first().click();
  await expect(ownerPage.getByRole("status").filter({ hasText: g.settings.saved })).toBeVisible();
  await ownerPage.getByLabel(g.settings.minPurchase).fill("50");
  await ownerPage.getByLabel(g.settings.bonus, { exact: false }).first().fill("10");
  await ownerPage.getByLabel(g.settings.validDays).fill("abc");
  await ownerPage.getByRole("button", { name: g.settings.save }).nth(1).click();
  await expect(ownerPage.getByText(g.errors.invalidNumber)).toBeVisible();
  await ownerPage.reload();
  await expect(ownerPage.getByLabel(g.settings.years)).toBeChecked();
  await expect(ownerPage.getByLabel(g.settings.count)).toHaveValue("5");
  await ownerPage.goto(`${listPath}/reports`);
  const report = ownerPage.getByTestId("gift-card-report-EUR");
  await expect(report.locator('[data-figure="manual"]')).toContainText("€25.50");
  await expect(report.locator('[data-figure="liability"]')).toContainText("€25.50");
  await expect(ownerPage.getByRole("link", { name: g.reports.exportLedger })).toBeVisible();
  await ownerContext.close();

  // Another merchant's owner: 404 on every page, with none of the data.
  const attacker = await browser.newContext();
  const attackerPage = await attacker.newPage();
  await signInWithPassword(other.owner, { page: attackerPage });
  for (const path of [listPath, `${listPath}?q=${last4}`, new URL(cardUrl).pathname, `${listPath}/new`, `${listPath}/reports`, `${listPath}/settings`]) {
    await expectNotFoundPage(attackerPage, await attackerPage.goto(path));
    for (const secret of [last4, "Léa Muller", tenant.merchant.name]) await expect(attackerPage.getByText(secret)).toHaveCount(0);
  }
  expect((await attackerPage.request.get(`${listPath}/export`)).status()).toBe(404);
  await attacker.close();
  expect(serverErrors).toEqual([]);
});
