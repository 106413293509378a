import { expect, test } from "../fixtures";
import { applyCodeAndGoToCheckout, giveGuestCart, placeGuestOrder } from "../support/commerce";
import { messages } from "../support/messages";

const en = messages.en;
const form = en.Orders.merchant.refundForm;

test.describe("refunds", () => {
  // A checkout, a sign-in and three refunds, each rendering the order page again.
  test.slow();

  test("a manager refunds one item with restock, then an amount to store credit; both pages show where the money went", async ({
    page,
    browser,
    db,
    createTenant,
    signInWithPassword,
    serverErrors,
  }) => {
    const tenant = await createTenant({
      products: [
        { slug: "mug", priceCents: 2500, stock: 5, title: { en: "Mug" } },
        { slug: "poster", priceCents: 1000, title: { en: "Poster" } },
      ],
    });
    const email = `refund-${tenant.tag}@example.test`;
    await giveGuestCart(db, page.context(), tenant.store.slug, ["mug", "poster"]);
    await applyCodeAndGoToCheckout(page, { storeUrl: tenant.store.url, cartPath: "/cart", locale: "en" });
    await placeGuestOrder(page, "en", email, true);
    await page.getByRole("button", { name: en.Payments.test.pay, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: en.Orders.confirmation.thanks })).toBeVisible();
    const buyerUrl = page.url();
    const { rows } = await db.query(`SELECT id FROM "Order" WHERE email = $1`, [email]);

    const merchant = await browser.newContext();
    const merchantPage = await merchant.newPage();
    merchantPage.on("dialog", (dialog) => void dialog.accept());
    await signInWithPassword(tenant.owner, { page: merchantPage });
    await merchantPage.goto(`/account/m/${tenant.merchant.id}/stores/${tenant.store.id}/orders/${rows[0].id}`);

    const refund = merchantPage.getByTestId("refund-form");
    await expect(merchantPage.getByTestId("refund-refundable")).toHaveText(form.refundable.replace("{left}", "€35.00").replace("{total}", "€35.00"));
    await expect(merchantPage.getByTestId("refunds-list")).toHaveCount(0);
    await refund.getByLabel(form.unitsOf.replace("{title}", "Mug").replace("{max}", "1")).fill("1");
    await refund.getByTestId("refund-restock").check();
    await refund.getByLabel(form.reason).fill("Chipped");
    await refund.getByTestId("refund-submit").click();
    await expect(refund.getByTestId("refund-outcome")).toHaveText(form.done);
    await expect(merchantPage.getByTestId("refund-row")).toHaveCount(1);
    await expect(merchantPage.getByTestId("order-partly-refunded")).toHaveText(en.Orders.refunds.partlyRefunded.replace("{amount}", "€25.00"));
    await expect(merchantPage.getByTestId("refund-refundable")).toHaveText(form.refundable.replace("{left}", "€10.00").replace("{total}", "€35.00"));
    const stock = await db.query(`SELECT stock FROM "Product" WHERE "storeId" = $1 AND slug = 'mug'`, [tenant.store.id]);
    expect(stock.rows[0].stock).toBe(5);

    // An amount to store credit: the page rendered again with a new key, so this is a second refund.
    await refund.getByTestId("refund-mode-amount").check();
    await refund.getByTestId("refund-amount").fill("4,50");
    await refund.getByTestId("refund-to-credit").check();
    await refund.getByTestId("refund-submit").click();
    await expect(merchantPage.getByTestId("refund-row")).toHaveCount(2);
    await expect(merchantPage.getByTestId("refund-row").first()).toContainText(`${en.Orders.refunds.to.STORE_CREDIT}: €4.50`);
    await expect(merchantPage.getByTestId("refund-row").last()).toContainText("Chipped");
    await expect(merchantPage.getByTestId("refund-row").last()).toContainText(`${en.Orders.refunds.to.PAYMENT}: €25.00`);

    // Too much: refused, nothing more refunded.
    await refund.getByTestId("refund-mode-amount").check();
    await refund.getByTestId("refund-amount").fill("100");
    await refund.getByTestId("refund-submit").click();
    await expect(refund.getByTestId("refund-outcome")).toHaveText(en.Orders.merchant.errors.moreThanRefundable);
    await expect(merchantPage.getByTestId("refund-row")).toHaveCount(2);
    await merchant.close();

    await page.goto(buyerUrl);
    const buyerRefunds = page.getByTestId("refunds-list");
    await expect(buyerRefunds.getByTestId("refund-row")).toHaveCount(2);
    await expect(buyerRefunds).toContainText(`${en.Orders.refunds.to.STORE_CREDIT}: €4.50`);
    await expect(buyerRefunds).not.toContainText("Chipped");
    await expect(page.getByTestId("order-partly-refunded")).toHaveText(en.Orders.refunds.partlyRefunded.replace("{amount}", "€29.50"));
    expect(serverErrors).toEqual([]);
  });
});
