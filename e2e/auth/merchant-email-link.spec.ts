import { APEX_URL, expect, test } from "../fixtures";
import { MerchantAccountPage } from "../pages/account-pages";
import { ApexSignInPage } from "../pages/apex-sign-in-page";
import { CheckEmailPage } from "../pages/check-email-page";
import { uniqueEmail } from "../support/auth";
import { firstLink } from "../support/db";
import { format, messages } from "../support/messages";

// Merchants without their password ask the apex for a one-time link and code by email.

test("a merchant signs in with the emailed link, which works only once", async ({ page, createTenant, waitForEmail }) => {
  const { owner, merchant } = await createTenant();
  const requestedAt = new Date();
  const signIn = new ApexSignInPage(page);
  await signIn.goto();
  await signIn.requestLink(owner.email);

  const checkEmail = new CheckEmailPage(page, "en");
  await checkEmail.expectShown();
  await expect(page).toHaveURL((url) => url.origin === APEX_URL && url.pathname === "/sign-in/check-email");
  await expect(page.getByText(format(messages.en.Auth.checkEmail.sentToIfAccount, { email: owner.email }))).toBeVisible();

  const email = await waitForEmail(owner.email, { template: "sign-in", after: requestedAt });
  expect(email.locale).toBe("en");
  const link = firstLink(email);
  expect(link).toMatch(new RegExp(`^${APEX_URL}/api/auth/callback/email\\?`));

  await page.goto(link!);
  await expect(page).toHaveURL(`${APEX_URL}/account`);
  const account = new MerchantAccountPage(page);
  await expect(account.heading()).toBeVisible();
  await expect(account.signedInAs(owner.email)).toBeVisible();
  await expect(account.business(merchant.name)).toBeVisible();

  // The same link, opened again by anyone, signs nobody in.
  await page.context().clearCookies();
  await page.goto(link!);
  await expect(page).toHaveURL((url) => url.origin === APEX_URL && url.pathname === "/sign-in/error");
  await expect(page.getByRole("heading", { level: 1, name: messages.en.Auth.error.title })).toBeVisible();
  await expect(page.getByText(messages.en.Auth.error.Verification)).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(`${APEX_URL}/sign-in?callbackUrl=%2Faccount`);
});

test("a merchant signs in with the code from the email", async ({ page, createTenant, waitForEmail }) => {
  const { owner, merchant } = await createTenant();
  const requestedAt = new Date();
  const signIn = new ApexSignInPage(page);
  await signIn.goto();
  await signIn.requestLink(owner.email);

  const checkEmail = new CheckEmailPage(page, "en");
  await checkEmail.expectShown();
  await expect(checkEmail.email()).toHaveValue(owner.email);
  const { code } = (await waitForEmail(owner.email, { template: "sign-in", after: requestedAt })).data;
  expect(code).toEqual(expect.any(String));

  await checkEmail.signInWithCode(String(code));
  await expect(page).toHaveURL(`${APEX_URL}/account`);
  await expect(new MerchantAccountPage(page).business(merchant.name)).toBeVisible();
});

test("an address without an account sees the same page and gets no email", async ({ page, newestEmail }) => {
  const stranger = uniqueEmail("stranger");
  const signIn = new ApexSignInPage(page);
  await signIn.goto();
  await signIn.requestLink(stranger);

  await new CheckEmailPage(page, "en").expectShown();
  await expect(page.getByText(format(messages.en.Auth.checkEmail.sentToIfAccount, { email: stranger }))).toBeVisible();
  // The action queues the email before it redirects, so it would be there by now.
  expect(await newestEmail(stranger)).toBeNull();
});

test("asked for in French, the email is French and its link returns to the French account area", async ({ page, createTenant, waitForEmail }) => {
  const { owner, merchant } = await createTenant();
  const requestedAt = new Date();
  const signIn = new ApexSignInPage(page, "fr");
  await signIn.goto();
  await signIn.requestLink(owner.email);
  await new CheckEmailPage(page, "fr").expectShown();
  await expect(page).toHaveURL((url) => url.origin === APEX_URL && url.pathname === "/fr/sign-in/check-email");

  const email = await waitForEmail(owner.email, { template: "sign-in", after: requestedAt });
  expect(email.locale).toBe("fr");
  await page.goto(firstLink(email)!);
  await expect(page).toHaveURL(`${APEX_URL}/fr/account`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(new MerchantAccountPage(page, "fr").heading()).toBeVisible();
  await expect(new MerchantAccountPage(page, "fr").business(merchant.name)).toBeVisible();
});
