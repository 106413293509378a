import { MerchantProductsPage } from "../pages/product-pages";
import { StorefrontPage } from "../pages/storefront-page";
import { format, messages } from "../support/messages";
import { SECOND_ROOT_DOMAIN } from "../env";
import { expect, storeUrl, test } from "../fixtures";

const t = messages.en;

test("a cached product page shows every visitor their own cart count", async ({ page, browser, createTenant, serverErrors }) => {
  const tenant = await createTenant({ products: [{ slug: "scarf", priceCents: 1500, title: { en: `Scarf ${Date.now()}` } }] });
  const buyer = new StorefrontPage(page, tenant.store.slug);
  await buyer.goto("/p/scarf");
  // The second view comes from the page cache.
  const cached = await buyer.goto("/p/scarf");
  expect(cached?.headers()["x-nextjs-cache"]).toBe("HIT");
  await expect(page.getByTestId("header-cart-count")).toHaveText("0");
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByTestId("header-cart-count")).toHaveText("1");
  await expect(page.getByTestId("header-cart")).toHaveAccessibleName("Cart, 1 item");

  // Another visitor gets the same cached page, with an empty cart of their own.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const response = await new StorefrontPage(otherPage, tenant.store.slug).goto("/p/scarf");
  expect(response?.headers()["x-nextjs-cache"]).toBe("HIT");
  await expect(otherPage.getByTestId("header-cart-count")).toHaveText("0");
  await other.close();

  // The buyer's count stays theirs on the next cached view.
  const again = await buyer.goto("/p/scarf");
  expect(again?.headers()["x-nextjs-cache"]).toBe("HIT");
  await expect(page.getByTestId("header-cart-count")).toHaveText("1");
  expect(serverErrors).toEqual([]);
});

test("a merchant's price change shows on the cached product page at the next visit", async ({ page, browser, db, createTenant, signInWithPassword }) => {
  const title = `Beret ${Date.now()}`;
  const tenant = await createTenant({ products: [{ slug: "beret", priceCents: 2000, title: { en: title } }] });
  const visitor = await browser.newContext();
  const shopper = new StorefrontPage(await visitor.newPage(), tenant.store.slug);
  await shopper.goto("/p/beret");
  expect((await shopper.goto("/p/beret"))?.headers()["x-nextjs-cache"]).toBe("HIT");
  await expect(shopper.page.getByText("€20.00", { exact: true })).toBeVisible();

  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Product" WHERE "storeId" = $1 AND slug = 'beret'`, [tenant.store.id]);
  await signInWithPassword(tenant.owner);
  const products = new MerchantProductsPage(page, tenant.merchant.id, tenant.store.id);
  await page.goto(products.path(`/${rows[0]!.id}`));
  await page.getByLabel(format(t.Catalog.form.price, { currency: "EUR" }), { exact: true }).fill("17,50");
  await page.getByRole("button", { name: t.Catalog.form.save, exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === products.path());

  await shopper.goto("/p/beret");
  await expect(shopper.page.getByText("€17.50", { exact: true })).toBeVisible();
  await expect(shopper.page.getByText("€20.00", { exact: true })).toHaveCount(0);
  await visitor.close();
});

test("a merchant's change through one app server shows at once on another server's cached product page", async ({ page, browser, db, createTenant, signInWithPassword }) => {
  const title = `Cap ${Date.now()}`;
  const tenant = await createTenant({ products: [{ slug: "cap", priceCents: 2000, title: { en: title } }] });
  // The shopper is served by the second app server, which caches the page in its own process.
  const visitor = await browser.newContext();
  const shopper = await visitor.newPage();
  const onSecondServer = storeUrl(tenant.store.slug, "/p/cap", SECOND_ROOT_DOMAIN);
  await shopper.goto(onSecondServer);
  expect((await shopper.goto(onSecondServer))?.headers()["x-nextjs-cache"]).toBe("HIT");
  await expect(shopper.getByText("€20.00", { exact: true })).toBeVisible();

  // The merchant saves a new price through the first app server.
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Product" WHERE "storeId" = $1 AND slug = 'cap'`, [tenant.store.id]);
  await signInWithPassword(tenant.owner);
  const products = new MerchantProductsPage(page, tenant.merchant.id, tenant.store.id);
  await page.goto(products.path(`/${rows[0]!.id}`));
  await page.getByLabel(format(t.Catalog.form.price, { currency: "EUR" }), { exact: true }).fill("17,50");
  await page.getByRole("button", { name: t.Catalog.form.save, exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === products.path());

  // The second server's next response is rendered afresh, not its cached page.
  const next = await shopper.goto(onSecondServer);
  expect(next?.headers()["x-nextjs-cache"]).not.toBe("HIT");
  await expect(shopper.getByText("€17.50", { exact: true })).toBeVisible();
  await expect(shopper.getByText("€20.00", { exact: true })).toHaveCount(0);
  await visitor.close();
});
