import { expect, test } from "../fixtures";
import { expectNotFoundPage } from "../pages/not-found";
import { addMember } from "../support/accounts";
import { uniqueEmail } from "../support/auth";
import { format, messages } from "../support/messages";

const en = messages.en;
const staffText = en.Staff;
// Joining as a new account hashes its password and signs in with it (bcrypt twice): on a busy
// two-core machine that takes longer than the default five seconds.
const ACCOUNT_CREATION = { timeout: 20_000 };

test("a manager's moderated access code: a new staff member joins, waits, the manager approves, the member reaches the orders", async ({
  page,
  browser,
  db,
  createTenant,
  signInWithPassword,
  serverErrors,
}) => {
  const tenant = await createTenant();
  const manager = await addMember(db, tenant, "MANAGER");
  const ordersPath = `/account/m/${tenant.merchant.id}/stores/${tenant.store.id}/orders`;

  // The manager creates a moderated code for staff.
  await signInWithPassword(manager);
  await page.goto(`/account/m/${tenant.merchant.id}/staff`);
  const codes = page.getByRole("region", { name: staffText.codes.title });
  await codes.getByLabel(staffText.codes.role, { exact: true }).selectOption("STAFF");
  await page.getByRole("radio", { name: staffText.codes.multi }).check();
  await page.getByRole("checkbox", { name: staffText.codes.moderated }).check();
  await page.getByRole("button", { name: staffText.codes.submit }).click();
  const created = page.getByRole("status").filter({ hasText: staffText.codes.created.replace("{phrase}", "") });
  await expect(created).toBeVisible();
  const phrase = (await created.textContent())!.replace(staffText.codes.created.replace("{phrase}", ""), "").trim();
  expect(phrase).toMatch(/^[a-z]+( [a-z]+){2,}$/);

  // A newcomer types it (in capitals, as said aloud) and creates an account on the same form.
  const newcomer = await browser.newContext();
  const joinPage = await newcomer.newPage();
  const email = uniqueEmail("newcomer");
  await joinPage.goto("/account/join");
  await joinPage.getByRole("textbox", { name: staffText.join.code }).fill(phrase.toUpperCase());
  await joinPage.getByLabel(en.Onboarding.form.name, { exact: true }).fill("Nico");
  await joinPage.getByLabel(en.Onboarding.form.email, { exact: true }).fill(email);
  await joinPage.getByLabel(en.Onboarding.form.password, { exact: true }).fill("a long enough password");
  await joinPage.getByRole("button", { name: staffText.join.submit }).click();
  await expect(joinPage.getByTestId("pending-request")).toHaveText(format(en.Onboarding.noBusiness.pendingItem, { merchant: tenant.merchant.name, role: en.Account.roles.STAFF }), ACCOUNT_CREATION);
  // Waiting members see nothing of the merchant yet.
  await expectNotFoundPage(joinPage, await joinPage.goto(ordersPath));

  // The manager approves.
  await page.reload();
  const request = page.getByTestId("join-request").filter({ hasText: email });
  await request.getByRole("button", { name: staffText.requests.approve }).click();
  await expect(page.getByTestId("member-row").filter({ hasText: email }).getByTestId("member-role")).toHaveText(en.Account.roles.STAFF);

  // On their next request the new staff member reaches the store's orders.
  await joinPage.goto(ordersPath);
  await expect(joinPage.getByRole("heading", { level: 1, name: en.Orders.merchant.title })).toBeVisible();
  await newcomer.close();
  expect(serverErrors).toEqual([]);
});

test("an unknown or used-up code says so and lets nobody in", async ({ page, db, createTenant, signInWithPassword }) => {
  const tenant = await createTenant();
  await signInWithPassword(tenant.owner);
  await page.goto(`/account/m/${tenant.merchant.id}/staff`);
  await page.getByRole("button", { name: staffText.codes.submit }).click();
  await expect(page.getByRole("status").filter({ hasText: staffText.codes.created.replace("{phrase}", "") })).toBeVisible();
  const { rows } = await db.query<{ phrase: string }>(`SELECT phrase FROM "AccessCode" WHERE "merchantId" = $1`, [tenant.merchant.id]);
  await db.query(`UPDATE "AccessCode" SET "expiresAt" = now() - interval '1 minute' WHERE "merchantId" = $1`, [tenant.merchant.id]);

  await page.context().clearCookies();
  await page.goto("/account/join");
  await page.getByRole("textbox", { name: staffText.join.code }).fill(rows[0]!.phrase);
  await page.getByLabel(en.Onboarding.form.name, { exact: true }).fill("Late");
  await page.getByLabel(en.Onboarding.form.email, { exact: true }).fill(uniqueEmail("late"));
  await page.getByLabel(en.Onboarding.form.password, { exact: true }).fill("a long enough password");
  await page.getByRole("button", { name: staffText.join.submit }).click();
  await expect(page.getByText(staffText.errors.codeExpired)).toBeVisible(ACCOUNT_CREATION);
  // What was typed is still there for the next try.
  await expect(page.getByLabel(en.Onboarding.form.name, { exact: true })).toHaveValue("Late");
  await page.getByRole("textbox", { name: staffText.join.code }).fill("nine purple walruses");
  // Passwords are never sent back to the browser: typed again.
  await page.getByLabel(en.Onboarding.form.password, { exact: true }).fill("a long enough password");
  await page.getByRole("button", { name: staffText.join.submit }).click();
  await expect(page.getByText(staffText.errors.codeUnknown)).toBeVisible(ACCOUNT_CREATION);
  const { rows: joined } = await db.query(`SELECT count(*)::int AS n FROM "Membership" WHERE "merchantId" = $1`, [tenant.merchant.id]);
  expect(joined[0].n).toBe(1);
});
