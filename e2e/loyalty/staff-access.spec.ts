import { expect, storeUrl, test } from "../fixtures";
import { expectForbiddenPage } from "../pages/account-pages";
import { addMember } from "../support/accounts";
import { publishPointsProgram } from "../support/loyalty";
import { format, messages } from "../support/messages";

const en = messages.en;

test("staff find the terminal from the account area and on the storefront after signing in there", async ({ page, browser, db, createTenant, signInWithPassword, signInCustomer, serverErrors }) => {
  const tenant = await createTenant();
  await publishPointsProgram(db, tenant);
  const staff = await addMember(db, tenant, "STAFF");
  const terminalUrl = storeUrl(tenant.store.slug, "/terminal");

  // The account area: the merchant's home and the store's own navigation point at the store's terminal.
  await signInWithPassword(staff);
  await page.goto(`/account/m/${tenant.merchant.id}`);
  await expect(page.getByRole("link", { name: `${en.Terminal.title} – ${tenant.store.name}` })).toHaveAttribute("href", terminalUrl);
  await page.goto(`/account/m/${tenant.merchant.id}/stores/${tenant.store.id}/orders`);
  await expect(page.getByRole("navigation", { name: format(en.Catalog.store.navLabel, { store: tenant.store.name }) }).getByRole("link", { name: en.Terminal.title })).toHaveAttribute("href", terminalUrl);

  // Signed in on the storefront (where the terminal lives), the account page leads there.
  const counter = await browser.newContext();
  const counterPage = await counter.newPage();
  await signInCustomer(tenant.store.slug, { email: staff.email, page: counterPage });
  await counterPage.getByRole("link", { name: en.Terminal.title }).click();
  await expect(counterPage).toHaveURL(terminalUrl);
  await expect(counterPage.getByRole("heading", { level: 1, name: en.Terminal.title })).toBeVisible();
  await counter.close();
  expect(serverErrors).toEqual([]);
});

test("a customer's account page on the storefront shows no terminal link", async ({ page, createTenant, db, signInCustomer }) => {
  const tenant = await createTenant();
  await publishPointsProgram(db, tenant);
  await signInCustomer(tenant.store.slug);
  await expect(page.getByRole("link", { name: en.Loyalty.account.link })).toBeVisible();
  await expect(page.getByRole("link", { name: en.Terminal.title })).toHaveCount(0);
});

test("managers see every store's terminal on the loyalty program page", async ({ page, db, createTenant, signInWithPassword }) => {
  const tenant = await createTenant();
  await publishPointsProgram(db, tenant);
  const manager = await addMember(db, tenant, "MANAGER");
  await signInWithPassword(manager);
  await page.goto(`/account/m/${tenant.merchant.id}/loyalty`);
  await expect(page.getByText(en.Loyalty.merchant.terminalHint.replace("{url}", "").trim())).toBeVisible();
  await expect(page.getByTestId("terminal-links").getByRole("link", { name: `${en.Terminal.title} – ${tenant.store.name}` })).toHaveAttribute(
    "href",
    storeUrl(tenant.store.slug, "/terminal"),
  );
});

test("a member refused a page is told who it is for, not that they belong to no business", async ({ page, browser, db, createTenant, signInWithPassword }) => {
  const tenant = await createTenant();
  const staff = await addMember(db, tenant, "STAFF");
  const base = `/account/m/${tenant.merchant.id}`;
  const forbidden = en.Errors.forbidden;
  await signInWithPassword(staff);
  for (const path of [`${base}/loyalty`, `${base}/staff`, `${base}/reports`, `${base}/audit`]) {
    await expectForbiddenPage(page, await page.goto(path));
    await expect(page.getByText(forbidden.managers)).toBeVisible();
    await expect(page.getByText(forbidden.account)).toHaveCount(0);
  }
  await expectForbiddenPage(page, await page.goto(`${base}/stores/${tenant.store.id}/settings`));
  await expect(page.getByText(forbidden.owners)).toBeVisible();

  // A manager limited to the store is refused the audit log because it covers every store.
  const manager = await addMember(db, tenant, "MANAGER");
  await db.query(`INSERT INTO "MembershipStore" ("membershipId", "storeId", "merchantId") SELECT id, $2, "merchantId" FROM "Membership" WHERE "userId" = $1`, [manager.id, tenant.store.id]);
  const context = await browser.newContext();
  const managerPage = await context.newPage();
  await signInWithPassword(manager, { page: managerPage });
  await expectForbiddenPage(managerPage, await managerPage.goto(`${base}/audit`));
  await expect(managerPage.getByText(forbidden.allStores)).toBeVisible();
  await context.close();
});
