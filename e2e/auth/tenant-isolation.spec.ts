import type { Page } from "@playwright/test";
import { APEX_URL, expect, test } from "../fixtures";
import { MerchantAccountPage } from "../pages/account-pages";
import { expectNotFoundPage } from "../pages/not-found";
import { merchantIdByName, newId } from "../support/db";
import { demoCredentials } from "../support/demo";
import { messages, type Locale } from "../support/messages";

// A member of one merchant who asks for another merchant's area gets the 404 page, exactly as
// for a merchant that does not exist, and sees nothing of it: not in the visible text, not in
// the title. (The raw HTML is not checked: its RSC payload may carry message catalogs.)

/** The merchant area and paths below it; those without a page yet must not leak either. */
const AREA_PATHS = ["", "/stores", "/products", "/customers", "/settings", "/members"];

const FASHION_GROUP_SECRETS = [
  "Fashion Group",
  "Fashion Hub",
  "Fashion Outlet",
  "fashionhub",
  "fashionoutlet",
  "Claire Weber",
  "claire@fashiongroup.test",
  "Chemise en lin",
];
const BAKERY_SECRETS = ["Bakery Schmit", "Bäckerei Schmit", "bakeryschmit", "Jos Schmit", "jos@bakeryschmit.test", "Kornbrout"];

async function expectNothingOf(page: Page, secrets: string[]): Promise<void> {
  const text = (await page.locator("body").innerText()).toLowerCase();
  const title = (await page.title()).toLowerCase();
  for (const secret of secrets) {
    expect(text, `visible text of ${page.url()}`).not.toContain(secret.toLowerCase());
    expect(title, `title of ${page.url()}`).not.toContain(secret.toLowerCase());
  }
}

/** Every path of the merchant's area answers the not-found page, with none of `secrets`. */
async function expectAreaHidden(page: Page, merchantId: string, secrets: string[], locale: Locale = "en"): Promise<void> {
  const prefix = locale === "en" ? "" : `/${locale}`;
  for (const path of AREA_PATHS) {
    const response = await page.goto(`${APEX_URL}${prefix}/account/m/${merchantId}${path}`);
    await expectNotFoundPage(page, response, locale);
    await expectNothingOf(page, secrets);
  }
}

/** What a merchant that does not exist looks like, to compare the hidden one with. */
async function expectSameAsMissingMerchant(page: Page, merchantId: string): Promise<void> {
  const view = async (id: string) => {
    const response = await page.goto(`${APEX_URL}/account/m/${id}`);
    return { status: response?.status(), title: await page.title(), text: await page.locator("body").innerText() };
  };
  expect(await view(merchantId)).toEqual(await view(newId()));
}

test("the owner of Bakery Schmit cannot see Fashion Group's area", async ({ page, db, signInWithPassword }) => {
  const jos = demoCredentials("otherOwner");
  const fashionGroup = await merchantIdByName(db, "Fashion Group");
  const bakery = await merchantIdByName(db, "Bakery Schmit");
  await signInWithPassword(jos);

  // Jos is signed in and sees his own business...
  const own = await page.goto(`/account/m/${bakery}`);
  expect(own?.status()).toBe(200);
  await expect(new MerchantAccountPage(page).store("Bäckerei Schmit")).toBeVisible();

  // ...but nothing of the other one, in any language.
  await expectAreaHidden(page, fashionGroup, FASHION_GROUP_SECRETS);
  await expectAreaHidden(page, fashionGroup, FASHION_GROUP_SECRETS, "fr");
  await expectSameAsMissingMerchant(page, fashionGroup);

  // The list of businesses does not offer it either.
  await page.goto("/account");
  await expect(new MerchantAccountPage(page).business("Bakery Schmit")).toBeVisible();
  await expectNothingOf(page, FASHION_GROUP_SECRETS);
});

test("a fresh merchant's owner cannot see Fashion Group's area", async ({ page, db, createTenant, signInWithPassword }) => {
  const { owner, merchant } = await createTenant();
  await signInWithPassword(owner);
  await expect(new MerchantAccountPage(page).business(merchant.name)).toBeVisible();

  const fashionGroup = await merchantIdByName(db, "Fashion Group");
  await expectAreaHidden(page, fashionGroup, FASHION_GROUP_SECRETS);
  await expectSameAsMissingMerchant(page, fashionGroup);
});

test("Fashion Group's owner cannot see Bakery Schmit's area nor a fresh merchant's", async ({ page, db, createTenant, signInWithPassword }) => {
  const other = await createTenant({ storeName: `Hidden store ${Date.now()}` });
  const bakery = await merchantIdByName(db, "Bakery Schmit");
  await signInWithPassword(demoCredentials("owner"));
  await expect(new MerchantAccountPage(page).business("Fashion Group")).toBeVisible();

  await expectAreaHidden(page, bakery, BAKERY_SECRETS);
  await expectSameAsMissingMerchant(page, bakery);

  const otherSecrets = [other.merchant.name, other.store.name, other.store.slug, other.owner.name, other.owner.email];
  await expectAreaHidden(page, other.merchant.id, otherSecrets);
  await expectSameAsMissingMerchant(page, other.merchant.id);
});

test("the not-found page of a hidden merchant is the app's translated one", async ({ page, db, signInWithPassword }) => {
  await signInWithPassword(demoCredentials("otherOwner"), { locale: "de" });
  const response = await page.goto(`/de/account/m/${await merchantIdByName(db, "Fashion Group")}`);
  await expectNotFoundPage(page, response, "de");
  await expect(page.getByText(messages.de.NotFound.body)).toBeVisible();
  await expectNothingOf(page, FASHION_GROUP_SECRETS);
});

test("the 404 page inside the account area has one main landmark", async ({ page, db, signInWithPassword }) => {
  await signInWithPassword(demoCredentials("otherOwner"));
  const response = await page.goto(`/account/m/${await merchantIdByName(db, "Fashion Group")}`);
  await expectNotFoundPage(page, response, "en");
  // A document has at most one main element, and it is not nested in another landmark.
  await expect(page.getByRole("main")).toHaveCount(1);
});
