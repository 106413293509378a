import { APEX_URL, expect, storeUrl, test } from "../fixtures";
import { MerchantAccountPage } from "../pages/account-pages";
import { CheckEmailPage } from "../pages/check-email-page";
import { StoreSignInPage } from "../pages/store-sign-in-page";
import { redirectChain, uniqueEmail } from "../support/auth";
import { firstLink } from "../support/db";
import { demoCredentials } from "../support/demo";
import { requestWithHost } from "../support/http";
import { messages } from "../support/messages";
import { ROOT_DOMAIN } from "../env";

// After signing in, the browser goes back to the page it came from, on the host it came from:
// every Location header of the flow stays on that host.

const FASHIONHUB = { slug: "fashionhub", defaultLocale: "fr" } as const;
const HUB_HOST = `fashionhub.${ROOT_DOMAIN}`;

test("anonymous /account on fashionhub goes to fashionhub's sign-in, and the link comes back to it", async ({ page, waitForEmail }) => {
  const raw = await requestWithHost(HUB_HOST, "/account");
  expect(raw.status).toBe(307);
  expect(new URL(raw.headers.location ?? "", `http://${HUB_HOST}/account`).href).toBe(
    storeUrl("fashionhub", "/sign-in?callbackUrl=%2Faccount"),
  );

  await page.goto(storeUrl("fashionhub", "/account"));
  await expect(page).toHaveURL(storeUrl("fashionhub", "/sign-in?callbackUrl=%2Faccount"));
  const email = uniqueEmail("customer");
  const requestedAt = new Date();
  await new StoreSignInPage(page, FASHIONHUB).requestCode(email);
  await new CheckEmailPage(page, "fr").expectShown();
  expect(new URL(page.url()).host).toBe(HUB_HOST);

  const link = firstLink(await waitForEmail(email, { template: "sign-in", after: requestedAt }));
  expect(new URL(link!).host).toBe(HUB_HOST);
  expect(new URL(link!).searchParams.get("callbackUrl")).toBe(storeUrl("fashionhub", "/account"));

  const response = await page.goto(link!);
  const hops = await redirectChain(response!);
  expect(hops.map((hop) => hop.location)).toEqual([storeUrl("fashionhub", "/account")]);
  expect(hops[0]!.status).toBe(302);
  expect(new URL(page.url()).host).toBe(HUB_HOST);
  await expect(page).toHaveURL(storeUrl("fashionhub", "/account"));
  await expect(page.getByRole("main").getByText(email, { exact: true })).toBeVisible();
});

test("from fashionhub's /en/account, the code brings the customer back to /en/account on fashionhub", async ({ page, waitForEmail }) => {
  await page.goto(storeUrl("fashionhub", "/en/account"));
  await expect(page).toHaveURL(storeUrl("fashionhub", "/en/sign-in?callbackUrl=%2Fen%2Faccount"));
  const signIn = new StoreSignInPage(page, FASHIONHUB, "en");
  await expect(signIn.heading("Fashion Hub")).toBeVisible();

  const email = uniqueEmail("customer");
  const requestedAt = new Date();
  await signIn.requestCode(email);
  const checkEmail = new CheckEmailPage(page, "en");
  await checkEmail.expectShown();
  await expect(page).toHaveURL((url) => url.host === HUB_HOST && url.pathname === "/en/sign-in/check-email");
  const message = await waitForEmail(email, { template: "sign-in", after: requestedAt });
  expect(message.locale).toBe("en");

  const callback = page.waitForResponse((r) => r.url().startsWith(storeUrl("fashionhub", "/api/auth/callback/email?")));
  await checkEmail.signInWithCode(String(message.data.code));
  const redirect = await callback;
  expect(redirect.status()).toBe(302);
  expect(new URL(redirect.headers()["location"] ?? "", redirect.url()).href).toBe(storeUrl("fashionhub", "/en/account"));

  await expect(page).toHaveURL(storeUrl("fashionhub", "/en/account"));
  expect(new URL(page.url()).host).toBe(HUB_HOST);
  await expect(page.getByRole("heading", { level: 1, name: messages.en.Account.customer.title, exact: true })).toBeVisible();
});

test("a callbackUrl on another host is ignored by the storefront sign-in", async ({ page, waitForEmail }) => {
  const signIn = new StoreSignInPage(page, FASHIONHUB);
  await signIn.goto(`${APEX_URL}/admin`);
  const email = uniqueEmail("customer");
  const requestedAt = new Date();
  await signIn.requestCode(email);
  await new CheckEmailPage(page, "fr").expectShown();

  const link = firstLink(await waitForEmail(email, { template: "sign-in", after: requestedAt }));
  expect(new URL(link!).searchParams.get("callbackUrl")).toBe(storeUrl("fashionhub", "/account"));
  const response = await page.goto(link!);
  const hops = await redirectChain(response!);
  expect(hops).not.toHaveLength(0);
  for (const hop of hops) expect(new URL(hop.location).host).toBe(HUB_HOST);
  await expect(page).toHaveURL(storeUrl("fashionhub", "/account"));
});

test("a callbackUrl on another host is ignored by the apex sign-in", async ({ page, signInWithPassword }) => {
  await signInWithPassword(demoCredentials("owner"), { callbackUrl: storeUrl("fashionhub", "/account") });
  await expect(page).toHaveURL(`${APEX_URL}/account`);
  await expect(new MerchantAccountPage(page).heading()).toBeVisible();
});
