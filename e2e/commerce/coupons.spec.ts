import { expect, test } from "../fixtures";
import { storeUrl } from "../env";
import { createCoupon, giveGuestCart, placeGuestOrder } from "../support/commerce";
import { createDatedCoupon } from "../support/coupons";
import { messages } from "../support/messages";

// fashionhub's default locale is French: its unprefixed pages are in French.
const fr = messages.fr;

test.describe("coupons on the storefront", () => {
  test("an expired coupon stays on the cart with its reason and adds no discount", async ({ page, context, db, serverErrors }) => {
    await giveGuestCart(db, context, "fashionhub", ["linen-shirt"]);
    const expired = await createDatedCoupon(db, "fashionhub", { amountCents: 500, endsAt: new Date(Date.now() - 24 * 3600_000) });

    await page.goto(storeUrl("fashionhub", "/cart"));
    await expect(page.getByRole("heading", { level: 1, name: fr.Cart.title })).toBeVisible();
    const totalBefore = await page.getByTestId("cart-total").textContent();

    await page.getByRole("textbox", { name: fr.Cart.codeLabel, exact: true }).fill(expired.code.toLowerCase());
    await page.getByRole("button", { name: fr.Cart.apply, exact: true }).click();

    const row = page.locator(`[data-testid="cart-coupon"][data-code="${expired.code}"]`);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute("data-qualified", "false");
    // "Ce code a expiré le {date}." with the date in French.
    const [before] = fr.Coupons.reasons.EXPIRED.split("{date}");
    await expect(row.getByTestId("cart-coupon-status")).toContainText(before!.trim());
    await expect(row.getByTestId("cart-coupon-status")).toContainText(/\d{1,2} [a-zéû]+\.? \d{4}/);
    await expect(row.getByRole("link", { name: fr.Cart.terms })).toHaveAttribute("href", `/c/${expired.code}`);
    await expect(page.getByTestId("cart-total")).toHaveText(totalBefore!);

    // The X removes it.
    await row.getByRole("button", { name: fr.Cart.removeCoupon.replace("{code}", expired.code) }).click();
    await expect(row).toHaveCount(0);
    expect(serverErrors).toEqual([]);
  });

  test("a code that does not apply says so on adding, stays with its reason and does not stop the order", async ({ page, context, db, serverErrors }) => {
    await giveGuestCart(db, context, "fashionhub", ["linen-shirt"]);
    const expired = await createDatedCoupon(db, "fashionhub", { amountCents: 500, endsAt: new Date(Date.now() - 24 * 3600_000) });
    const email = `kept-${expired.code.toLowerCase()}@example.test`;

    await page.goto(storeUrl("fashionhub", "/cart"));
    await page.getByRole("textbox", { name: fr.Cart.codeLabel, exact: true }).fill(expired.code);
    await page.getByRole("button", { name: fr.Cart.apply, exact: true }).click();
    // "Le code … a été ajouté, mais il ne s’applique pas à votre panier : Ce code a expiré le …"
    const [added] = fr.Cart.notApplied.replace("{code}", expired.code).split("{reason}");
    await expect(page.getByText(added!)).toBeVisible();
    await expect(page.getByText(added!)).toContainText(fr.Coupons.reasons.EXPIRED.split("{date}")[0]!.trim());
    const row = page.locator(`[data-testid="cart-coupon"][data-code="${expired.code}"]`);
    await expect(row).toHaveAttribute("data-qualified", "false");

    // Checkout opens with the code listed as not applied, and the order goes through without it.
    await page.getByTestId("cart-checkout").click();
    await expect(page.getByRole("heading", { level: 1, name: fr.Checkout.title })).toBeVisible();
    await expect(page.getByTestId("checkout-coupons-not-applied")).toContainText(expired.code);
    await placeGuestOrder(page, "fr", email, true);
    await expect(page.getByText(fr.Payments.test.banner)).toBeVisible();
    const { rows } = await db.query(`SELECT "discountCents" FROM "Order" WHERE email = $1`, [email]);
    expect(rows).toEqual([{ discountCents: 0 }]);
    expect(serverErrors).toEqual([]);
  });

  test("an expired code's page shows why and does not offer to apply it", async ({ page, db, serverErrors }) => {
    const expired = await createDatedCoupon(db, "fashionhub", { amountCents: 500, endsAt: new Date(Date.now() - 24 * 3600_000) });
    await page.goto(storeUrl("fashionhub", `/c/${expired.code}`));
    await expect(page.getByRole("heading", { level: 1, name: fr.Coupons.page.title.replace("{code}", expired.code) })).toBeVisible();
    await expect(page.getByTestId("coupon-standing")).toContainText(fr.Coupons.reasons.EXPIRED.split("{date}")[0]!.trim());
    await expect(page.getByRole("button", { name: fr.Coupons.page.apply })).toHaveCount(0);
    expect(serverErrors).toEqual([]);
  });

  test("the coupon page shows its terms and applies the coupon to the active cart", async ({ page, context, db, serverErrors }) => {
    await giveGuestCart(db, context, "fashionhub", ["linen-shirt"]);
    const coupon = await createCoupon(db, "fashionhub", { kind: "PERCENT", percentBasisPoints: 1000 });

    await page.goto(storeUrl("fashionhub", `/c/${coupon.code.toLowerCase()}`));
    await expect(page.getByRole("heading", { level: 1, name: fr.Coupons.page.title.replace("{code}", coupon.code) })).toBeVisible();
    await expect(page.getByTestId("coupon-discount")).toContainText("10");
    await expect(page.getByTestId("coupon-terms")).toContainText(fr.Coupons.terms.notCombinable);

    await page.getByRole("button", { name: fr.Coupons.page.apply }).click();
    await expect(page.getByText(fr.Coupons.page.applied)).toBeVisible();
    await page.getByRole("link", { name: fr.Coupons.page.viewCart }).click();

    const row = page.locator(`[data-testid="cart-coupon"][data-code="${coupon.code}"]`);
    await expect(row).toHaveAttribute("data-qualified", "true");
    await expect(row.getByTestId("cart-coupon-status")).toHaveText(fr.Cart.qualified);
    await expect(page.getByText(fr.Cart.discount.replace("{code}", coupon.code))).toBeVisible();
    expect(serverErrors).toEqual([]);
  });

  test("an unknown code is refused with a translated message", async ({ page, context, db }) => {
    await giveGuestCart(db, context, "fashionhub", ["linen-shirt"]);
    await page.goto(storeUrl("fashionhub", "/cart"));
    await page.getByRole("textbox", { name: fr.Cart.codeLabel, exact: true }).fill("NOSUCHCODE");
    await page.getByRole("button", { name: fr.Cart.apply, exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: fr.Cart.errors.unknownCoupon })).toBeVisible();
  });
});
