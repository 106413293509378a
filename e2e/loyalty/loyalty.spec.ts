import type { Page } from "@playwright/test";
import { expect, storeUrl, test } from "../fixtures";
import { expectNotFoundPage } from "../pages/not-found";
import { uniqueEmail } from "../support/auth";
import { demoCredentials } from "../support/demo";
import { format, messages } from "../support/messages";

const { en, fr, lb } = messages;

async function join(page: Page, slug: string, t: typeof en, fields: { email: string; name: string; birthday?: string }) {
  await page.goto(storeUrl(slug, "/loyalty/join"));
  await expect(page.getByRole("heading", { level: 1, name: t.Loyalty.join.title })).toBeVisible();
  await page.getByLabel(t.Loyalty.join.email, { exact: true }).fill(fields.email);
  await page.getByLabel(t.Loyalty.join.name, { exact: true }).fill(fields.name);
  if (fields.birthday) await page.getByLabel(t.Loyalty.join.birthday, { exact: true }).fill(fields.birthday);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: t.Loyalty.join.submit }).click();
}

/** Looks a card up on the terminal of `slug` (in `t`'s language, the store's default) and waits for it. */
async function findOnTerminal(page: Page, slug: string, t: typeof en, query: string) {
  await page.goto(storeUrl(slug, "/terminal"));
  await page.getByLabel(t.Terminal.search).fill(query);
  await page.getByRole("button", { name: t.Terminal.find }).click();
  await expect(page.getByTestId("terminal-card")).toBeVisible();
}

test("a customer joins in French, is recognised at the sister store, earns and redeems at the terminal, and sees it all; another merchant's staff get nothing", async ({
  page,
  browser,
  db,
  waitForEmail,
  signInCustomer,
  serverErrors,
}) => {
  // Four people in four browsers across three storefronts: more than the default 30 s on a busy machine.
  test.slow();
  const email = uniqueEmail("member");
  const name = "Camille Lefèvre";

  // Joining on fashionhub (French by default): the card with its QR, and the welcome email in French.
  await join(page, "fashionhub", fr, { email, name, birthday: "22/11/1990" });
  await expect(page.getByRole("heading", { level: 1, name: fr.Loyalty.joined.title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  const number = (await page.getByTestId("card-number").textContent())!.trim();
  expect(number).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await expect(page.getByRole("img", { name: format(fr.Loyalty.card.qrLabel, { number }) })).toBeVisible();
  await expect(page.getByRole("link", { name: fr.Loyalty.joined.continueShopping })).toBeVisible();
  const welcome = await waitForEmail(email, { template: "loyalty-welcome" });
  expect(welcome.locale).toBe("fr");
  expect(welcome.subject).toBe(format(fr.Emails.loyaltyWelcome.subject, { merchant: "Fashion Group" }));
  expect(welcome.data).toMatchObject({ cardNumber: number, storeName: "Fashion Hub", merchantName: "Fashion Group" });

  // Joining again on fashionoutlet (same merchant, English): already a member, nothing new.
  await join(page, "fashionoutlet", en, { email: email.toUpperCase(), name });
  await expect(page.getByRole("heading", { level: 1, name: en.Loyalty.joined.alreadyTitle })).toBeVisible();
  await expect(page.getByText(format(en.Loyalty.joined.alreadyLead, { merchant: "Fashion Group" }))).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByText(en.Loyalty.join.leadPOINTS.replace("{merchant}", "Fashion Group"))).toHaveCount(0);
  const welcomes = await db.query(`SELECT count(*)::int AS n FROM "EmailMessage" WHERE lower("to") = lower($1) AND template LIKE 'loyalty-welcome%'`, [email]);
  expect(welcomes.rows[0].n).toBe(1); // one welcome, which states the bonus

  // A staff member of Fashion Group finds the card by number and by email on fashionhub's terminal.
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  const sofia = demoCredentials("staff").email;
  await signInCustomer("fashionhub", { email: sofia, page: staffPage });
  await findOnTerminal(staffPage, "fashionhub", fr, number);
  const card = staffPage.getByTestId("terminal-card");
  await expect(card).toContainText(name);
  await expect(card).toContainText("22/11/1990");
  await expect(staffPage.getByTestId("terminal-balance")).toHaveText("50 points");
  await findOnTerminal(staffPage, "fashionhub", fr, email);
  await expect(card).toContainText(number);

  // Points for 60,50 € spent, then a refusal during the cooldown, with the minutes left.
  await staffPage.getByLabel(format(fr.Terminal.spend, { currency: "EUR" })).fill("60,50");
  await staffPage.getByRole("button", { name: fr.Terminal.addPoints }).click();
  await expect(staffPage.getByTestId("earn-outcome")).toHaveAttribute("data-tone", "success");
  await expect(staffPage.getByTestId("terminal-balance")).toHaveText("110 points");
  await staffPage.getByLabel(format(fr.Terminal.spend, { currency: "EUR" })).fill("10");
  await staffPage.getByRole("button", { name: fr.Terminal.addPoints }).click();
  const refusal = staffPage.getByTestId("earn-outcome");
  await expect(refusal).toHaveAttribute("data-tone", "warning");
  await expect(refusal).toContainText(/30 minutes/);
  await expect(staffPage.getByTestId("terminal-balance")).toHaveText("110 points");
  // Staff record movements; only managers may reverse them.
  await expect(staffPage.getByText(fr.Terminal.reverse, { exact: true })).toHaveCount(0);

  // Bad input: a malformed number is explained, nothing is looked up.
  await staffPage.goto(storeUrl("fashionhub", "/terminal?q=ABCD-EFGH-JKMN"));
  await expect(staffPage.getByTestId("terminal-problem")).toHaveText(fr.Loyalty.errors.invalidCard);

  // The reward is redeemed at the other store (fashionoutlet, English).
  await signInCustomer("fashionoutlet", { email: sofia, page: staffPage });
  await findOnTerminal(staffPage, "fashionoutlet", en, number);
  const tote = staffPage.getByTestId("terminal-rewards").getByRole("listitem").filter({ hasText: "Tote bag" });
  await tote.getByRole("button", { name: en.Terminal.redeem }).click();
  await tote.getByRole("button", { name: en.Terminal.confirmRedeemYes }).click();
  await expect(tote.getByTestId("redeem-outcome")).toHaveText(format(en.Terminal.redeemed, { balance: 10 }));
  await expect(staffPage.getByTestId("terminal-balance")).toHaveText("10 points");
  await staff.close();

  // The customer sees the balance and the history, with the stores, in French.
  const customer = await browser.newContext();
  const customerPage = await customer.newPage();
  await signInCustomer("fashionhub", { email, page: customerPage });
  await customerPage.goto(storeUrl("fashionhub", "/account/loyalty"));
  await expect(customerPage.getByTestId("loyalty-balance")).toHaveText("10 points");
  await expect(customerPage.getByTestId("card-number")).toHaveText(number);
  const history = customerPage.getByTestId("loyalty-history");
  await expect(history.getByRole("row").filter({ hasText: fr.Loyalty.kinds.BONUS })).toContainText("+50");
  await expect(history.getByRole("row").filter({ hasText: fr.Loyalty.kinds.EARN })).toContainText("Fashion Hub");
  await expect(history.getByRole("row").filter({ hasText: fr.Loyalty.kinds.REDEEM })).toContainText("Sac cabas");
  await expect(history.getByRole("row").filter({ hasText: fr.Loyalty.kinds.REDEEM })).toContainText("Fashion Outlet");
  await customer.close();

  // A visitor is sent to sign in and brought back, without a glimpse of the join call to action.
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  const response = await visitorPage.goto(storeUrl("fashionhub", "/account/loyalty"));
  expect(new URL(visitorPage.url()).pathname).toBe("/sign-in");
  expect(new URL(visitorPage.url()).searchParams.get("callbackUrl")).toBe("/account/loyalty");
  expect(await response!.text()).not.toContain(fr.Loyalty.account.join);
  await visitor.close();

  // Bakery Schmit's owner: 404 on Fashion Group's terminal, and the card is unknown on their own.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const jos = demoCredentials("otherOwner").email;
  await signInCustomer("fashionhub", { email: jos, page: otherPage });
  await expectNotFoundPage(otherPage, await otherPage.goto(storeUrl("fashionhub", `/terminal?q=${number}`)), "fr");
  await expect(otherPage.getByText(name)).toHaveCount(0);
  await signInCustomer("bakeryschmit", { email: jos, page: otherPage });
  await otherPage.goto(storeUrl("bakeryschmit", `/terminal?q=${number}`));
  await expect(otherPage.getByTestId("terminal-problem")).toHaveText(format(lb.Terminal.notFound, { query: number }));
  await expect(otherPage.getByText(name)).toHaveCount(0);
  await other.close();

  expect(serverErrors).toEqual([]);
});
