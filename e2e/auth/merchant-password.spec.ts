import { APEX_URL, expect, storeUrl, test } from "../fixtures";
import { MerchantAccountPage } from "../pages/account-pages";
import { ApexSignInPage } from "../pages/apex-sign-in-page";
import { SESSION_COOKIE, uniqueEmail } from "../support/auth";
import { merchantIdByName } from "../support/db";
import { demoCredentials } from "../support/demo";
import { messages } from "../support/messages";

// Merchants and admins sign in with a password on the apex. The demo owner is only read here;
// failed attempts use fresh tenants so they never count against a shared account's rate limit.

test("an owner signs in with a password, finds the business and both of its stores", async ({ page, db }) => {
  const claire = demoCredentials("owner");
  const signIn = new ApexSignInPage(page);
  await signIn.goto();
  await signIn.signInWithPassword(claire.email, claire.password);

  const account = new MerchantAccountPage(page);
  await expect(page).toHaveURL(`${APEX_URL}/account`);
  await expect(account.heading()).toBeVisible();
  await expect(account.signedInAs(claire.email)).toBeVisible();
  await expect(account.business("Fashion Group")).toBeVisible();
  await expect(account.business("Bakery Schmit")).toHaveCount(0);

  await account.business("Fashion Group").click();
  await expect(page).toHaveURL(`${APEX_URL}/account/m/${await merchantIdByName(db, "Fashion Group")}`);
  await expect(account.storesHeading()).toBeVisible();
  await expect(account.store("Fashion Hub")).toBeVisible();
  await expect(account.store("Fashion Outlet")).toBeVisible();
  await expect(account.visitStorefront("Fashion Hub")).toHaveAttribute("href", storeUrl("fashionhub", "/"));
  await expect(account.visitStorefront("Fashion Outlet")).toHaveAttribute("href", storeUrl("fashionoutlet", "/"));

  await account.visitStorefront("Fashion Hub").click();
  await expect(page).toHaveURL(storeUrl("fashionhub", "/"));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Fashion Hub");
});

test("a wrong password says so and stays on the sign-in page; the right one then works", async ({ page, createTenant }) => {
  const { owner, merchant } = await createTenant();
  const signIn = new ApexSignInPage(page);
  await signIn.goto();
  await signIn.signInWithPassword(owner.email, `${owner.password}-wrong`);

  await expect(signIn.alert(messages.en.Errors.form.invalidCredentials)).toBeVisible();
  await expect(page).toHaveURL(`${APEX_URL}/sign-in`);
  await expect(signIn.heading()).toBeVisible();
  await expect(signIn.email()).toHaveValue(owner.email);
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain(SESSION_COOKIE);

  // The account itself is fine: only the password was wrong.
  await signIn.signInWithPassword(owner.email, owner.password);
  await expect(page).toHaveURL(`${APEX_URL}/account`);
  await expect(new MerchantAccountPage(page).business(merchant.name)).toBeVisible();
});

test("an unknown email gets the same message as a wrong password", async ({ page }) => {
  const signIn = new ApexSignInPage(page);
  await signIn.goto();
  await signIn.signInWithPassword(uniqueEmail("nobody"), "some-password");
  await expect(signIn.alert(messages.en.Errors.form.invalidCredentials)).toBeVisible();
  await expect(page).toHaveURL(`${APEX_URL}/sign-in`);
});

test("signing out ends the session on the apex", async ({ page, createTenant, signInWithPassword }) => {
  const { owner } = await createTenant();
  await signInWithPassword(owner);
  const account = new MerchantAccountPage(page);
  await expect(account.heading()).toBeVisible();

  await account.signOutButton().click();
  await expect(page).toHaveURL(`${APEX_URL}/`);
  await expect(page.getByRole("heading", { level: 1, name: messages.en.Landing.headline })).toBeVisible();
  await expect(account.signedInAs(owner.email)).toHaveCount(0);
  expect((await page.context().cookies(APEX_URL)).map((c) => c.name)).not.toContain(SESSION_COOKIE);

  await page.goto("/account");
  await expect(page).toHaveURL(`${APEX_URL}/sign-in?callbackUrl=%2Faccount`);
  await expect(new ApexSignInPage(page).heading()).toBeVisible();
});

test("a signed-in merchant who opens the sign-in page goes straight on", async ({ page, createTenant, signInWithPassword }) => {
  const { owner, merchant, store } = await createTenant();
  await signInWithPassword(owner);
  await expect(page).toHaveURL(`${APEX_URL}/account`);

  await page.goto("/sign-in");
  await expect(page).toHaveURL(`${APEX_URL}/account`);
  await expect(new MerchantAccountPage(page).business(merchant.name)).toBeVisible();

  // To the page asked for, when it is on the apex.
  await page.goto(`/sign-in?${new URLSearchParams({ callbackUrl: `/account/m/${merchant.id}` })}`);
  await expect(page).toHaveURL(`${APEX_URL}/account/m/${merchant.id}`);
  await expect(new MerchantAccountPage(page).store(store.name)).toBeVisible();
});
