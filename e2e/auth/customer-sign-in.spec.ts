import { APEX_URL, expect, storeUrl, test } from "../fixtures";
import { ApexSignInPage } from "../pages/apex-sign-in-page";
import { CheckEmailPage } from "../pages/check-email-page";
import { StoreSignInPage } from "../pages/store-sign-in-page";
import { SESSION_COOKIE, uniqueEmail } from "../support/auth";
import { firstLink } from "../support/db";
import { requestWithHost } from "../support/http";
import { format, literal, messages } from "../support/messages";
import { ROOT_DOMAIN } from "../env";

// Customers sign in on the storefront's own host with an emailed link or code. Fresh addresses
// become customers of the store's merchant, so the demo customer is never touched.

const FASHIONHUB = { slug: "fashionhub", defaultLocale: "fr" } as const;
const HUB_HOST = `fashionhub.${ROOT_DOMAIN}`;

test.describe("a customer on fashionhub (French by default)", () => {
  test("signs in with the link from the email and lands on their account", async ({ page, waitForEmail }) => {
    const email = uniqueEmail("customer");
    const signIn = new StoreSignInPage(page, FASHIONHUB);
    const requestedAt = new Date();
    await signIn.goto();
    await expect(signIn.heading("Fashion Hub")).toBeVisible();
    await signIn.requestCode(email);

    await new CheckEmailPage(page, "fr").expectShown();
    await expect(page).toHaveURL((url) => url.host === HUB_HOST && url.pathname === "/sign-in/check-email");
    await expect(page.getByText(format(messages.fr.Auth.checkEmail.sentTo, { email }))).toBeVisible();

    const message = await waitForEmail(email, { template: "sign-in", after: requestedAt });
    expect(message.locale).toBe("fr");
    const link = firstLink(message);
    expect(link).toMatch(new RegExp(`^http://${HUB_HOST}/api/auth/callback/email\\?`));

    await page.goto(link!);
    await expect(page).toHaveURL(storeUrl("fashionhub", "/account"));
    await expect(page.getByRole("heading", { level: 1, name: messages.fr.Account.customer.title, exact: true })).toBeVisible();
    await expect(page.getByText(format(messages.fr.Account.customer.lead, { store: "Fashion Hub" }))).toBeVisible();
    await expect(page.getByRole("main").getByText(email, { exact: true })).toBeVisible();
  });

  test("signs in with the code typed from the email", async ({ page, waitForEmail }) => {
    const email = uniqueEmail("customer");
    const signIn = new StoreSignInPage(page, FASHIONHUB);
    const requestedAt = new Date();
    await signIn.goto();
    await signIn.requestCode(email);

    const checkEmail = new CheckEmailPage(page, "fr");
    await checkEmail.expectShown();
    const { code } = (await waitForEmail(email, { template: "sign-in", after: requestedAt })).data;
    expect(code).toEqual(expect.any(String));
    // People copy codes with spaces and in lower case.
    const typed = String(code).toLowerCase().replace(/^(.{4})/, "$1 ");
    await checkEmail.signInWithCode(typed);

    await expect(page).toHaveURL(storeUrl("fashionhub", "/account"));
    await expect(page.getByRole("heading", { level: 1, name: messages.fr.Account.customer.title, exact: true })).toBeVisible();
    await expect(page.getByRole("main").getByText(email, { exact: true })).toBeVisible();
  });

  test("a wrong code is refused with a field message", async ({ page, waitForEmail }) => {
    const email = uniqueEmail("customer");
    const requestedAt = new Date();
    await new StoreSignInPage(page, FASHIONHUB).goto();
    await new StoreSignInPage(page, FASHIONHUB).requestCode(email);
    const checkEmail = new CheckEmailPage(page, "fr");
    await checkEmail.expectShown();
    const { code } = (await waitForEmail(email, { template: "sign-in", after: requestedAt })).data;

    // A well-formed code that is not the one sent.
    const wrong = String(code).startsWith("2") ? `3${String(code).slice(1)}` : `2${String(code).slice(1)}`;
    await checkEmail.signInWithCode(wrong);
    await expect(checkEmail.code()).toHaveAccessibleDescription(literal(messages.fr.Errors.field.codeRejected));
    await expect(page).toHaveURL((url) => url.host === HUB_HOST && url.pathname === "/sign-in/check-email");

    // The right one still works afterwards.
    await checkEmail.signInWithCode(String(code));
    await expect(page).toHaveURL(storeUrl("fashionhub", "/account"));
  });
});

test.describe("a signed-in customer on fashionhub", () => {
  test("who opens the sign-in page again goes straight to their account", async ({ page, signInCustomer }) => {
    const { email } = await signInCustomer("fashionhub");
    await new StoreSignInPage(page, FASHIONHUB).goto();
    await expect(page).toHaveURL(storeUrl("fashionhub", "/account"));
    await expect(page.getByRole("main").getByText(email, { exact: true })).toBeVisible();
  });

  test("signs out, stays on fashionhub and is asked to sign in again", async ({ page, signInCustomer }) => {
    const { email } = await signInCustomer("fashionhub");
    await page.getByRole("main").getByRole("button", { name: messages.fr.Auth.signOut, exact: true }).click();
    await expect(page).toHaveURL(storeUrl("fashionhub", "/"));
    expect((await page.context().cookies(storeUrl("fashionhub"))).map((c) => c.name)).not.toContain(SESSION_COOKIE);

    await page.goto(storeUrl("fashionhub", "/account"));
    await expect(page).toHaveURL(storeUrl("fashionhub", "/sign-in?callbackUrl=%2Faccount"));
    await expect(page.getByText(email)).toHaveCount(0);
  });
});

test.describe("customer sessions are per host", () => {
  test("signed in on fashionhub is not signed in on the apex nor on fashionoutlet", async ({ page, signInCustomer }) => {
    const { email } = await signInCustomer("fashionhub");
    await expect(page.getByRole("main").getByText(email, { exact: true })).toBeVisible();

    await page.goto(`${APEX_URL}/account`);
    await expect(page).toHaveURL(`${APEX_URL}/sign-in?callbackUrl=%2Faccount`);
    await expect(new ApexSignInPage(page).heading()).toBeVisible();

    // Fashion Outlet belongs to the same merchant, and still asks to sign in.
    const outlet = new StoreSignInPage(page, { slug: "fashionoutlet", defaultLocale: "en" });
    await page.goto(storeUrl("fashionoutlet", "/account"));
    await expect(page).toHaveURL(storeUrl("fashionoutlet", "/sign-in?callbackUrl=%2Faccount"));
    await expect(outlet.heading("Fashion Outlet")).toBeVisible();

    // Still signed in where it happened.
    await page.goto(storeUrl("fashionhub", "/account"));
    await expect(page).toHaveURL(storeUrl("fashionhub", "/account"));
    await expect(page.getByRole("main").getByText(email, { exact: true })).toBeVisible();
  });

  test("the fashionhub session cookie is refused when replayed on another host", async ({ page, signInCustomer }) => {
    const { email } = await signInCustomer("fashionhub");
    const cookie = (await page.context().cookies(storeUrl("fashionhub"))).find((c) => c.name === SESSION_COOKIE);
    expect(cookie, "the session cookie of fashionhub").toBeDefined();
    // Host-only: the browser itself keeps it to fashionhub.
    expect(cookie!.domain).toBe("fashionhub.localhost");
    const header = { cookie: `${SESSION_COOKIE}=${cookie!.value}` };

    // The cookie works where it was issued...
    const own = await requestWithHost(HUB_HOST, "/account", header);
    expect(own.status).toBe(200);
    expect(own.body).toContain(email);

    // ...and nowhere else, even at another store of the same merchant.
    for (const [host, signInPath] of [
      [`${ROOT_DOMAIN}`, "/sign-in?callbackUrl=%2Faccount"],
      [`fashionoutlet.${ROOT_DOMAIN}`, "/sign-in?callbackUrl=%2Faccount"],
      [`bakeryschmit.${ROOT_DOMAIN}`, "/sign-in?callbackUrl=%2Faccount"],
    ] as const) {
      const replayed = await requestWithHost(host, "/account", header);
      expect(replayed.status, `GET http://${host}/account with fashionhub's cookie`).toBe(307);
      expect(new URL(replayed.headers.location ?? "", `http://${host}/account`).href).toBe(`http://${host}${signInPath}`);
      expect(replayed.body).not.toContain(email);
    }
  });
});
