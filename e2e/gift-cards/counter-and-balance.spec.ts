import { randomBytes } from "node:crypto";
import { expect, storeUrl, test } from "../fixtures";
import { formatGiftCardCode, generateGiftCardCode, hashGiftCardCode } from "../../lib/gift-cards/code";
import { addMember } from "../support/accounts";
import { newId } from "../support/db";
import { format, messages } from "../support/messages";

const en = messages.en.GiftCards;

test("staff find a gift card by its typed code at the terminal and take part of it; a visitor then checks what is left on the balance page", async ({
  page,
  browser,
  db,
  createTenant,
  signInCustomer,
  serverErrors,
}) => {
  test.slow();
  const tenant = await createTenant({ defaultLocale: "en" });
  const code = generateGiftCardCode((n) => randomBytes(n));
  const cardId = newId();
  await db.query(
    `INSERT INTO "GiftCard" (id, "merchantId", currency, "codeHash", last4, "initialCents", "balanceCents", source, "deliveryLocale")
     VALUES ($1, $2, 'EUR', $3, $4, 5000, 5000, 'MANUAL', 'en')`,
    [cardId, tenant.merchant.id, hashGiftCardCode(code), code.slice(-4)],
  );
  await db.query(
    `INSERT INTO "GiftCardLedger" (id, "merchantId", "cardId", kind, "amountCents", "balanceAfterCents", "transactionId") VALUES ($1, $2, $3, 'ISSUE', 5000, 5000, $4)`,
    [newId(), tenant.merchant.id, cardId, newId()],
  );
  const staff = await addMember(db, tenant, "STAFF");
  await signInCustomer(tenant.store.slug, { email: staff.email, page });

  await page.goto(storeUrl(tenant.store.slug, "/terminal"));
  await page.getByRole("link", { name: en.terminal.giftCardsTab }).click();
  await page.getByLabel(en.terminal.code).fill(formatGiftCardCode(code).toLowerCase());
  await page.getByRole("button", { name: en.terminal.find }).click();
  await expect(page.getByTestId("gift-card-balance")).toHaveText("€50.00");
  // The address names the card, never its code.
  expect(page.url()).toContain(`card=${cardId}`);
  expect(page.url().toUpperCase()).not.toContain(code.slice(0, 8));

  await page.getByLabel(format(en.terminal.amount, { currency: "EUR" })).fill("12,50");
  await page.getByRole("button", { name: en.terminal.redeemSubmit }).click();
  await expect(page.getByTestId("gift-card-redeem-outcome")).toHaveText(format(en.terminal.redeemed, { amount: "€12.50", balance: "€37.50" }));
  await expect(page.getByTestId("gift-card-balance")).toHaveText("€37.50");
  await expect(page.getByTestId("gift-card-history").getByRole("row").filter({ hasText: en.terminal.kinds.REDEEM })).toContainText(staff.email);

  // Staff cannot correct a balance: the manager's forms are not there.
  await expect(page.getByRole("heading", { name: en.terminal.adjustTitle })).toHaveCount(0);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(storeUrl(tenant.store.slug, "/"));
  await visitor.getByRole("link", { name: en.balance.footerLink }).click();
  await visitor.getByLabel(en.balance.code).fill(code);
  await visitor.getByRole("button", { name: en.balance.submit }).click();
  await expect(visitor.getByTestId("gift-card-balance-amount")).toHaveText("€37.50");
  await expect(visitor.getByTestId("gift-card-balance-result")).toContainText(en.cardStatus.ACTIVE);
  expect(visitor.url()).not.toContain(code);
  expect(serverErrors).toEqual([]);
});
