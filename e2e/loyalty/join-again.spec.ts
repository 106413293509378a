import type { Page } from "@playwright/test";
import { expect, storeUrl, test } from "../fixtures";
import { StoreSignInPage } from "../pages/store-sign-in-page";
import { uniqueEmail } from "../support/auth";
import { publishPointsProgram } from "../support/loyalty";
import { messages } from "../support/messages";

const en = messages.en;

async function join(page: Page, slug: string, email: string) {
  await page.goto(storeUrl(slug, "/loyalty/join"));
  await page.getByLabel(en.Loyalty.join.email, { exact: true }).fill(email);
  await page.getByLabel(en.Loyalty.join.name, { exact: true }).fill("Mia Schmit");
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: en.Loyalty.join.submit }).click();
}

test("a member joining again is led to sign in with their email and then to the card; signed in, the join page shows the card", async ({
  page,
  browser,
  db,
  createTenant,
  signInCustomer,
}) => {
  const tenant = await createTenant();
  await publishPointsProgram(db, tenant);
  const email = uniqueEmail("again");

  // A new member: the card, and a way to it that asks for the right address.
  const first = await browser.newContext();
  const firstPage = await first.newPage();
  await join(firstPage, tenant.store.slug, email);
  await expect(firstPage.getByRole("heading", { level: 1, name: en.Loyalty.joined.title })).toBeVisible();
  await expect(firstPage.getByRole("link", { name: en.Loyalty.joined.signInToSee })).toBeVisible();
  await first.close();

  // Joining again: "already a member" leads to this store's sign-in with the email filled in.
  await join(page, tenant.store.slug, email);
  await expect(page.getByRole("heading", { level: 1, name: en.Loyalty.joined.alreadyTitle })).toBeVisible();
  await page.getByRole("link", { name: en.Loyalty.joined.signInToSee }).click();
  const signIn = new StoreSignInPage(page, tenant.store);
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in" && url.searchParams.get("callbackUrl") === "/account/loyalty");
  await expect(signIn.email()).toHaveValue(email);

  // Signed in, the join page is the card itself.
  await signInCustomer(tenant.store.slug, { email, page });
  await page.goto(storeUrl(tenant.store.slug, "/loyalty/join"));
  await expect(page).toHaveURL(storeUrl(tenant.store.slug, "/account/loyalty"));
  await expect(page.getByTestId("card-number")).toBeVisible();
});
