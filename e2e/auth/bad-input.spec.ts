import { APEX_URL, expect, storeUrl, test } from "../fixtures";
import { ApexSignInPage } from "../pages/apex-sign-in-page";
import { CheckEmailPage } from "../pages/check-email-page";
import { StoreSignInPage } from "../pages/store-sign-in-page";
import { SESSION_COOKIE, uniqueEmail } from "../support/auth";
import { requestWithHost } from "../support/http";
import { format, literal, messages } from "../support/messages";
import { ROOT_DOMAIN } from "../env";

// Bad input gets a translated field message and writes nothing; a broken cookie or link is
// treated as no session. The server never answers 5xx (`serverErrors` records any).

const FASHIONHUB = { slug: "fashionhub", defaultLocale: "fr" } as const;

/** 300 characters, well-formed apart from the length (the limit is 254). */
function overlongEmail(): string {
  const domain = "@example.test";
  return `${uniqueEmail("long").split("@")[0]}${"x".repeat(300)}`.slice(0, 300 - domain.length) + domain;
}

const MALFORMED = ["claire.fashiongroup.test", "claire@", "claire@@fashiongroup.test", "<script>@x"];

test.describe("the apex sign-in form", () => {
  test("an over-long email gets a field message, with either button, and no email is queued", async ({ page, newestEmail, serverErrors }) => {
    const email = overlongEmail();
    expect(email).toHaveLength(300);
    const signIn = new ApexSignInPage(page);
    await signIn.goto();

    await signIn.signInWithPassword(email, "patron-demo");
    await expect(signIn.email()).toHaveAccessibleDescription(messages.en.Errors.field.emailTooLong);
    await expect(signIn.email()).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(`${APEX_URL}/sign-in`);

    await signIn.requestLink(email);
    await expect(signIn.email()).toHaveAccessibleDescription(messages.en.Errors.field.emailTooLong);
    await expect(page).toHaveURL(`${APEX_URL}/sign-in`);
    await expect(signIn.heading()).toBeVisible();

    expect(await newestEmail(email)).toBeNull();
    expect(serverErrors).toEqual([]);
  });

  test("a malformed or empty email gets a field message, with either button, and no email is queued", async ({ page, newestEmail, serverErrors }) => {
    const signIn = new ApexSignInPage(page);
    for (const email of MALFORMED) {
      // A fresh page for each attempt, so the message on it can only answer this attempt.
      await signIn.goto();
      await signIn.signInWithPassword(email, "patron-demo");
      await expect(signIn.email(), `password sign-in with ${email}`).toHaveAccessibleDescription(messages.en.Errors.field.invalidEmail);

      await signIn.goto();
      await signIn.requestLink(email);
      await expect(signIn.email(), `link request for ${email}`).toHaveAccessibleDescription(messages.en.Errors.field.invalidEmail);
      await expect(page).toHaveURL(`${APEX_URL}/sign-in`);
      expect(await newestEmail(email)).toBeNull();
    }
    await signIn.goto();
    await signIn.signInWithPassword("", "");
    await expect(signIn.email()).toHaveAccessibleDescription(messages.en.Errors.field.required);
    await expect(signIn.password()).toHaveAccessibleDescription(messages.en.Errors.field.required);
    expect(serverErrors).toEqual([]);
  });

  test("in French, the field messages are French", async ({ page, serverErrors }) => {
    const signIn = new ApexSignInPage(page, "fr");
    await signIn.goto();
    await signIn.requestLink(overlongEmail());
    await expect(signIn.email()).toHaveAccessibleDescription(messages.fr.Errors.field.emailTooLong);
    await signIn.requestLink("claire.fashiongroup.test");
    await expect(signIn.email()).toHaveAccessibleDescription(messages.fr.Errors.field.invalidEmail);
    expect(serverErrors).toEqual([]);
  });

  test("an over-long password gets a field message", async ({ page, createTenant, serverErrors }) => {
    const { owner } = await createTenant();
    const signIn = new ApexSignInPage(page);
    await signIn.goto();
    await signIn.signInWithPassword(owner.email, "é".repeat(40));
    await expect(signIn.password()).toHaveAccessibleDescription(messages.en.Errors.field.passwordTooLong);
    await expect(signIn.alert(messages.en.Errors.form.invalidCredentials)).toHaveCount(0);
    await expect(page).toHaveURL(`${APEX_URL}/sign-in`);
    expect(serverErrors).toEqual([]);
  });
});

test.describe("the storefront sign-in form (fashionhub, in French)", () => {
  test("an over-long email gets a French field message and no email is queued", async ({ page, newestEmail, serverErrors }) => {
    const email = overlongEmail();
    const signIn = new StoreSignInPage(page, FASHIONHUB);
    await signIn.goto();
    await signIn.requestCode(email);
    await expect(signIn.email()).toHaveAccessibleDescription(messages.fr.Errors.field.emailTooLong);
    await expect(signIn.heading("Fashion Hub")).toBeVisible();
    await expect(page).toHaveURL(storeUrl("fashionhub", "/sign-in"));
    expect(await newestEmail(email)).toBeNull();
    expect(serverErrors).toEqual([]);
  });

  test("a malformed email gets a French field message and no email is queued", async ({ page, newestEmail, serverErrors }) => {
    const signIn = new StoreSignInPage(page, FASHIONHUB);
    await signIn.goto();
    for (const email of MALFORMED) {
      await signIn.email().fill("");
      await signIn.requestCode("");
      await expect(signIn.email()).toHaveAccessibleDescription(messages.fr.Errors.field.required);
      await signIn.requestCode(email);
      await expect(signIn.email(), email).toHaveAccessibleDescription(messages.fr.Errors.field.invalidEmail);
      await expect(page).toHaveURL(storeUrl("fashionhub", "/sign-in"));
      expect(await newestEmail(email)).toBeNull();
    }
    expect(serverErrors).toEqual([]);
  });

  test("a malformed code gets a French field message", async ({ page, serverErrors }) => {
    const email = uniqueEmail("customer");
    await page.goto(storeUrl("fashionhub", `/sign-in/check-email?${new URLSearchParams({ email })}`));
    const checkEmail = new CheckEmailPage(page, "fr");
    await checkEmail.expectShown();
    await expect(page.getByText(format(messages.fr.Auth.checkEmail.sentTo, { email }))).toBeVisible();
    for (const code of ["abc", "0000O000", "x".repeat(12)]) {
      await checkEmail.signInWithCode(code);
      await expect(checkEmail.code(), code).toHaveAccessibleDescription(literal(messages.fr.Errors.field.invalidCode));
      await checkEmail.code().fill("");
      await checkEmail.signInWithCode("");
      await expect(checkEmail.code()).toHaveAccessibleDescription(literal(messages.fr.Errors.field.required));
    }
    await expect(page).toHaveURL((url) => url.host === `fashionhub.${ROOT_DOMAIN}` && url.pathname === "/sign-in/check-email");
    expect(serverErrors).toEqual([]);
  });
});

test.describe("a tampered session cookie counts as signed out", () => {
  const GARBAGE = [
    "garbage",
    // Shaped like a real encrypted token (JWE compact form), but not one.
    "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwia2lkIjoieCJ9..AAAAAAAAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA",
    "%00%ff'\"<>",
  ];

  for (const value of GARBAGE) {
    test(`on the apex: ${JSON.stringify(value.slice(0, 24))}`, async ({ page, serverErrors }) => {
      for (const path of ["/account", "/admin", "/sign-in"]) {
        const raw = await requestWithHost(`${ROOT_DOMAIN}`, path, { cookie: `${SESSION_COOKIE}=${value}` });
        expect(raw.status, `GET ${path}`).toBeLessThan(500);
      }

      await page.context().addCookies([{ name: SESSION_COOKIE, value, domain: "localhost", path: "/" }]);
      await page.goto("/account");
      await expect(page).toHaveURL(`${APEX_URL}/sign-in?callbackUrl=%2Faccount`);
      await expect(new ApexSignInPage(page).heading()).toBeVisible();
      await page.goto("/admin");
      await expect(page).toHaveURL(`${APEX_URL}/sign-in?callbackUrl=%2Fadmin`);
      expect(serverErrors).toEqual([]);
    });
  }

  test("on a storefront", async ({ page, serverErrors }) => {
    const raw = await requestWithHost(`fashionhub.${ROOT_DOMAIN}`, "/account", { cookie: `${SESSION_COOKIE}=garbage` });
    expect(raw.status).toBe(307);

    await page.context().addCookies([{ name: SESSION_COOKIE, value: GARBAGE[1]!, domain: "fashionhub.localhost", path: "/" }]);
    await page.goto(storeUrl("fashionhub", "/account"));
    await expect(page).toHaveURL(storeUrl("fashionhub", "/sign-in?callbackUrl=%2Faccount"));
    await expect(new StoreSignInPage(page, FASHIONHUB).heading("Fashion Hub")).toBeVisible();
    expect(serverErrors).toEqual([]);
  });
});

test.describe("a tampered sign-in link", () => {
  for (const [name, origin, errorPath, locale] of [
    ["on the apex", APEX_URL, "/sign-in/error", "en"],
    ["on a storefront", storeUrl("fashionhub").replace(/\/$/, ""), "/sign-in/error", "fr"],
  ] as const) {
    test(`shows the sign-in error page ${name}`, async ({ page, serverErrors }) => {
      for (const token of ["ABCDEFGH", "x".repeat(200)]) {
        const query = new URLSearchParams({ callbackUrl: `${origin}/account`, token, email: uniqueEmail("nobody") });
        await page.goto(`${origin}/api/auth/callback/email?${query}`);
        await expect(page).toHaveURL((url) => url.origin === origin && url.pathname === errorPath);
        await expect(page.getByRole("heading", { level: 1, name: messages[locale].Auth.error.title })).toBeVisible();
        await expect(page.getByText(messages[locale].Auth.error.Verification)).toBeVisible();
      }
      expect((await page.context().cookies()).map((c) => c.name)).not.toContain(SESSION_COOKIE);
      expect(serverErrors).toEqual([]);
    });
  }
});
