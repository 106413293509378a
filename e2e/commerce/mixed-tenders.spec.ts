import { expect, storeUrl, test } from "../fixtures";
import { giveGuestCart } from "../support/commerce";
import { addCardHolder, addReward, publishPointsProgram } from "../support/loyalty";
import { format, messages } from "../support/messages";
import { giveStoreCredit, setOnlineValue, storeCreditState } from "../support/tenders";

const en = messages.en;

test("a member pays with points, store credit and the card together; the merchant refunds half of it to store credit", async ({
  page,
  browser,
  db,
  createTenant,
  signInCustomer,
  signInWithPassword,
  waitForEmail,
  serverErrors,
}) => {
  test.slow();
  const tenant = await createTenant({ products: [{ slug: "coat", priceCents: 6000, title: { en: "Wool coat" } }] });
  const programId = await publishPointsProgram(db, tenant);
  await setOnlineValue(db, await addReward(db, tenant, programId, 500, "Five euros off"), 500);
  const email = `member-${tenant.store.slug}@example.test`;
  await addCardHolder(db, tenant, email, 800);
  const accountId = await giveStoreCredit(db, tenant, email, 3000);

  await giveGuestCart(db, page.context(), tenant.store.slug, ["coat"]);
  await signInCustomer(tenant.store.slug, { email });
  await page.goto(storeUrl(tenant.store.slug, "/cart"));

  // 60.00: 500 points pay 5.00, then 20.00 of the 30.00 credit; the card pays the 35.00 left.
  await page.getByTestId("cart-points").getByTestId("cart-points-use").click();
  await expect(page.locator('[data-testid="cart-tender"][data-kind="LOYALTY_POINTS"]')).toContainText("€5.00");
  await page.getByTestId("cart-credit-amount").fill("20");
  await page.getByTestId("cart-credit-apply").click();
  await expect(page.locator('[data-testid="cart-tender"][data-kind="STORE_CREDIT"]')).toContainText("€20.00");
  await expect(page.getByTestId("cart-amount-due")).toHaveText("€35.00");

  await page.getByTestId("cart-checkout").click();
  const form = en.Checkout.form;
  await page.getByLabel(form.name, { exact: true }).fill("Lou Reding");
  await page.getByLabel(form.line1, { exact: true }).fill("12 Grand-Rue");
  await page.getByLabel(form.postalCode).fill("1660");
  await page.getByLabel(form.city).fill("Luxembourg");
  await expect(page.getByTestId("summary-amount-due")).toHaveText("€35.00");
  await page.getByRole("button", { name: form.placeOrder }).click();
  await page.getByRole("button", { name: en.Payments.test.pay, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: en.Orders.confirmation.thanks })).toBeVisible();
  await expect(page.locator('[data-testid="summary-tender"][data-kind="LOYALTY_POINTS"]')).toContainText("€5.00");
  await expect(page.locator('[data-testid="summary-tender"][data-kind="STORE_CREDIT"]')).toContainText("€20.00");
  await expect(page.getByTestId("summary-amount-due")).toHaveText("€35.00");
  expect(await storeCreditState(db, accountId)).toEqual({ balance: 1000, ledger: 1000, lots: 1000 });

  const { rows } = await db.query(`SELECT id FROM "Order" WHERE email = $1 AND status = 'PAID'`, [email]);
  expect(rows).toHaveLength(1);
  const orderId = (rows[0] as { id: string }).id;

  // The merchant refunds half (30.00) to store credit: it comes from the card's 35.00 first.
  const merchant = await browser.newContext();
  const merchantPage = await merchant.newPage();
  await signInWithPassword(tenant.owner, { page: merchantPage });
  // The form asks for confirmation before it refunds.
  merchantPage.on("dialog", (dialog) => void dialog.accept());
  await merchantPage.goto(`/account/m/${tenant.merchant.id}/stores/${tenant.store.id}/orders/${orderId}`);
  const refund = merchantPage.getByTestId("refund-form");
  await refund.getByTestId("refund-mode-amount").check();
  await refund.getByTestId("refund-amount").fill("30");
  await refund.getByTestId("refund-to-credit").check();
  await refund.getByTestId("refund-submit").click();
  await expect(merchantPage.getByTestId("refunds-list").getByTestId("refund-row")).toHaveCount(1);
  await expect(merchantPage.getByTestId("refunds-list")).toContainText("€30.00");
  await merchant.close();

  expect(await storeCreditState(db, accountId)).toEqual({ balance: 4000, ledger: 4000, lots: 4000 });
  const note = await waitForEmail(email, { template: "order-refund" });
  expect(note.subject).toBe(format(en.Emails.orderRefund.subject, { store: tenant.store.name, number: note.data.orderNumber as string }));

  // The customer sees the credit that came back.
  await page.goto(storeUrl(tenant.store.slug, "/account/credit"));
  await expect(page.getByText("€40.00").first()).toBeVisible();
  expect(serverErrors).toEqual([]);
});
