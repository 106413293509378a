import { expect, test } from "../fixtures";
import { CartPage } from "../pages/cart-page";
import { applyCodeAndGoToCheckout, createCoupon, giveGuestCart, placeGuestOrder } from "../support/commerce";
import { messages } from "../support/messages";

const fr = messages.fr;
const en = messages.en;

test.describe("cart", () => {
  test("a failed payment brings the guest back to their cart as it was, with the reason; the header count follows", async ({
    page,
    db,
    createTenant,
    serverErrors,
  }) => {
    // Two checkouts and two payment pages in one story.
    test.slow();
    const tenant = await createTenant({
      defaultLocale: "fr",
      products: [
        { slug: "scarf", priceCents: 2500, title: { fr: "Écharpe" } },
        { slug: "hat", priceCents: 1500, title: { fr: "Bonnet" } },
      ],
    });
    const coupon = await createCoupon(db, tenant.store.slug, { kind: "FIXED", amountCents: 300 });
    const email = `failed-${tenant.tag}@example.test`;
    const cart = new CartPage(page, tenant.store.slug, "fr");
    await giveGuestCart(db, page.context(), tenant.store.slug, ["scarf", "hat"]);
    await applyCodeAndGoToCheckout(page, { storeUrl: tenant.store.url, cartPath: "/cart", locale: "fr", couponCode: coupon.code });
    await placeGuestOrder(page, "fr", email, true);

    // The order holds the cart now: the header says so without a reload.
    await expect(page.getByText(fr.Payments.test.banner)).toBeVisible();
    await expect(cart.headerCount()).toHaveText("0");
    await page.getByRole("button", { name: fr.Payments.test.fail, exact: true }).click();

    await expect(page).toHaveURL(/\/cart$/);
    const { rows } = await db.query<{ number: string }>(`SELECT number FROM "Order" WHERE email = $1`, [email]);
    await expect(page.getByTestId("cart-payment-failed")).toHaveText(fr.Cart.paymentFailed.replace("{number}", rows[0]!.number));
    await expect(cart.line("Écharpe")).toBeVisible();
    await expect(cart.line("Bonnet")).toBeVisible();
    await expect(page.locator(`[data-testid="cart-coupon"][data-code="${coupon.code}"]`)).toHaveAttribute("data-qualified", "true");
    await expect(cart.headerCount()).toHaveText("2");

    // The retry goes through; the thank-you page's header counts the new, empty cart.
    await cart.toCheckout();
    await expect(page.getByRole("heading", { level: 1, name: fr.Checkout.title })).toBeVisible();
    await placeGuestOrder(page, "fr", email, true);
    await page.getByRole("button", { name: fr.Payments.test.pay, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: fr.Orders.confirmation.thanks })).toBeVisible();
    await expect(cart.headerCount()).toHaveText("0");
    const orders = await db.query(`SELECT status, "discountCents" FROM "Order" WHERE email = $1 ORDER BY "createdAt"`, [email]);
    expect(orders.rows).toEqual([
      { status: "CANCELLED", discountCents: 300 },
      { status: "PAID", discountCents: 300 },
    ]);
    expect(serverErrors).toEqual([]);
  });

  test("the quantity box refuses anything but a whole number from 1 to 99 and leaves the line; Enter applies", async ({
    page,
    db,
    createTenant,
    serverErrors,
  }) => {
    const tenant = await createTenant({ products: [{ slug: "mug", priceCents: 1200, title: { en: "Mug" } }] });
    const cartId = await giveGuestCart(db, page.context(), tenant.store.slug, ["mug"]);
    const cart = new CartPage(page, tenant.store.slug, "en");
    await cart.goto();
    const box = cart.quantityBox("Mug");

    // A number box takes no letters: "abc" leaves it empty, which is refused like the rest.
    for (const typed of ["-1", "0", "2.5", "99999", ""]) {
      await box.fill(typed);
      await box.press("Enter");
      await expect(page.getByText(en.Cart.errors.invalidQuantity)).toBeVisible();
      await expect(box).toHaveValue("1");
      await expect(cart.line("Mug")).toBeVisible();
    }
    // Leaving the box applies it too.
    await box.fill("2.5");
    await box.press("Tab");
    await expect(box).toHaveValue("1");

    await box.fill("3");
    await box.press("Enter");
    await expect(box).toHaveValue("3");
    await expect(cart.headerCount()).toHaveText("3");
    const { rows } = await db.query(`SELECT quantity FROM "CartLine" WHERE "cartId" = $1`, [cartId]);
    expect(rows).toEqual([{ quantity: 3 }]);
    expect(serverErrors).toEqual([]);
  });

  test("a product no longer sold shows no price or quantity control, only its removal; checkout says why", async ({
    page,
    db,
    createTenant,
    serverErrors,
  }) => {
    const tenant = await createTenant({
      products: [
        { slug: "mug", priceCents: 1200, title: { en: "Mug" } },
        { slug: "vase", priceCents: 4500, title: { en: "Vase" } },
      ],
    });
    await giveGuestCart(db, page.context(), tenant.store.slug, ["mug", "vase"]);
    await db.query(`UPDATE "Product" SET "archivedAt" = now() WHERE "storeId" = $1 AND slug = 'vase'`, [tenant.store.id]);
    const cart = new CartPage(page, tenant.store.slug, "en");
    await cart.goto();

    const vase = cart.line("Vase");
    await expect(vase.getByTestId("cart-line-no-longer-sold")).toHaveText(en.Cart.noLongerSold);
    await expect(vase).not.toContainText("45.00");
    await expect(cart.increase("Vase")).toHaveCount(0);
    await expect(cart.quantityBox("Vase")).toHaveCount(0);
    await expect(cart.remove("Vase")).toBeEnabled();

    await cart.toCheckout();
    await expect(page).toHaveURL(/\/cart\?review=unavailable$/);
    await expect(page.getByTestId("cart-review")).toHaveText(en.Cart.review.unavailable);

    await cart.remove("Vase").click();
    await expect(cart.line("Vase")).toHaveCount(0);
    await expect(cart.headerCount()).toHaveText("1");
    await cart.toCheckout();
    await expect(page.getByRole("heading", { level: 1, name: en.Checkout.title })).toBeVisible();
    expect(serverErrors).toEqual([]);
  });

  test("checkout offers the store's shipping countries, names the discount as the cart does, and the cart shows one subtotal", async ({
    page,
    db,
    createTenant,
    serverErrors,
  }) => {
    const tenant = await createTenant({ defaultLocale: "fr", products: [{ slug: "scarf", priceCents: 2500, title: { fr: "Écharpe" } }] });
    await db.query(`UPDATE "Store" SET "shippingCountries" = ARRAY['BE', 'LU'] WHERE id = $1`, [tenant.store.id]);
    const coupon = await createCoupon(db, tenant.store.slug, { kind: "FIXED", amountCents: 300 });
    const email = `countries-${tenant.tag}@example.test`;
    await giveGuestCart(db, page.context(), tenant.store.slug, ["scarf"]);
    const cart = new CartPage(page, tenant.store.slug, "fr");
    await cart.goto();
    await expect(page.getByText(fr.Cart.subtotal, { exact: true })).toHaveCount(1);

    // Longer than any code can be: no such code (not "enter a code").
    const codeBox = page.getByRole("textbox", { name: fr.Cart.codeLabel, exact: true });
    await codeBox.evaluate((input, value) => {
      (input as HTMLInputElement).value = value;
    }, "A".repeat(80));
    await page.getByRole("button", { name: fr.Cart.apply, exact: true }).click();
    await expect(page.getByText(fr.Cart.errors.unknownCoupon)).toBeVisible();

    await applyCodeAndGoToCheckout(page, { storeUrl: tenant.store.url, cartPath: "/cart", locale: "fr", couponCode: coupon.code });
    const discount = fr.Cart.discount.replace("{code}", coupon.code);
    expect(fr.Checkout.summary.discount.replace("{code}", coupon.code)).toBe(discount);
    await expect(page.getByText(discount, { exact: true })).toBeVisible();

    const country = page.getByLabel(fr.Checkout.form.country, { exact: true });
    await expect(country.locator("option")).toHaveText(["Belgique", "Luxembourg"]);
    await expect(country).toHaveValue("BE");
    // A country the store does not ship to, sent anyway, is refused by the server.
    await country.evaluate((select) => {
      const option = document.createElement("option");
      option.value = "US";
      select.appendChild(option);
      (select as HTMLSelectElement).value = "US";
    });
    await placeGuestOrder(page, "fr", email, true);
    await expect(page.getByText(fr.Checkout.fieldErrors.invalidCountry)).toBeVisible();
    expect((await db.query(`SELECT 1 FROM "Order" WHERE email = $1`, [email])).rows).toHaveLength(0);

    await country.selectOption("LU");
    await page.getByRole("button", { name: fr.Checkout.form.placeOrder }).click();
    await expect(page.getByText(fr.Payments.test.banner)).toBeVisible();
    const { rows } = await db.query(`SELECT "shippingAddress"->>'country' AS country FROM "Order" WHERE email = $1`, [email]);
    expect(rows).toEqual([{ country: "LU" }]);
    expect(serverErrors).toEqual([]);
  });
});
