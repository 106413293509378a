import { expect, test } from "../fixtures";
import { expectNotFoundPage } from "../pages/not-found";
import { addMember } from "../support/accounts";
import { format, messages } from "../support/messages";

const en = messages.en;
const a = en.StoreCreditAdmin;
const c = en.StoreCredit;
const g = en.GiftCardAdmin;

test("a manager gives goodwill credit and corrects it; the customer sees it and moves a gift card into it; another merchant gets 404", async ({
  page,
  browser,
  createTenant,
  db,
  signInWithPassword,
  signInCustomer,
  serverErrors,
}) => {
  test.slow();
  const tenant = await createTenant();
  const other = await createTenant();
  const manager = await addMember(db, tenant, "MANAGER");
  const base = `/account/m/${tenant.merchant.id}/store-credit`;

  // The customer signs in on the storefront: no credit yet, and no gift-card form while the merchant does not allow it.
  const customerContext = await browser.newContext();
  const shopper = await customerContext.newPage();
  const { email } = await signInCustomer(tenant.store.slug, { page: shopper });
  await shopper.getByRole("link", { name: c.link, exact: true }).click();
  await expect(shopper.getByRole("heading", { level: 1, name: c.title })).toBeVisible();
  await expect(shopper.getByText(format(c.empty, { merchant: tenant.merchant.name }))).toBeVisible();
  await expect(shopper.getByTestId("claim-form")).toHaveCount(0);

  // The owner lets customers move gift cards into credit, and issues a card by hand.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signInWithPassword(tenant.owner, { page: owner });
  await owner.goto(`/account/m/${tenant.merchant.id}/gift-cards/settings`);
  await owner.getByLabel(g.settings.toCredit).check();
  await owner.getByRole("region", { name: g.settings.toCreditTitle }).getByRole("button", { name: g.settings.save }).click();
  await expect(owner.getByText(g.settings.saved)).toBeVisible();
  await owner.goto(`/account/m/${tenant.merchant.id}/gift-cards/new`);
  await owner.getByLabel(g.issue.amount).fill("20");
  await owner.getByLabel(g.issue.note).fill("For the store-credit test");
  await owner.getByRole("button", { name: g.issue.submit }).click();
  const code = (await owner.getByTestId("issued-code").textContent())!.trim();
  await ownerContext.close();

  // The manager finds the store-credit page from the merchant's home: empty, then goodwill credit.
  await signInWithPassword(manager);
  await page.goto(`/account/m/${tenant.merchant.id}`);
  await page.getByRole("link", { name: en.Account.merchant.storeCredit, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: a.title })).toBeVisible();
  await expect(page.getByText(a.empty)).toBeVisible();
  await page.getByLabel(a.goodwill.customerEmail).fill("nobody@example.test");
  await page.getByLabel(a.goodwill.amount).fill("0");
  await page.getByRole("button", { name: a.goodwill.submit }).click();
  await expect(page.getByText(a.errors.invalidAmount)).toBeVisible();
  await expect(page.getByText(a.errors.required)).toBeVisible();
  // Once the form parses, the email must be one of the merchant's customers.
  await page.getByLabel(a.goodwill.amount).fill("12.50");
  await page.getByLabel(a.goodwill.reason).fill("Late delivery");
  await page.getByRole("button", { name: a.goodwill.submit }).click();
  await expect(page.getByText(a.errors.notCustomer)).toBeVisible();
  await page.getByLabel(a.goodwill.customerEmail).fill(email);
  await page.getByRole("button", { name: a.goodwill.submit }).click();
  await expect(page.getByTestId("goodwill-outcome")).toContainText(format(a.goodwill.done, { amount: "€12.50", email }));
  await page.reload();
  await expect(page.getByTestId("credit-totals")).toContainText("€12.50");
  const row = page.getByTestId("credit-accounts").getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("€12.50");
  await page.screenshot({ path: test.info().outputPath("merchant-list.png"), fullPage: true });

  // The account's page: the goodwill row; taking off more than the balance is refused, less is not.
  await row.getByRole("link", { name: email }).click();
  await expect(page.getByRole("heading", { level: 1, name: format(a.account.title, { email }) })).toBeVisible();
  const ledger = page.getByTestId("credit-ledger");
  await expect(ledger.getByRole("row").filter({ hasText: a.origins.GOODWILL })).toContainText("Late delivery");
  await expect(ledger).toContainText(manager.email);
  await page.getByLabel(format(a.adjust.amount, { currency: "EUR" })).fill("20");
  await page.getByLabel(a.adjust.reason).fill("Counted twice");
  await page.getByRole("button", { name: a.adjust.submit }).click();
  await expect(page.getByTestId("adjust-outcome")).toContainText(a.errors.insufficient);
  await page.getByLabel(format(a.adjust.amount, { currency: "EUR" })).fill("2.50");
  await page.getByRole("button", { name: a.adjust.submit }).click();
  await expect(page.getByTestId("adjust-outcome")).toContainText(a.adjust.done);
  await page.reload();
  await expect(page.getByTestId("credit-balance")).toContainText("€10.00");
  await expect(page.getByTestId("credit-ledger").getByRole("row").filter({ hasText: a.kinds.ADJUST })).toContainText("-€2.50");
  await page.screenshot({ path: test.info().outputPath("merchant-account.png"), fullPage: true });
  const accountUrl = new URL(page.url()).pathname;

  // The customer sees €10.00 and moves the gift card in: €30.00.
  await shopper.reload();
  await expect(shopper.getByTestId("credit-available")).toHaveText("€10.00");
  await expect(shopper.getByTestId("credit-history").getByRole("row").filter({ hasText: c.origins.GOODWILL })).toContainText("€12.50");
  await shopper.getByLabel(c.claim.code).fill("AAAA-AAAA-AAAA-AAAA");
  await shopper.getByRole("button", { name: c.claim.submit }).click();
  await expect(shopper.getByText(c.claim.errors.typo).or(shopper.getByText(c.claim.errors.invalid))).toBeVisible();
  await shopper.getByLabel(c.claim.code).fill(code);
  await shopper.getByRole("button", { name: c.claim.submit }).click();
  await expect(shopper.getByTestId("claim-outcome")).toContainText(format(c.claim.done, { amount: "€20.00", last4: code.slice(-4) }));
  await expect(shopper.getByTestId("credit-available")).toHaveText("€30.00");
  await expect(shopper.getByTestId("credit-history").getByRole("row").filter({ hasText: c.origins.GIFT_CARD })).toContainText("€20.00");
  await shopper.screenshot({ path: test.info().outputPath("customer-credit.png"), fullPage: true });
  await customerContext.close();

  // Another merchant's owner: 404 for the list and the account, nothing of it shown.
  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await signInWithPassword(other.owner, { page: stranger });
  for (const path of [base, accountUrl]) {
    const response = await stranger.goto(path);
    await expectNotFoundPage(stranger, response);
    await expect(stranger.getByText(email)).toHaveCount(0);
  }
  await strangerContext.close();
  expect(serverErrors).toEqual([]);
});
