import { APEX_URL, expect, test } from "../fixtures";
import { expectForbiddenPage, MerchantAccountPage } from "../pages/account-pages";
import { ApexSignInPage } from "../pages/apex-sign-in-page";
import { demoCredentials } from "../support/demo";
import { requestWithHost } from "../support/http";
import { messages } from "../support/messages";
import { ROOT_DOMAIN } from "../env";

// The apex areas: anonymous visitors are sent to sign in and come back to what they asked for;
// signed-in users without the right get a 403 page that shows nothing of the area.

test.describe("anonymous visitors", () => {
  for (const [path, location] of [
    ["/admin", "/sign-in?callbackUrl=%2Fadmin"],
    ["/admin/emails", "/sign-in?callbackUrl=%2Fadmin%2Femails"],
    ["/account", "/sign-in?callbackUrl=%2Faccount"],
    ["/fr/account", "/fr/sign-in?callbackUrl=%2Ffr%2Faccount"],
  ] as const) {
    test(`are redirected from ${path} to the apex sign-in, to come back afterwards`, async ({ page }) => {
      const raw = await requestWithHost(`${ROOT_DOMAIN}`, path);
      expect(raw.status).toBe(307);
      expect(new URL(raw.headers.location ?? "", `${APEX_URL}${path}`).href).toBe(`${APEX_URL}${location}`);

      await page.goto(path);
      await expect(page).toHaveURL(`${APEX_URL}${location}`);
      const locale = path.startsWith("/fr/") ? "fr" : "en";
      await expect(new ApexSignInPage(page, locale).heading()).toBeVisible();
      await expect(page.getByRole("heading", { name: messages[locale].Admin.title })).toHaveCount(0);
    });
  }
});

test("an admin who asked for /admin/emails lands there after signing in", async ({ page }) => {
  const admin = demoCredentials("admin");
  await page.goto("/admin/emails");
  await expect(page).toHaveURL(`${APEX_URL}/sign-in?callbackUrl=%2Fadmin%2Femails`);

  await new ApexSignInPage(page).signInWithPassword(admin.email, admin.password);
  await expect(page).toHaveURL(`${APEX_URL}/admin/emails`);
  await expect(page.getByRole("heading", { level: 1, name: messages.en.Mailbox.title, exact: true })).toBeVisible();
  await expect(page.getByRole("group", { name: messages.en.Mailbox.filters.legend })).toBeVisible();
});

test("in French, an admin who asked for /fr/admin/emails lands there after signing in", async ({ page }) => {
  const admin = demoCredentials("admin");
  await page.goto("/fr/admin/emails");
  await expect(page).toHaveURL(`${APEX_URL}/fr/sign-in?callbackUrl=%2Ffr%2Fadmin%2Femails`);

  await new ApexSignInPage(page, "fr").signInWithPassword(admin.email, admin.password);
  await expect(page).toHaveURL(`${APEX_URL}/fr/admin/emails`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: messages.fr.Mailbox.title, exact: true })).toBeVisible();
});

test("an admin signing in without a destination lands on the admin home", async ({ page, signInWithPassword }) => {
  await signInWithPassword(demoCredentials("admin"));
  await expect(page).toHaveURL(`${APEX_URL}/admin`);
  await expect(page.getByRole("heading", { level: 1, name: messages.en.Admin.title, exact: true })).toBeVisible();
});

test.describe("a signed-in owner who is not a platform admin", () => {
  test.beforeEach(async ({ signInWithPassword }) => {
    await signInWithPassword(demoCredentials("owner"));
  });

  test("gets the 403 page for /admin, with nothing of the admin area", async ({ page }) => {
    const response = await page.goto("/admin");
    await expectForbiddenPage(page, response, "en");
    await expect(page.getByText(messages.en.Errors.forbidden.admin, { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: messages.en.Admin.title })).toHaveCount(0);
    await expect(page.getByRole("link", { name: messages.en.Admin.emailsTitle })).toHaveCount(0);
    await expect(page.getByRole("link", { name: messages.en.Account.adminLink })).toHaveCount(0);
    // Who is signed in, and a way out.
    await expect(new MerchantAccountPage(page).signedInAs(demoCredentials("owner").email)).toBeVisible();
    await expect(new MerchantAccountPage(page).signOutButton()).toBeVisible();
  });

  test("gets the 403 page for /admin/emails, with nothing of the outbox", async ({ page, browser, createTenant, waitForEmail }) => {
    // Something in the outbox that must not show: a sign-in email asked for by someone else.
    const { owner } = await createTenant();
    const other = await browser.newContext();
    try {
      const signIn = new ApexSignInPage(await other.newPage());
      await signIn.goto();
      await signIn.requestLink(owner.email);
      await waitForEmail(owner.email, { template: "sign-in" });
    } finally {
      await other.close();
    }

    const response = await page.goto("/admin/emails");
    await expectForbiddenPage(page, response, "en");
    await expect(page.getByRole("heading", { name: messages.en.Mailbox.title })).toHaveCount(0);
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByText(messages.en.Mailbox.devModeNotice)).toHaveCount(0);
    await expect(page.getByRole("group", { name: messages.en.Mailbox.filters.legend })).toHaveCount(0);
    // Not even in the markup (an address cannot come from a message catalog).
    expect(await response!.text()).not.toContain(owner.email);
    expect(await page.content()).not.toContain(owner.email);
  });

  test("gets the 403 page for the order search and the payment issues, with no order in it", async ({ page, createTenant }) => {
    // Another merchant's owner email: the search would find their account's orders by it.
    const { owner } = await createTenant();
    for (const path of [`/admin/orders?q=${encodeURIComponent(owner.email)}`, "/admin/payments"]) {
      const response = await page.goto(path);
      await expectForbiddenPage(page, response, "en");
      await expect(page.getByRole("heading", { name: messages.en.AdminArea.orders.title })).toHaveCount(0);
      await expect(page.getByRole("heading", { name: messages.en.AdminArea.payments.title })).toHaveCount(0);
      await expect(page.getByRole("table")).toHaveCount(0);
      expect(await response!.text()).not.toContain(owner.email);
    }
  });

  test("gets the 403 page in French under /fr/admin", async ({ page }) => {
    const response = await page.goto("/fr/admin");
    await expectForbiddenPage(page, response, "fr");
    await expect(page.getByText(messages.fr.Errors.forbidden.admin, { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: messages.fr.Admin.title })).toHaveCount(0);
  });
});
