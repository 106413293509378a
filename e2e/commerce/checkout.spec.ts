import { expect, test } from "../fixtures";
import { storeUrl } from "../env";
import { expectNotFoundPage } from "../pages/not-found";
import { applyCodeAndGoToCheckout, createCoupon, giveGuestCart, placeGuestOrder } from "../support/commerce";
import { messages } from "../support/messages";

const fr = messages.fr;
const en = messages.en;

test.describe("checkout", () => {
  test("a guest on fashionhub buys with a coupon through the test provider and gets the French confirmation", async ({ page, db, waitForEmail, serverErrors }) => {
    const coupon = await createCoupon(db, "fashionhub", { kind: "FIXED", amountCents: 500 });
    const email = `guest-${coupon.code.toLowerCase()}@example.test`;

    // fashionhub's default locale is French: no prefix.
    await giveGuestCart(db, page.context(), "fashionhub", ["wool-scarf"]);
    await applyCodeAndGoToCheckout(page, { storeUrl: storeUrl("fashionhub"), cartPath: "/cart", locale: "fr", couponCode: coupon.code });
    await expect(page.getByText(fr.Checkout.summary.discount.replace("{code}", coupon.code))).toBeVisible();
    await expect(page.getByTestId("summary-total")).toHaveText(/29,50\s€/);
    await placeGuestOrder(page, "fr", email, true);

    // The clearly labelled test provider page.
    await expect(page.getByText(fr.Payments.test.banner)).toBeVisible();
    await page.getByRole("button", { name: fr.Payments.test.pay, exact: true }).click();

    await expect(page.getByRole("heading", { level: 1, name: fr.Orders.confirmation.thanks })).toBeVisible();
    await expect(page.getByText(fr.Orders.status.PAID, { exact: true })).toBeVisible();

    const mail = await waitForEmail(email, { template: "order-confirmation" });
    expect(mail.locale).toBe("fr");
    expect(mail.subject).toContain("Votre commande");
    const { rows } = await db.query(`SELECT status, "discountCents", "totalCents" FROM "Order" WHERE email = $1`, [email]);
    expect(rows).toEqual([{ status: "PAID", discountCents: 500, totalCents: 2950 }]);
    expect(serverErrors).toEqual([]);
  });

  test("a coupon paused before the order is placed sends the buyer back to the cart with the reason", async ({ page, db, serverErrors }) => {
    const coupon = await createCoupon(db, "fashionhub", { kind: "FIXED", amountCents: 500 });
    const email = `late-${coupon.code.toLowerCase()}@example.test`;
    await giveGuestCart(db, page.context(), "fashionhub", ["wool-scarf"]);
    await applyCodeAndGoToCheckout(page, { storeUrl: storeUrl("fashionhub"), cartPath: "/cart", locale: "fr", couponCode: coupon.code });

    // The merchant pauses the code while this buyer fills in the form.
    await db.query(`UPDATE "Coupon" SET paused = true WHERE id = $1`, [coupon.id]);
    await placeGuestOrder(page, "fr", email, true);

    await expect(page).toHaveURL(/\/cart\?review=couponNotQualified$/);
    await expect(page.getByTestId("cart-review")).toHaveText(fr.Cart.review.couponNotQualified);
    const row = page.locator(`[data-testid="cart-coupon"][data-code="${coupon.code}"]`);
    await expect(row).toHaveAttribute("data-qualified", "false");
    await expect(row.getByTestId("cart-coupon-status")).toHaveText(fr.Coupons.reasons.PAUSED);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM "Order" WHERE email = $1`, [email]);
    expect(rows[0].n).toBe(0);
    expect(serverErrors).toEqual([]);
  });

  test("an order below the payment minimum is completed with the payment waived, or refused once the merchant chooses so", async ({
    page,
    browser,
    db,
    createTenant,
    signInWithPassword,
    serverErrors,
  }) => {
    const tenant = await createTenant({ products: [{ slug: "sticker", priceCents: 30, title: { en: "Sticker" } }] });
    const email = `small-${tenant.tag}@example.test`;
    const form = en.StoreSettings.form;

    await giveGuestCart(db, page.context(), tenant.store.slug, ["sticker"]);
    await applyCodeAndGoToCheckout(page, { storeUrl: tenant.store.url, cartPath: "/cart", locale: "en" });
    await expect(page.getByText(en.Checkout.noPaymentNeeded)).toBeVisible();
    await placeGuestOrder(page, "en", email, true);
    await expect(page.getByRole("heading", { level: 1, name: en.Orders.confirmation.thanks })).toBeVisible();
    const { rows } = await db.query(`SELECT id, "paymentWaived", "totalCents" FROM "Order" WHERE email = $1`, [email]);
    expect(rows).toMatchObject([{ paymentWaived: true, totalCents: 30 }]);

    // The merchant is told on the order, then refuses such orders from now on.
    const merchant = await browser.newContext();
    const merchantPage = await merchant.newPage();
    await signInWithPassword(tenant.owner, { page: merchantPage });
    const storePath = `/account/m/${tenant.merchant.id}/stores/${tenant.store.id}`;
    await merchantPage.goto(`${storePath}/orders/${rows[0].id}`);
    await expect(merchantPage.getByTestId("order-payment")).toHaveText(en.Orders.merchant.paymentWaived.replace("{minimum}", "€0.50"));
    await merchantPage.goto(`${storePath}/settings`);
    await merchantPage.getByRole("radio", { name: form.smallOrdersRefuse }).check();
    await merchantPage.getByRole("button", { name: form.save }).click();
    await expect(merchantPage.getByText(form.saved)).toBeVisible();
    await merchant.close();

    const refusal = en.Checkout.errors.belowPaymentMinimum.replace("{minimum}", "€0.50");
    await giveGuestCart(db, page.context(), tenant.store.slug, ["sticker"]);
    await applyCodeAndGoToCheckout(page, { storeUrl: tenant.store.url, cartPath: "/cart", locale: "en" });
    await expect(page.getByTestId("checkout-below-minimum")).toHaveText(refusal);
    await placeGuestOrder(page, "en", `refused-${tenant.tag}@example.test`, true);
    await expect(page.getByRole("alert").filter({ hasText: refusal })).toBeVisible();
    const refused = await db.query(`SELECT count(*)::int AS n FROM "Order" WHERE email = $1`, [`refused-${tenant.tag}@example.test`]);
    expect(refused.rows[0].n).toBe(0);
    expect(serverErrors).toEqual([]);
  });

  test("a fully discounted cart completes without payment; its merchant sees the order and another merchant gets 404", async ({
    page,
    browser,
    db,
    createTenant,
    signInWithPassword,
    serverErrors,
  }) => {
    const tenant = await createTenant({ products: [{ slug: "free-gift", priceCents: 1200, title: { en: "Free gift" } }] });
    const coupon = await createCoupon(db, tenant.store.slug, { kind: "PERCENT", percentBasisPoints: 10000 });
    const email = `free-${tenant.tag}@example.test`;

    await giveGuestCart(db, page.context(), tenant.store.slug, ["free-gift"]);
    await applyCodeAndGoToCheckout(page, { storeUrl: tenant.store.url, cartPath: "/cart", locale: "en", couponCode: coupon.code });
    await expect(page.getByText(en.Checkout.noPaymentNeeded)).toBeVisible();
    await placeGuestOrder(page, "en", email, true);

    await expect(page.getByRole("heading", { level: 1, name: en.Orders.confirmation.thanks })).toBeVisible();
    await expect(page.getByText(en.Orders.confirmation.noPaymentNeeded)).toBeVisible();
    const { rows } = await db.query(`SELECT id, number, status, "paymentProvider", "totalCents" FROM "Order" WHERE email = $1`, [email]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "PAID", paymentProvider: "NONE", totalCents: 0 });
    const order = rows[0] as { id: string; number: string };

    // The merchant sees it in the store's orders.
    const merchant = await browser.newContext();
    const merchantPage = await merchant.newPage();
    await signInWithPassword(tenant.owner, { page: merchantPage });
    const ordersPath = `/account/m/${tenant.merchant.id}/stores/${tenant.store.id}/orders`;
    await merchantPage.goto(ordersPath);
    await merchantPage.getByRole("link", { name: order.number }).click();
    await expect(merchantPage.getByRole("heading", { level: 1, name: en.Orders.merchant.detailTitle.replace("{number}", order.number) })).toBeVisible();
    await expect(merchantPage.getByText(email)).toBeVisible();
    await merchant.close();

    // A merchant of another tenant: 404 on the order, with nothing of it on the page.
    const other = await createTenant();
    const attacker = await browser.newContext();
    const attackerPage = await attacker.newPage();
    await signInWithPassword(other.owner, { page: attackerPage });
    const response = await attackerPage.goto(`${ordersPath}/${order.id}`);
    await expectNotFoundPage(attackerPage, response);
    await expect(attackerPage.getByText(email)).toHaveCount(0);
    const ownStore = await attackerPage.goto(`/account/m/${other.merchant.id}/stores/${other.store.id}/orders/${order.id}`);
    await expectNotFoundPage(attackerPage, ownStore);
    await attacker.close();
    expect(serverErrors).toEqual([]);
  });
});
