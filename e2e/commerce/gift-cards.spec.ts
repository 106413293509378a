import { storeUrl } from "../env";
import { expect, test } from "../fixtures";
import { CartPage } from "../pages/cart-page";
import { MerchantProductsPage } from "../pages/product-pages";
import { format, messages } from "../support/messages";

const en = messages.en;
const product = en.GiftCards.product;

test.describe("gift cards on the storefront", () => {
  test("a shopper buys a card for someone else: amount, recipient, message and day, refused in the past, shown in the cart", async ({
    page,
    db,
    createTenant,
    serverErrors,
  }) => {
    const tenant = await createTenant({ products: [{ slug: "gift", priceCents: 2500, title: { en: "Bakery gift card" } }] });
    await db.query(`UPDATE "Product" SET kind = 'GIFT_CARD', "giftCardAmounts" = '{2500,5000}' WHERE slug = 'gift' AND "storeId" = $1`, [tenant.store.id]);

    await page.goto(storeUrl(tenant.store.slug, "/p/gift"));
    await expect(page.getByTestId("product-price")).toHaveText("€25.00 · €50.00");
    const form = page.getByTestId("gift-card-form");
    await form.getByRole("group", { name: product.amountLegend }).getByLabel("€50.00").check();
    await form.getByLabel(product.forSomeoneElse).check();
    await form.getByLabel(product.recipientName).fill("Léa Muller");
    await form.getByLabel(product.recipientEmail).fill("Lea@Example.com");
    await form.getByLabel(product.message).fill("Happy birthday!");
    await expect(form.getByText(format(product.messageCounter, { count: 15, max: 500 }))).toBeVisible();
    await form.getByLabel(product.language).selectOption("fr");

    // A day in the past is refused under its field; nothing goes into the cart.
    await form.getByLabel(product.deliverOn).fill("2020-01-01");
    await form.getByRole("button", { name: product.add }).click();
    await expect(form.getByText(product.errors.deliveryInPast)).toBeVisible();
    await expect(form.getByRole("alert").filter({ hasText: product.invalid })).toBeVisible();
    await expect(new CartPage(page, tenant.store.slug, "en").headerCount()).toHaveText("0");

    await form.getByLabel(product.deliverOn).fill("2099-01-01");
    await form.getByRole("button", { name: product.add }).click();
    await expect(form.getByText(product.errors.deliveryTooFar)).toBeVisible();

    // Today by default.
    const today = await form.getByLabel(product.deliverOn).getAttribute("min");
    await form.getByLabel(product.deliverOn).fill(today!);
    await form.getByRole("button", { name: product.add }).click();
    await expect(form.getByText(product.added)).toBeVisible();
    await expect(new CartPage(page, tenant.store.slug, "en").headerCount()).toHaveText("1");

    const cart = new CartPage(page, tenant.store.slug, "en");
    await cart.goto();
    const line = cart.line("Bakery gift card");
    await expect(line.getByText(format(en.GiftCards.cart.amount, { amount: "€50.00" }))).toBeVisible();
    await expect(line.getByText(format(en.GiftCards.cart.forRecipient, { name: "Léa Muller", email: "lea@example.com" }))).toBeVisible();
    await expect(line.getByText(format(en.GiftCards.cart.language, { language: "Français" }))).toBeVisible();
    await expect(page.getByTestId("cart-gift-card-coupon-note")).toHaveText(en.GiftCards.cart.couponNote);
    await expect(page.getByTestId("cart-total")).toHaveText("€50.00");
    expect(serverErrors).toEqual([]);
  });

  test("a merchant sells a gift card of any amount from 10 to 200; the storefront says from 10 and refuses less", async ({
    page,
    createTenant,
    signInWithPassword,
    serverErrors,
  }) => {
    const tenant = await createTenant({ products: [{ slug: "bread", priceCents: 300, title: { en: "Bread" } }] });
    await signInWithPassword(tenant.owner);
    const products = new MerchantProductsPage(page, tenant.merchant.id, tenant.store.id);
    const form = en.Catalog.form;
    await page.goto(products.path("/new"));
    await page.getByLabel(form.title, { exact: true }).fill("Gift card");
    await page.getByLabel(form.slug, { exact: true }).fill("gift-card");
    await page.getByLabel(form.kind, { exact: true }).selectOption("GIFT_CARD");
    await page.getByLabel(form.giftCard.modeRange).check();
    await page.getByLabel(format(form.giftCard.min, { currency: "EUR" })).fill("10");
    await page.getByLabel(format(form.giftCard.max, { currency: "EUR" })).fill("5");
    await page.getByLabel(form.visibility, { exact: true }).selectOption("PUBLIC");
    await page.getByRole("button", { name: form.create, exact: true }).click();
    await expect(page.getByText(en.Catalog.errors.giftCardMaxTooLow)).toBeVisible();

    await page.getByLabel(format(form.giftCard.max, { currency: "EUR" })).fill("200");
    await page.getByRole("button", { name: form.create, exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === products.path());
    await expect(products.row("Gift card")).toContainText(en.Catalog.kind.GIFT_CARD);

    await page.goto(storeUrl(tenant.store.slug, "/"));
    await expect(page.getByRole("listitem").filter({ hasText: "Gift card" })).toContainText(format(product.from, { price: "€10.00" }));
    await page.goto(storeUrl(tenant.store.slug, "/p/gift-card"));
    const buy = page.getByTestId("gift-card-form");
    const amount = buy.getByLabel(format(product.amountLabel, { currency: "EUR" }));
    await expect(buy.getByText(format(product.amountHint, { min: "€10.00", max: "€200.00" }))).toBeVisible();
    await amount.fill("5");
    await buy.getByRole("button", { name: product.add }).click();
    await expect(buy.getByText(format(product.errors.amountTooLow, { limit: "€10.00" }))).toBeVisible();
    await expect(amount).toHaveValue("5");
    await amount.fill("42,50");
    await buy.getByRole("button", { name: product.add }).click();
    await expect(buy.getByText(product.added)).toBeVisible();

    const cart = new CartPage(page, tenant.store.slug, "en");
    await cart.goto();
    await expect(cart.line("Gift card").getByText(en.GiftCards.cart.forMe)).toBeVisible();
    await expect(page.getByTestId("cart-total")).toHaveText("€42.50");
    expect(serverErrors).toEqual([]);
  });
});
