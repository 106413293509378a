import { expect, test } from "../fixtures";
import { demoCredentials } from "../support/demo";
import { format, messages } from "../support/messages";

const en = messages.en;

test("an admin finds merchants and users, sees memberships and sends a sign-in link", async ({ page, createTenant, signInWithPassword, waitForEmail, serverErrors }) => {
  const tenant = await createTenant({ storeName: "Searchable Bakery" });
  const other = await createTenant();
  await signInWithPassword(demoCredentials("admin"));

  // Merchants: by store name, and nothing for a name nobody has.
  await page.goto("/admin/merchants");
  await page.getByLabel(en.AdminArea.merchants.searchLabel).fill(`Searchable Bakery`);
  await page.getByRole("button", { name: en.AdminArea.search.submit }).click();
  await expect(page).toHaveURL(/\/admin\/merchants\?q=Searchable/);
  const table = page.getByRole("table", { name: en.AdminArea.merchants.title });
  await expect(table.getByRole("link", { name: tenant.merchant.name, exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: other.merchant.name, exact: true })).toHaveCount(0);
  await page.goto(`/admin/merchants?q=${encodeURIComponent("no merchant is called this")}`);
  await expect(page.getByText(en.AdminArea.merchants.empty)).toBeVisible();

  // Users: by part of the email, then the user's memberships.
  await page.goto("/admin/users");
  await page.getByLabel(en.AdminArea.users.searchLabel).fill(tenant.owner.email.split("@")[0]!);
  await page.getByRole("button", { name: en.AdminArea.search.submit }).click();
  await page.getByRole("table", { name: en.AdminArea.users.title }).getByRole("link", { name: tenant.owner.email }).click();
  await expect(page.getByRole("heading", { level: 1, name: tenant.owner.email })).toBeVisible();
  const memberships = page.getByRole("region", { name: en.AdminArea.users.memberships });
  await expect(memberships.getByRole("listitem").filter({ hasText: tenant.merchant.name })).toContainText(en.Account.roles.OWNER);

  // Reset sign-in: a sign-in email in the outbox.
  const before = new Date();
  await page.getByRole("button", { name: en.AdminArea.users.sendSignInLink }).click();
  await expect(page.getByRole("status").filter({ hasText: en.AdminArea.results.signInLinkSent })).toBeVisible();
  const email = await waitForEmail(tenant.owner.email, { template: "sign-in", after: before });
  expect(email.locale).toBe("en");

  // The emails page filters the outbox by recipient and shows the message.
  await page.goto(`/admin/emails?recipient=${encodeURIComponent(tenant.owner.email)}`);
  await expect(page.getByRole("cell", { name: tenant.owner.email })).toHaveCount(1);

  // A filter that cannot be read refuses the search, with the reason, instead of listing every email.
  const refusal = page.getByRole("alert").filter({ hasText: en.AdminArea.mailbox.refused });
  await page.goto(`/admin/emails?recipient=${"x".repeat(300)}`);
  await expect(refusal).toContainText(format(en.AdminArea.mailbox.refusedRecipient, { max: 254 }));
  await expect(page.getByRole("table")).toHaveCount(0);
  await page.goto("/admin/emails?status=NOPE&page=abc");
  await expect(refusal).toContainText(en.AdminArea.mailbox.refusedStatus);
  await expect(page.getByRole("table")).toHaveCount(0);
  // A page number that cannot be read only falls back to the first page, and says so.
  await page.goto(`/admin/emails?recipient=${encodeURIComponent(tenant.owner.email)}&page=abc`);
  await expect(page.getByRole("alert").filter({ hasText: en.AdminArea.mailbox.pageIgnored })).toBeVisible();
  await expect(page.getByRole("cell", { name: tenant.owner.email })).toHaveCount(1);

  // Malformed search params: a clear message, no list.
  await page.goto("/admin/users?page=-1");
  await expect(page.getByRole("alert").filter({ hasText: en.AdminArea.search.invalid })).toBeVisible();
  expect(serverErrors).toEqual([]);
});
