import { expect, storeUrl, test } from "../fixtures";
import { expectNotFoundPage } from "../pages/not-found";
import { giveGuestCart } from "../support/commerce";
import { messages } from "../support/messages";

const en = messages.en;

test("a guest cart follows the customer into sign-in; they buy, see the order under My orders, and nobody else can open it", async ({
  page,
  browser,
  db,
  createTenant,
  signInCustomer,
  signInWithPassword,
  serverErrors,
}) => {
  const tenant = await createTenant({ products: [{ slug: "mug", priceCents: 1800, title: { en: "Stoneware mug" } }] });

  // Filled as a guest, then signed in: the cart is still there.
  await giveGuestCart(db, page.context(), tenant.store.slug, ["mug"]);
  const { email } = await signInCustomer(tenant.store.slug);
  await page.goto(storeUrl(tenant.store.slug, "/cart"));
  await expect(page.getByRole("link", { name: "Stoneware mug" })).toBeVisible();

  // A signed-in customer is not asked for an email.
  await page.getByTestId("cart-checkout").click();
  const form = en.Checkout.form;
  await expect(page.getByLabel(form.email)).toHaveCount(0);
  await page.getByLabel(form.name, { exact: true }).fill("Jos Weber");
  await page.getByLabel(form.line1, { exact: true }).fill("12 Grand-Rue");
  await page.getByLabel(form.postalCode).fill("1660");
  await page.getByLabel(form.city).fill("Luxembourg");
  await page.getByRole("button", { name: form.placeOrder }).click();
  await page.getByRole("button", { name: en.Payments.test.pay, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: en.Orders.confirmation.thanks })).toBeVisible();

  const { rows } = await db.query(`SELECT id, number FROM "Order" WHERE email = $1`, [email]);
  expect(rows).toHaveLength(1);
  const order = rows[0] as { id: string; number: string };

  // The merchant marks it fulfilled; the customer sees that under My orders.
  const merchant = await browser.newContext();
  const merchantPage = await merchant.newPage();
  await signInWithPassword(tenant.owner, { page: merchantPage });
  await merchantPage.goto(`/account/m/${tenant.merchant.id}/stores/${tenant.store.id}/orders/${order.id}`);
  await merchantPage.getByRole("button", { name: en.Orders.merchant.fulfill }).click();
  await expect(merchantPage.getByText(en.Orders.status.FULFILLED, { exact: true })).toBeVisible();
  await merchant.close();

  await page.goto(storeUrl(tenant.store.slug, "/account/orders"));
  const row = page.getByRole("listitem").filter({ hasText: en.Orders.account.order.replace("{number}", order.number) });
  await expect(row).toContainText(en.Orders.status.FULFILLED);
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: en.Orders.confirmation.thanks })).toBeVisible();
  await expect(page.getByText("Stoneware mug")).toBeVisible();

  // Without the link's token and without the customer's session: 404, on this store and on another.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  for (const url of [storeUrl(tenant.store.slug, `/orders/${order.id}`), storeUrl("fashionhub", `/en/orders/${order.id}`)]) {
    await expectNotFoundPage(strangerPage, await strangerPage.goto(url));
    await expect(strangerPage.getByText("Stoneware mug")).toHaveCount(0);
  }
  // The order list itself asks a visitor to sign in first.
  await strangerPage.goto(storeUrl(tenant.store.slug, "/account/orders"));
  await expect(strangerPage).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount%2Forders$/);
  await stranger.close();
  expect(serverErrors).toEqual([]);
});
