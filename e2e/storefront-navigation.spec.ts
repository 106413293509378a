import { expect, storeUrl, test } from "./fixtures";
import { expectNotFoundPage } from "./pages/not-found";
import { messages } from "./support/messages";

const { en, fr } = messages;

test("a signed-in customer's account page leads to their orders and to their loyalty card", async ({ page, createTenant, signInCustomer, serverErrors }) => {
  const tenant = await createTenant();
  await signInCustomer(tenant.store.slug);

  const account = page.getByRole("navigation", { name: en.Account.customer.title });
  await account.getByRole("link", { name: en.Orders.account.title, exact: true }).click();
  await expect(page).toHaveURL(storeUrl(tenant.store.slug, "/account/orders"));
  await expect(page.getByRole("heading", { level: 1, name: en.Orders.account.title })).toBeVisible();

  await page.goBack();
  await account.getByRole("link", { name: en.Loyalty.account.link, exact: true }).click();
  await expect(page).toHaveURL(storeUrl(tenant.store.slug, "/account/loyalty"));
  expect(serverErrors).toEqual([]);
});

test("the store's 404 page is titled with the store and leads back to its home page, in the page's language", async ({ page, createTenant }) => {
  const tenant = await createTenant({ storeName: "Maison Lentz", defaultLocale: "en", locales: ["en", "fr"] });
  const slug = tenant.store.slug;

  // Any path, and a product that does not exist (a page served from the page cache otherwise).
  for (const path of ["/no-such-page", "/p/no-such-product"]) {
    await expectNotFoundPage(page, await page.goto(storeUrl(slug, path)), "en");
    await expect(page).toHaveTitle(`${en.NotFound.title} · Maison Lentz`);
    await page.getByRole("main").getByRole("link", { name: en.NotFound.storeHome, exact: true }).click();
    await expect(page).toHaveURL(storeUrl(slug, "/"));
  }

  await expectNotFoundPage(page, await page.goto(storeUrl(slug, "/fr/no-such-page")), "fr");
  await expect(page).toHaveTitle(`${fr.NotFound.title} · Maison Lentz`);
  await page.getByRole("main").getByRole("link", { name: fr.NotFound.storeHome, exact: true }).click();
  await expect(page).toHaveURL(storeUrl(slug, "/fr"));
});
