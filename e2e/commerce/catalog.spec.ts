import { expectNotFoundPage } from "../pages/not-found";
import { MerchantProductsPage } from "../pages/product-pages";
import { StorefrontPage } from "../pages/storefront-page";
import { messages } from "../support/messages";
import { expect, test } from "../fixtures";

const t = messages.en.Catalog;

/** A 1×1 transparent PNG. */
const PIXEL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

test("a merchant creates a product and it appears on the storefront", async ({ page, createTenant, signInWithPassword, serverErrors }) => {
  const tenant = await createTenant();
  await signInWithPassword(tenant.owner);

  // From the merchant's page to the store's products.
  await page.goto(`/account/m/${tenant.merchant.id}`);
  await page.getByRole("link", { name: new RegExp(`^${t.store.manage}\\b.*${tenant.store.name}`) }).click();
  const products = new MerchantProductsPage(page, tenant.merchant.id, tenant.store.id);
  await expect(products.heading()).toBeVisible();
  await expect(products.currentSection()).toHaveText(t.store.products);
  await expect(page.getByText(t.list.emptyTitle, { exact: true })).toBeVisible();

  await products.newProductLink().click();
  const title = `Linen shirt ${tenant.tag}`;
  await products.createProduct({ title, slug: `Linen-Shirt-${tenant.tag}`, price: "12,50", stock: "4", visibility: "PUBLIC", image: PIXEL });
  const row = products.row(title);
  await expect(row).toContainText("€12.50");
  await expect(row).toContainText(t.visibility.PUBLIC);

  // A draft is created too, and must stay off the storefront.
  await products.newProductLink().click();
  const draft = `Secret draft ${tenant.tag}`;
  await products.createProduct({ title: draft, slug: `draft-${tenant.tag}`, price: "3", visibility: "DRAFT" });
  await expect(products.row(draft)).toContainText(t.visibility.DRAFT);

  const store = new StorefrontPage(page, tenant.store.slug);
  await store.goto("/");
  await expect(store.productTitles()).toHaveText([title]);
  await expect(page.getByText(draft)).toHaveCount(0);

  await page.getByRole("link", { name: new RegExp(title) }).click();
  await expect(page).toHaveURL(store.url(`/p/linen-shirt-${tenant.tag}`));
  await expect(page.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();
  await expect(page.getByText("€12.50", { exact: true })).toBeVisible();
  const image = page.getByRole("img", { name: new RegExp(title) });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  const draftResponse = await store.goto(`/p/draft-${tenant.tag}`);
  await expectNotFoundPage(page, draftResponse, "en");
  expect(serverErrors).toEqual([]);
});

test("another tenant's owner gets 404 on the product edit page", async ({ page, db, createTenant, signInWithPassword }) => {
  const victimTitle = `Victim jacket ${Date.now()}`;
  const victim = await createTenant({ products: [{ slug: "jacket", priceCents: 9900, title: { en: victimTitle } }] });
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Product" WHERE "storeId" = $1 AND slug = 'jacket'`, [victim.store.id]);
  const productId = rows[0]!.id;
  const attacker = await createTenant();
  await signInWithPassword(attacker.owner);

  const victimEdit = new MerchantProductsPage(page, victim.merchant.id, victim.store.id).path(`/${productId}`);
  const response = await page.goto(victimEdit);
  await expectNotFoundPage(page, response);
  await expect(page.getByText(victimTitle)).toHaveCount(0);
  await expect(page).not.toHaveTitle(new RegExp(victimTitle));

  // Through the attacker's own store, the victim's product id is just as unknown.
  const ownStore = new MerchantProductsPage(page, attacker.merchant.id, attacker.store.id).path(`/${productId}`);
  await expectNotFoundPage(page, await page.goto(ownStore));
  await expect(page.getByText(victimTitle)).toHaveCount(0);
});

test("a refused edit keeps what was typed; archiving returns to the list, which shows the product archived", async ({ page, db, createTenant, signInWithPassword, serverErrors }) => {
  const title = `Wool scarf ${Date.now()}`;
  const tenant = await createTenant({ products: [{ slug: "scarf", priceCents: 1500, title: { en: title } }] });
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Product" WHERE "storeId" = $1 AND slug = 'scarf'`, [tenant.store.id]);
  const products = new MerchantProductsPage(page, tenant.merchant.id, tenant.store.id);
  await signInWithPassword(tenant.owner);

  await page.goto(products.path(`/${rows[0]!.id}`));
  const price = page.getByLabel(t.form.price.replace("{currency}", "EUR"), { exact: true });
  await price.fill("12.345");
  await page.getByLabel(t.form.stock, { exact: true }).fill("7");
  await page.getByRole("button", { name: t.form.save, exact: true }).click();
  await expect(page.getByText(t.errors.priceTooManyDecimals)).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: t.formErrors.invalid })).toBeVisible();
  await expect(price).toHaveValue("12.345");
  await expect(price).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(t.form.stock, { exact: true })).toHaveValue("7");

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: t.archive.button }).click();
  await expect(page).toHaveURL((url) => url.pathname === products.path());
  await expect(products.row(title)).toContainText(t.list.archived);
  expect(serverErrors).toEqual([]);
});
