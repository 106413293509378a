import { expect, storeUrl, test } from "../fixtures";
import { expectNotFoundPage } from "../pages/not-found";
import { uniqueEmail } from "../support/auth";
import { format, messages } from "../support/messages";

const en = messages.en;
const m = en.Loyalty.merchant;

test("a merchant publishes a program only with terms, adds a reward; a member earns, a reversal compensates; members, ledger and totals show it; another merchant gets 404", async ({
  page,
  browser,
  createTenant,
  signInWithPassword,
  signInCustomer,
  waitForEmail,
  serverErrors,
}) => {
  // Four people in four browsers across three storefronts: more than the default 30 s on a busy machine.
  test.slow();
  const tenant = await createTenant();
  const loyaltyPath = `/account/m/${tenant.merchant.id}/loyalty`;

  // Setting the program up: publishing says why it is disabled until terms exist.
  await signInWithPassword(tenant.owner);
  await page.goto(`/account/m/${tenant.merchant.id}`);
  await page.getByRole("link", { name: m.title }).click();
  await expect(page).toHaveURL(new RegExp(`${loyaltyPath}$`));
  await expect(page.getByText(m.noProgram)).toBeVisible();
  const publish = page.getByRole("button", { name: m.publish });
  await expect(publish).toBeDisabled();
  await expect(publish).toHaveAccessibleDescription(m.publishDisabled);
  await page.getByLabel(m.pointsPerUnit).fill("2");
  await page.getByLabel(m.cooldownMinutes).fill("0");
  // Terms written in German only: an English page shows them with a note saying so.
  await page.getByLabel(format(m.termsTextIn, { language: "German" })).fill("Zwei Punkte pro Euro. Prämien werden nicht bar ausgezahlt.");
  await expect(publish).toBeEnabled();
  await publish.click();
  await expect(page.getByRole("status")).toHaveText(m.saved);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(m.statuses.ACTIVE);

  // A reward in two languages.
  await page.getByLabel(m.rewardCost).fill("30");
  await page.getByLabel(format(m.rewardName, { language: "English" })).fill("Coffee mug");
  await page.getByLabel(format(m.rewardName, { language: "Français" })).fill("Tasse à café");
  await page.getByRole("button", { name: m.addReward }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Coffee mug" })).toContainText("30 points");

  // A customer joins on the store (which sells nothing): a birthday in the future is refused first.
  const email = uniqueEmail("mug");
  const customer = await browser.newContext();
  const customerPage = await customer.newPage();
  await customerPage.goto(storeUrl(tenant.store.slug, "/loyalty/join"));
  await customerPage.getByLabel(en.Loyalty.join.email, { exact: true }).fill(email);
  await customerPage.getByLabel(en.Loyalty.join.name, { exact: true }).fill("Noah Weber");
  await customerPage.getByLabel(en.Loyalty.join.birthday, { exact: true }).fill("01/01/2999");
  await customerPage.getByRole("checkbox").check();
  await customerPage.getByRole("button", { name: en.Loyalty.join.submit }).click();
  await expect(customerPage.getByText(en.Loyalty.errors.birthdayInFuture)).toBeVisible();
  await customerPage.getByLabel(en.Loyalty.join.birthday, { exact: true }).fill("15/06/1988");
  await customerPage.getByRole("checkbox").check();
  await customerPage.getByRole("button", { name: en.Loyalty.join.submit }).click();
  await expect(customerPage.getByRole("heading", { level: 1, name: en.Loyalty.joined.title })).toBeVisible();
  await expect(customerPage.getByRole("link", { name: en.Loyalty.joined.backToStore })).toBeVisible();
  await expect(customerPage.getByRole("link", { name: en.Loyalty.joined.continueShopping })).toHaveCount(0);
  const number = (await customerPage.getByTestId("card-number").textContent())!.trim();
  await customerPage.goto(storeUrl(tenant.store.slug, "/loyalty/terms"));
  await expect(customerPage.getByRole("note")).toHaveText(format(en.Loyalty.terms.fallbackNote, { language: "German" }));
  await expect(customerPage.getByText("Zwei Punkte pro Euro. Prämien werden nicht bar ausgezahlt.")).toHaveAttribute("lang", "de");
  await customer.close();

  // The owner at the terminal: bad amounts are explained, 20 € earn 40 points, then a reversal.
  const till = await browser.newContext();
  const tillPage = await till.newPage();
  await signInCustomer(tenant.store.slug, { email: tenant.owner.email, page: tillPage });
  await tillPage.goto(storeUrl(tenant.store.slug, `/terminal?q=${encodeURIComponent(number.toLowerCase())}`));
  await expect(tillPage.getByTestId("terminal-card")).toContainText("Noah Weber");
  const spend = tillPage.getByLabel(format(en.Terminal.spend, { currency: "EUR" }));
  const add = tillPage.getByRole("button", { name: en.Terminal.addPoints });
  for (const [bad, message] of [
    ["-5", en.Loyalty.errors.invalidAmount],
    ["99999999999", en.Loyalty.errors.amountTooLarge],
    ["1e9", en.Loyalty.errors.invalidAmount],
  ] as const) {
    await spend.fill(bad);
    await add.click();
    await expect(tillPage.getByTestId("earn-outcome")).toHaveText(message);
    await expect(tillPage.getByTestId("earn-outcome")).toHaveAttribute("data-tone", "error");
    await expect(add).toBeEnabled();
    // The amount typed stays for the cashier to correct.
    await expect(spend).toHaveValue(bad);
  }
  await expect(tillPage.getByTestId("terminal-balance")).toHaveText("0 points");
  await spend.fill("20");
  await add.click();
  await expect(tillPage.getByTestId("terminal-balance")).toHaveText("40 points");
  const reach = await waitForEmail(email, { template: "loyalty-reward-within-reach" });
  expect(reach.data).toMatchObject({ balance: 40, rewards: [{ name: "Coffee mug", missing: 0 }] });

  const earnRow = tillPage.getByTestId("loyalty-history").getByRole("row").filter({ hasText: en.Loyalty.kinds.EARN });
  await earnRow.getByText(en.Terminal.reverse, { exact: true }).first().click();
  await earnRow.getByLabel(en.Terminal.reverseReason).fill("Wrong card");
  await earnRow.getByRole("button", { name: en.Terminal.reverseConfirm }).click();
  await expect(tillPage.getByTestId("terminal-balance")).toHaveText("0 points");
  const reversedRow = tillPage.getByTestId("loyalty-history").getByRole("row").filter({ hasText: en.Loyalty.kinds.EARN });
  await expect(reversedRow).toContainText(en.Terminal.isReversed);
  await expect(reversedRow.getByText(en.Terminal.reverse, { exact: true })).toHaveCount(0);
  await till.close();

  // Members, the card's ledger with the staff member and reason, and the week's totals.
  await page.goto(`${loyaltyPath}/members`);
  const member = page.getByTestId("loyalty-members").getByRole("row").filter({ hasText: email });
  await expect(member).toContainText("0 points");
  await expect(page.getByTestId("loyalty-totals")).toContainText(tenant.store.name);
  await expect(page.getByTestId("loyalty-chart")).toBeVisible();
  await member.getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { level: 1, name: format(m.ledger, { number }) })).toBeVisible();
  const ledger = page.getByTestId("loyalty-history");
  await expect(ledger.getByRole("row").filter({ hasText: "Wrong card" })).toContainText(tenant.owner.email);
  await expect(ledger.getByRole("row").filter({ hasText: "Wrong card" })).toContainText("−40");
  const ledgerUrl = page.url();

  // Another merchant's owner: 404 on every loyalty page of this merchant, with none of its data.
  const other = await createTenant();
  const attacker = await browser.newContext();
  const attackerPage = await attacker.newPage();
  await signInWithPassword(other.owner, { page: attackerPage });
  for (const url of [loyaltyPath, `${loyaltyPath}/members`, ledgerUrl]) {
    await expectNotFoundPage(attackerPage, await attackerPage.goto(url));
    await expect(attackerPage.getByText(email)).toHaveCount(0);
    await expect(attackerPage.getByText(number)).toHaveCount(0);
  }
  await attacker.close();
  expect(serverErrors).toEqual([]);
});
