import { expect, storeUrl, test } from "../fixtures";
import { addMember } from "../support/accounts";
import { giveGuestCart, placeGuestOrder } from "../support/commerce";
import { format, messages } from "../support/messages";

const en = messages.en;
const product = en.GiftCards.product;

/** The Luxembourg day `days` after today, as the store counts days. */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Europe/Luxembourg" });
}

test("a gift card's life: bought for someone else for tomorrow, delivered when its day comes, spent partly online and the rest at the counter; another merchant knows nothing of it", async ({
  page,
  browser,
  db,
  createTenant,
  signInCustomer,
  serverErrors,
}) => {
  test.slow();
  const tenant = await createTenant({
    defaultLocale: "en",
    products: [
      { slug: "gift", priceCents: 2500, title: { en: "Gift card" } },
      { slug: "scarf", priceCents: 3000, title: { en: "Wool scarf" } },
    ],
  });
  const other = await createTenant({ defaultLocale: "en" });
  await db.query(`UPDATE "Product" SET kind = 'GIFT_CARD', "giftCardAmounts" = '{2500,5000}' WHERE slug = 'gift' AND "storeId" = $1`, [tenant.store.id]);
  const buyer = `buyer-${tenant.tag}@example.test`;
  const jos = `jos-${tenant.tag}@example.test`;

  // 1. A guest buys a 50 € card for Jos, to arrive tomorrow, and pays with the test provider.
  await page.goto(storeUrl(tenant.store.slug, "/p/gift"));
  const form = page.getByTestId("gift-card-form");
  await form.getByRole("group", { name: product.amountLegend }).getByLabel("€50.00").check();
  await form.getByLabel(product.forSomeoneElse).check();
  await form.getByLabel(product.recipientName).fill("Jos");
  await form.getByLabel(product.recipientEmail).fill(jos);
  await form.getByLabel(product.message).fill("Happy birthday, Jos!");
  await form.getByLabel(product.deliverOn).fill(dayFromNow(1));
  await form.getByRole("button", { name: product.add }).click();
  await expect(form.getByText(product.added)).toBeVisible();
  await page.goto(storeUrl(tenant.store.slug, "/cart"));
  await page.getByTestId("cart-checkout").click();
  await expect(page.getByRole("heading", { level: 1, name: en.Checkout.title })).toBeVisible();
  await placeGuestOrder(page, "en", buyer, false);
  await page.getByRole("button", { name: en.Payments.test.pay, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: en.Orders.confirmation.thanks })).toBeVisible();
  await expect(page.getByTestId("gift-card-deliveries")).toContainText(en.GiftCards.delivery.statuses.scheduled);

  // The card exists with its full balance; Jos's email waits for tomorrow.
  const { rows: cards } = await db.query(`SELECT id, "balanceCents", "deliveryEmailId" FROM "GiftCard" WHERE "merchantId" = $1`, [tenant.merchant.id]);
  expect(cards).toMatchObject([{ balanceCents: 5000 }]);
  const card = cards[0] as { id: string; deliveryEmailId: string };
  const waiting = await db.query(`SELECT status::text AS status, "sendAfter" > now() AS later, data FROM "EmailMessage" WHERE id = $1`, [card.deliveryEmailId]);
  expect(waiting.rows).toMatchObject([{ status: "QUEUED", later: true }]);

  // 2. Tomorrow comes: the email's send job is due now (the job's clock moved), and the worker sends it.
  await db.query(`UPDATE "EmailMessage" SET "sendAfter" = now() WHERE id = $1`, [card.deliveryEmailId]);
  await db.query(`UPDATE pgboss.job SET start_after = now() WHERE name = 'email-send' AND singleton_key = $1 AND state < 'active'`, [card.deliveryEmailId]);
  await expect
    .poll(async () => (await db.query(`SELECT status::text AS status FROM "EmailMessage" WHERE id = $1`, [card.deliveryEmailId])).rows[0].status, { timeout: 30_000 })
    .toBe("DEV_MAILBOX");
  const code = (waiting.rows[0].data as { code: string }).code;
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

  // 3. Jos spends 30 € of it online: the card covers the whole order, nothing is charged.
  const josContext = await browser.newContext();
  const josPage = await josContext.newPage();
  await giveGuestCart(db, josContext, tenant.store.slug, ["scarf"]);
  await josPage.goto(storeUrl(tenant.store.slug, "/cart"));
  await josPage.getByLabel(en.GiftCards.redeem.codeLabel).fill(code.toLowerCase());
  await josPage.getByRole("button", { name: en.GiftCards.redeem.apply }).click();
  const last4 = code.slice(-4);
  await expect(josPage.getByText(format(en.GiftCards.redeem.applied, { last4 }))).toBeVisible();
  await expect(josPage.getByTestId("cart-amount-due")).toHaveText("€0.00");
  await expect(josPage.getByText(format(en.GiftCards.redeem.balanceAfter, { amount: "€20.00" }))).toBeVisible();
  await josPage.getByTestId("cart-checkout").click();
  await expect(josPage.getByText(en.Checkout.noPaymentNeeded)).toBeVisible();
  await expect(josPage.getByTestId("summary-amount-due")).toHaveText("€0.00");
  await placeGuestOrder(josPage, "en", jos, true);
  await expect(josPage.getByRole("heading", { level: 1, name: en.Orders.confirmation.thanks })).toBeVisible();
  await expect(josPage.getByTestId("summary-tender")).toContainText("−€30.00");
  await josContext.close();

  // 4. The rest at the counter: staff take the remaining 20 €.
  const staff = await addMember(db, tenant, "STAFF");
  await signInCustomer(tenant.store.slug, { email: staff.email, page });
  await page.goto(storeUrl(tenant.store.slug, "/terminal/gift-cards"));
  await page.getByLabel(en.GiftCards.terminal.code).fill(code);
  await page.getByRole("button", { name: en.GiftCards.terminal.find }).click();
  await expect(page.getByTestId("gift-card-balance")).toHaveText("€20.00");
  await page.getByLabel(format(en.GiftCards.terminal.amount, { currency: "EUR" })).fill("20");
  await page.getByRole("button", { name: en.GiftCards.terminal.redeemSubmit }).click();
  await expect(page.getByTestId("gift-card-balance")).toHaveText("€0.00");

  // 5. The balance page says it is spent.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(storeUrl(tenant.store.slug, "/gift-cards/balance"));
  await visitor.getByLabel(en.GiftCards.balance.code).fill(code);
  await visitor.getByRole("button", { name: en.GiftCards.balance.submit }).click();
  await expect(visitor.getByTestId("gift-card-balance-amount")).toHaveText("€0.00");
  await expect(visitor.getByTestId("gift-card-balance-result")).toContainText(en.GiftCards.cardStatus.USED_UP);

  // The ledger tells the whole story, and sums to the balance.
  const { rows: ledger } = await db.query(`SELECT kind::text AS kind, "amountCents" FROM "GiftCardLedger" WHERE "cardId" = $1 ORDER BY "createdAt", id`, [card.id]);
  expect(ledger).toEqual([
    { kind: "ISSUE", amountCents: 5000 },
    { kind: "REDEEM", amountCents: -3000 },
    { kind: "REDEEM", amountCents: -2000 },
  ]);

  // 6. Another merchant: its balance page and its cart do not know the code, its terminal finds nothing,
  // and this store's pages of the card are not found there.
  await visitor.goto(storeUrl(other.store.slug, "/gift-cards/balance"));
  await visitor.getByLabel(en.GiftCards.balance.code).fill(code);
  await visitor.getByRole("button", { name: en.GiftCards.balance.submit }).click();
  await expect(visitor.getByTestId("gift-card-balance-result")).toHaveCount(0);
  await expect(visitor.getByText("€0.00")).toHaveCount(0);
  const otherCartContext = await browser.newContext();
  const otherCart = await otherCartContext.newPage();
  await otherCart.goto(storeUrl(other.store.slug, "/cart"));
  await otherCart.getByLabel(en.GiftCards.redeem.codeLabel).fill(code);
  await otherCart.getByRole("button", { name: en.GiftCards.redeem.apply }).click();
  await expect(otherCart.getByText(en.GiftCards.redeem.errors.invalid)).toBeVisible();
  await otherCartContext.close();
  const otherStaff = await addMember(db, other, "STAFF");
  const otherTill = await (await browser.newContext()).newPage();
  await signInCustomer(other.store.slug, { email: otherStaff.email, page: otherTill });
  await otherTill.goto(storeUrl(other.store.slug, "/terminal/gift-cards"));
  await otherTill.getByLabel(en.GiftCards.terminal.code).fill(code);
  await otherTill.getByRole("button", { name: en.GiftCards.terminal.find }).click();
  await expect(otherTill.getByTestId("gift-card-problem")).toBeVisible();
  await expect(otherTill.getByTestId("gift-card-balance")).toHaveCount(0);
  // Its id in the address is no card there either.
  await otherTill.goto(storeUrl(other.store.slug, `/terminal/gift-cards?card=${card.id}`));
  await expect(otherTill.getByTestId("gift-card-missing")).toBeVisible();
  await expect(otherTill.getByTestId("gift-card-balance")).toHaveCount(0);
  expect(serverErrors).toEqual([]);
});
