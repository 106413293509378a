import { expect, test } from "../fixtures";
import { expectNotFoundPage } from "../pages/not-found";
import { applyCodeAndGoToCheckout, giveGuestCart, placeGuestOrder } from "../support/commerce";
import { messages } from "../support/messages";

const en = messages.en;

test("a merchant creates a coupon, a guest redeems it, the merchant sees the redemption and the order; another merchant gets 404", async ({
  page,
  browser,
  db,
  createTenant,
  signInWithPassword,
  serverErrors,
}) => {
  const tenant = await createTenant({ products: [{ slug: "tote-bag", priceCents: 2000, title: { en: "Tote bag" } }] });
  const couponsPath = `/account/m/${tenant.merchant.id}/stores/${tenant.store.id}/coupons`;
  const code = `WELCOME${tenant.tag.toUpperCase()}`;
  const form = en.Coupons.merchant.form;

  // The merchant creates a fixed 5 € coupon for one use in total.
  await signInWithPassword(tenant.owner);
  await page.goto(couponsPath);
  await expect(page.getByText(en.Coupons.merchant.empty)).toBeVisible();
  await page.getByRole("link", { name: en.Coupons.merchant.new }).click();
  await page.getByLabel(form.code, { exact: true }).fill(code.toLowerCase());
  await page.getByRole("radio", { name: form.fixed }).check();
  await page.getByLabel(form.amount.replace("{currency}", "EUR")).fill("5");
  await page.getByLabel(form.minimum.replace("{currency}", "EUR")).fill("10");
  await page.getByLabel(form.totalLimit).fill("1");
  await page.getByRole("button", { name: form.create }).click();
  await expect(page).toHaveURL(new RegExp(`${couponsPath}$`));
  const row = page.getByRole("row").filter({ hasText: code });
  await expect(row).toContainText(en.Coupons.merchant.active);
  // The list tells the coupon's conditions, not only its discount.
  const conditions = row.getByTestId("coupon-conditions");
  await expect(conditions).toContainText(en.Coupons.terms.minimum.replace("{amount}", "€10.00"));
  await expect(conditions).toContainText("Limited to 1 use in total");
  await expect(conditions).toContainText(en.Coupons.terms.notCombinable);
  await expect(row).toContainText("0 / 1");

  // Pausing and resuming from the list show on the list at once.
  await row.getByRole("button", { name: en.Coupons.merchant.pause, exact: true }).click();
  await expect(row).toContainText(en.Coupons.merchant.paused);
  await row.getByRole("button", { name: en.Coupons.merchant.resume, exact: true }).click();
  await expect(row).toContainText(en.Coupons.merchant.active);

  // The same code again is refused under its field, and the form keeps what was typed.
  await page.getByRole("link", { name: en.Coupons.merchant.new }).click();
  await page.getByLabel(form.code, { exact: true }).fill(code.toLowerCase());
  await page.getByRole("radio", { name: form.fixed }).check();
  await page.getByLabel(form.amount.replace("{currency}", "EUR")).fill("3");
  await page.getByRole("button", { name: form.create }).click();
  await expect(page.getByText(en.Coupons.merchant.errors.codeTaken)).toBeVisible();
  await expect(page.getByLabel(form.code, { exact: true })).toHaveValue(code.toLowerCase());
  await expect(page.getByLabel(form.code, { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.goto(couponsPath);

  // A guest on the storefront uses it and pays through the test provider.
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  const email = `buyer-${tenant.tag}@example.test`;
  await giveGuestCart(db, guest, tenant.store.slug, ["tote-bag"]);
  await applyCodeAndGoToCheckout(guestPage, { storeUrl: tenant.store.url, cartPath: "/cart", locale: "en", couponCode: code.toLowerCase() });
  await expect(guestPage.getByTestId("summary-total")).toHaveText("€15.00");
  await placeGuestOrder(guestPage, "en", email, true);
  await guestPage.getByRole("button", { name: en.Payments.test.pay, exact: true }).click();
  await expect(guestPage.getByRole("heading", { level: 1, name: en.Orders.confirmation.thanks })).toBeVisible();
  await guest.close();

  // The merchant sees the redemption on the coupon and the paid order in the store's orders.
  await page.goto(couponsPath);
  await page.getByRole("row").filter({ hasText: code }).getByRole("link", { name: en.Coupons.merchant.editLink }).click();
  const redemptions = page.locator("#redemptions");
  await expect(redemptions.getByRole("row").filter({ hasText: email })).toContainText("€5.00");
  const couponUrl = page.url();
  await page.goto(`/account/m/${tenant.merchant.id}/stores/${tenant.store.id}/orders`);
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText(en.Orders.status.PAID);

  // Another merchant's owner: 404 on the coupon, its list and the orders, with none of their data.
  const other = await createTenant();
  const attacker = await browser.newContext();
  const attackerPage = await attacker.newPage();
  await signInWithPassword(other.owner, { page: attackerPage });
  for (const url of [couponUrl, couponsPath, `/account/m/${tenant.merchant.id}/stores/${tenant.store.id}/orders`]) {
    await expectNotFoundPage(attackerPage, await attackerPage.goto(url));
    await expect(attackerPage.getByText(code)).toHaveCount(0);
    await expect(attackerPage.getByText(email)).toHaveCount(0);
  }
  await attacker.close();
  expect(serverErrors).toEqual([]);
});
