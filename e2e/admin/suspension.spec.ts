import { expect, test } from "../fixtures";
import { expectForbiddenPage, MerchantAccountPage } from "../pages/account-pages";
import { ApexSignInPage } from "../pages/apex-sign-in-page";
import { demoCredentials } from "../support/demo";
import { messages } from "../support/messages";

const en = messages.en;

test("an admin suspends a merchant: its storefront shows the closed page and its staff are refused at once; reactivating opens both again", async ({
  page,
  browser,
  createTenant,
  signInWithPassword,
  serverErrors,
}) => {
  // Five sign-ins in four browser contexts: more than the default budget on a busy machine.
  test.slow();
  const tenant = await createTenant({ products: [{ slug: "linen-shirt", priceCents: 4900, title: { en: "Linen shirt" } }] });

  // The owner is already signed in before the suspension.
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signInWithPassword(tenant.owner, { page: ownerPage });
  await ownerPage.goto(`/account/m/${tenant.merchant.id}`);
  await expect(new MerchantAccountPage(ownerPage).storesHeading()).toBeVisible();

  // The admin finds the merchant and suspends it.
  await signInWithPassword(demoCredentials("admin"));
  await page.goto("/admin/merchants");
  await page.getByLabel(en.AdminArea.merchants.searchLabel).fill(tenant.store.slug);
  await page.getByRole("button", { name: en.AdminArea.search.submit }).click();
  await page.getByRole("link", { name: tenant.merchant.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: tenant.merchant.name })).toBeVisible();
  await page.getByRole("button", { name: en.AdminArea.merchants.suspend }).click();
  await expect(page.getByRole("status")).toHaveText(en.AdminArea.results.suspended);
  await page.reload();
  await expect(page.getByRole("button", { name: en.AdminArea.merchants.reactivate })).toBeVisible();

  // The storefront: the translated closed page, no products.
  const shopper = await browser.newContext();
  const shopPage = await shopper.newPage();
  await shopPage.goto(tenant.store.url);
  await expect(shopPage.getByRole("heading", { level: 1, name: en.Storefront.closedTitle })).toBeVisible();
  await expect(shopPage.getByText("Linen shirt")).toHaveCount(0);

  // The owner's open session: refused on the next request, told why.
  const refused = await ownerPage.goto(`/account/m/${tenant.merchant.id}`);
  await expectForbiddenPage(ownerPage, refused);
  await expect(ownerPage.getByText(en.Errors.forbidden.suspended)).toBeVisible();
  await expect(ownerPage.getByRole("heading", { name: en.Account.merchant.stores })).toHaveCount(0);
  await ownerPage.goto("/account");
  await expect(ownerPage.getByText(en.Account.suspended)).toBeVisible();
  await expect(new MerchantAccountPage(ownerPage).business(tenant.merchant.name)).toHaveCount(0);

  // A new sign-in is refused with the reason.
  const fresh = await browser.newContext();
  const signIn = new ApexSignInPage(await fresh.newPage());
  await signIn.goto();
  await signIn.signInWithPassword(tenant.owner.email, tenant.owner.password);
  await expect(signIn.alert(en.Errors.form.suspended)).toBeVisible();
  await expect(signIn.heading()).toBeVisible();

  // Reactivated: the storefront and the account area open again.
  await page.getByRole("button", { name: en.AdminArea.merchants.reactivate }).click();
  await expect(page.getByRole("status")).toHaveText(en.AdminArea.results.reactivated);
  await shopPage.reload();
  await expect(shopPage.getByText("Linen shirt")).toBeVisible();
  await signIn.signInWithPassword(tenant.owner.email, tenant.owner.password);
  await expect(signIn.page).toHaveURL(/\/account$/);

  // Both changes are in the merchant's audit log, with the admin as actor.
  await page.goto(`/admin/audit?merchant=${tenant.merchant.id}`);
  const rows = page.getByRole("row");
  await expect(rows.filter({ hasText: "merchant.suspend" })).toContainText(demoCredentials("admin").email);
  await expect(rows.filter({ hasText: "merchant.reactivate" })).toContainText(demoCredentials("admin").email);

  await Promise.all([ownerContext.close(), shopper.close(), fresh.close()]);
  expect(serverErrors).toEqual([]);
});
