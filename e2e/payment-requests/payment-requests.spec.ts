import type pg from "pg";
import { expect, test } from "../fixtures";
import { expectNotFoundPage } from "../pages/not-found";
import { applyCodeAndGoToCheckout, giveGuestCart, placeGuestOrder } from "../support/commerce";
import type { OutboxEmail } from "../support/db";
import { format, messages } from "../support/messages";

const m = messages.en.PaymentRequests.merchant;
const pay = messages.fr.PaymentRequests.pay;
const owed = messages.en.PaymentRequests.owed;

interface ReminderItem {
  reference: string;
  title: string;
  amountCents: number;
  payUrl: string;
}

/**
 * The schedule's period passes for this payer (their last reminder moves a month back), then the
 * worker runs the hourly payment-request job now. Whatever the real hourly run did in between,
 * the next reminder is due.
 */
async function nextReminderRun(db: pg.Pool, email: string): Promise<Date> {
  await db.query(`UPDATE "Payer" SET "lastRemindedAt" = "lastRemindedAt" - interval '31 days' WHERE email = $1 AND "lastRemindedAt" IS NOT NULL`, [email]);
  const { rows } = await db.query<{ now: Date }>(`SELECT now() AS now`);
  await db.query(`INSERT INTO pgboss.job (name, data) VALUES ('payment-requests', '{}'::jsonb)`);
  return rows[0]!.now;
}

const itemsOf = (email: OutboxEmail) => (email.data as { items: ReminderItem[] }).items;

test("a merchant bills a customer for two items; one grouped reminder in the customer's language; the customer pays one and the next reminder lists only the other; another merchant gets 404", async ({
  page,
  browser,
  createTenant,
  db,
  signInWithPassword,
  signInCustomer,
  waitForEmail,
  serverErrors,
}) => {
  test.slow();
  const tenant = await createTenant({ defaultLocale: "en", locales: ["en", "fr"] });
  const other = await createTenant();
  const base = `/account/m/${tenant.merchant.id}/payment-requests`;

  // The customer has an account at the merchant's store.
  const customerContext = await browser.newContext();
  const shopper = await customerContext.newPage();
  const { email } = await signInCustomer(tenant.store.slug, { page: shopper });

  // The owner bills them for two items, in French, from the account area.
  await signInWithPassword(tenant.owner);
  await page.goto(`/account/m/${tenant.merchant.id}`);
  await page.getByRole("link", { name: m.title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: m.title })).toBeVisible();
  await expect(page.getByText(m.list.empty)).toBeVisible();

  // Reminders every 14 days, a request in at most 2 of them.
  await page.getByRole("link", { name: m.nav.settings, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: m.settings.title })).toBeVisible();
  await page.getByLabel(m.settings.interval).selectOption("14");
  await page.getByLabel(m.settings.maxReminders).selectOption("2");
  await page.getByRole("button", { name: m.settings.save }).click();
  await expect(page.getByText(m.settings.saved)).toBeVisible();
  await page.goto(base);
  await expect(page.getByTestId("reminder-schedule")).toContainText(format(m.schedule.every, { days: 14, max: 2 }));

  const bills = [
    { reference: "RET-1", title: "Ourlet de pantalon", amount: "18", shown: "€18.00" },
    { reference: "RET-2", title: "Nettoyage à sec", amount: "24.50", shown: "€24.50" },
  ];
  for (const bill of bills) {
    await page.getByRole("link", { name: m.nav.new, exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: m.form.title })).toBeVisible();
    await page.getByLabel(m.form.fields.payerName).fill("Camille Weber");
    await page.getByLabel(m.form.fields.payerEmail).fill(email);
    await page.getByLabel(m.form.fields.payerLocale).selectOption("fr");
    await page.getByLabel(m.form.fields.reference).fill(bill.reference);
    const line = page.getByRole("group", { name: format(m.form.fields.line, { number: 1 }) });
    await line.getByLabel(m.form.fields.title).fill(bill.title);
    await line.getByLabel(m.form.fields.amount).fill(bill.amount);
    await expect(page.getByTestId("request-total")).toContainText(bill.shown);
    await page.getByRole("button", { name: m.form.fields.submit }).click();
    await expect(page.getByRole("heading", { level: 1, name: format(m.detail.title, { reference: bill.reference }) })).toBeVisible();
    await page.getByRole("link", { name: m.detail.back }).click();
  }
  // "Send me a test": the payer's reminder as they would get it, to the owner only.
  await page.getByRole("link", { name: "RET-2" }).click();
  const tested = new Date();
  await page.getByRole("button", { name: m.detail.test.send }).click();
  await expect(page.getByTestId("test-reminder-sent")).toContainText(format(m.detail.test.sentTo, { email: tenant.owner.email }));
  const sample = await waitForEmail(tenant.owner.email, { template: "payment-reminder", after: tested });
  expect(sample.locale).toBe("fr");
  expect(itemsOf(sample).map((item) => item.reference)).toEqual(["RET-1", "RET-2"]);
  await page.getByRole("link", { name: m.detail.back }).click();
  await expect(page.getByTestId("outstanding-totals")).toContainText("€42.50");
  const requestUrl = await page.getByRole("link", { name: "RET-1" }).getAttribute("href");

  // The hourly job sends the payer one email, in French, with both items, each with its own pay button.
  const firstRun = await nextReminderRun(db, email);
  const first = await waitForEmail(email, { template: "payment-reminder", after: firstRun, timeout: 30_000 });
  expect(first.locale).toBe("fr");
  expect(first.subject).toContain("2 paiements en attente");
  expect(itemsOf(first).map((item) => [item.reference, item.amountCents])).toEqual([
    ["RET-1", 1800],
    ["RET-2", 2450],
  ]);
  expect((first.data as { totals: unknown }).totals).toEqual([{ currency: "EUR", totalCents: 4250 }]);

  // The customer follows the first item's pay button and pays it through the test provider.
  const payUrl = itemsOf(first).find((item) => item.reference === "RET-1")!.payUrl;
  expect(new URL(payUrl).pathname).toMatch(/^\/fr\/pay\/r\//);
  await shopper.goto(payUrl);
  await expect(shopper.getByTestId("pay-request-total")).toContainText("18,00");
  // "Payer 18,00 €" (French formatting, with its narrow no-break space).
  await expect(shopper.getByTestId("pay-request-submit")).toHaveText(new RegExp(`^${pay.pay.replace("{amount}", "18,00.€")}$`));
  await shopper.getByTestId("pay-request-submit").click();
  await expect(shopper.getByRole("button", { name: messages.fr.Payments.test.pay, exact: true })).toBeVisible();
  await shopper.getByRole("button", { name: messages.fr.Payments.test.pay, exact: true }).click();
  await expect(shopper).toHaveURL(/\/fr\/orders\//);
  // Paying again from the same link is not possible: the page says it is paid.
  await shopper.goto(payUrl);
  await expect(shopper.getByTestId("pay-request-paid")).toBeVisible();
  await expect(shopper.getByTestId("pay-request-submit")).toHaveCount(0);

  // "What I owe" lists only the other item.
  await shopper.goto(`${tenant.store.url}/account/owed`);
  await expect(shopper.getByRole("heading", { level: 1, name: owed.title })).toBeVisible();
  await expect(shopper.getByTestId("owed-item")).toHaveCount(1);
  await expect(shopper.getByTestId("owed-item")).toHaveAttribute("data-reference", "RET-2");

  // A week later the next reminder lists only what is still open.
  const secondRun = await nextReminderRun(db, email);
  const second = await waitForEmail(email, { template: "payment-reminder", after: secondRun, timeout: 30_000 });
  expect(itemsOf(second).map((item) => item.reference)).toEqual(["RET-2"]);
  expect((second.data as { totals: unknown }).totals).toEqual([{ currency: "EUR", totalCents: 2450 }]);

  // The payer stops the reminders from the email's link (a button, not the link itself).
  const unsubscribe = (second.data as { unsubscribeUrl: string }).unsubscribeUrl;
  await shopper.goto(unsubscribe);
  await expect(shopper.getByRole("heading", { level: 1, name: messages.fr.PaymentRequests.unsubscribe.title })).toBeVisible();
  await shopper.getByRole("button", { name: messages.fr.PaymentRequests.unsubscribe.submit }).click();
  // The page then says the reminders are stopped, and offers no button any more.
  await expect(shopper.getByRole("button", { name: messages.fr.PaymentRequests.unsubscribe.submit })).toHaveCount(0);
  await expect(shopper.getByRole("status")).toContainText(tenant.merchant.name);
  const stopped = await db.query<{ stopped: Date | null }>(`SELECT "remindersStoppedAt" AS stopped FROM "Payer" WHERE email = $1`, [email]);
  expect(stopped.rows[0]!.stopped).not.toBeNull();

  // The merchant sees the first request paid, with its history.
  await page.goto(requestUrl!);
  await expect(page.getByTestId("request-history")).toContainText(m.events.PAID);
  await page.goto(base);
  await expect(page.getByTestId("outstanding-totals")).toContainText("€24.50");

  // Another merchant's owner gets 404 for the list and the request, and sees none of it.
  const otherContext = await browser.newContext();
  const stranger = await otherContext.newPage();
  await signInWithPassword(other.owner, { page: stranger });
  await expectNotFoundPage(stranger, await stranger.goto(base));
  await expectNotFoundPage(stranger, await stranger.goto(requestUrl!));
  await otherContext.close();
  await customerContext.close();
  expect(serverErrors).toEqual([]);
});

test("an unpaid order becomes a payment request from its merchant page, and the buyer pays it from the link", async ({
  page,
  browser,
  db,
  createTenant,
  signInWithPassword,
  serverErrors,
}) => {
  test.slow();
  const en = messages.en;
  const tenant = await createTenant({ products: [{ slug: "vase", priceCents: 4200, title: { en: "Vase" } }] });
  const email = `unpaid-${tenant.tag}@example.test`;

  // The buyer's payment fails: the order is cancelled unpaid.
  await giveGuestCart(db, page.context(), tenant.store.slug, ["vase"]);
  await applyCodeAndGoToCheckout(page, { storeUrl: tenant.store.url, cartPath: "/cart", locale: "en" });
  await placeGuestOrder(page, "en", email, true);
  await page.getByRole("button", { name: en.Payments.test.fail, exact: true }).click();
  await expect(page).toHaveURL(/\/cart/);
  const { rows } = await db.query<{ id: string; number: string }>(`SELECT id, number FROM "Order" WHERE email = $1 AND status = 'CANCELLED'`, [email]);
  expect(rows).toHaveLength(1);

  // The owner turns it into a request from the order's page.
  const merchant = await browser.newContext();
  const owner = await merchant.newPage();
  await signInWithPassword(tenant.owner, { page: owner });
  await owner.goto(`/account/m/${tenant.merchant.id}/stores/${tenant.store.id}/orders/${rows[0]!.id}`);
  await owner.getByRole("button", { name: m.fromOrder.submit }).click();
  const reference = `order-${rows[0]!.number}`;
  await expect(owner.getByRole("heading", { level: 1, name: format(m.detail.title, { reference }) })).toBeVisible();
  await expect(owner.getByTestId("request-total")).toContainText("€42.00");
  const link = await owner.getByTestId("pay-link").inputValue();

  // The buyer pays it from the link; the merchant's page then shows it paid.
  await page.goto(link);
  await expect(page.getByTestId("pay-request-lines")).toContainText("Vase");
  await page.getByTestId("pay-request-submit").click();
  await page.getByRole("button", { name: en.Payments.test.pay, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: en.Orders.confirmation.thanks })).toBeVisible();
  await owner.reload();
  await expect(owner.getByTestId("request-history")).toContainText(m.events.PAID);
  // The order it was made from offers no second request.
  await owner.goto(`/account/m/${tenant.merchant.id}/stores/${tenant.store.id}/orders/${rows[0]!.id}`);
  await expect(owner.getByRole("button", { name: m.fromOrder.submit })).toHaveCount(0);
  await merchant.close();
  expect(serverErrors).toEqual([]);
});
