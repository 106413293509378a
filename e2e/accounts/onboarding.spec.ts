import { randomUUID } from "node:crypto";
import { expect, storeUrl, test } from "../fixtures";
import { uniqueEmail } from "../support/auth";
import { format, messages } from "../support/messages";

const en = messages.en;
const form = en.Onboarding.form;
// Creating an account hashes its password and then signs in with it (bcrypt twice): on a busy
// two-core machine that takes longer than the default five seconds.
const ACCOUNT_CREATION = { timeout: 20_000 };

test("a visitor signs up as a merchant, sees the checklist, sets up the store and opens it on its subdomain", async ({ page, createTenant, serverErrors }) => {
  const existing = await createTenant();
  const slug = `lea-${randomUUID().slice(0, 8)}`;
  const email = uniqueEmail("lea");

  await page.goto("/account/new");
  await expect(page.getByRole("heading", { level: 1, name: en.Onboarding.title })).toBeVisible();
  await page.getByLabel(form.name, { exact: true }).fill("Léa Muller");
  await page.getByLabel(form.email, { exact: true }).fill(email);
  await page.getByLabel(form.password, { exact: true }).fill("a long enough password");
  await page.getByLabel(form.merchantName, { exact: true }).fill("Léa & Co");
  await page.getByLabel(form.storeName, { exact: true }).fill("Café Léa");

  // The store address is suggested from the name and checked while typing.
  const slugField = page.getByLabel(form.slug, { exact: true });
  await expect(slugField).toHaveValue("cafe-lea");
  const check = page.getByTestId("slug-check");
  await slugField.fill("admin");
  await expect(check).toHaveText(en.Onboarding.errors.slugReserved);
  await slugField.fill(existing.store.slug);
  await expect(check).toHaveText(en.Onboarding.errors.slugTaken);
  await slugField.fill(slug);
  await expect(check).toHaveText(form.slugAvailable);

  await page.getByLabel(form.defaultLocale).selectOption("fr");
  await page.getByRole("checkbox", { name: "English" }).check();
  await page.getByRole("button", { name: form.submit }).click();

  // Straight into the new business, signed in, with what is left to do.
  await expect(page.getByRole("status")).toHaveText(format(en.Onboarding.checklist.welcome, { merchant: "Léa & Co" }), ACCOUNT_CREATION);
  await expect(page.getByRole("heading", { level: 2, name: en.Onboarding.checklist.title })).toBeVisible();
  for (const key of ["product", "loyalty", "staff", "domain"] as const) {
    await expect(page.getByTestId(`checklist-${key}`)).toHaveAttribute("data-done", "false");
    await expect(page.getByTestId(`checklist-${key}`).getByRole("link", { name: en.Onboarding.checklist[key] })).toBeVisible();
  }

  // The store is open on its subdomain, in its main language.
  await page.goto(storeUrl(slug));
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: format(messages.fr.Storefront.welcome, { store: "Café Léa" }) })).toBeVisible();

  // Settings: an English name and tagline, a time zone, then closing with a message the storefront shows.
  await page.goto("/account");
  await page.getByRole("link", { name: /^Léa & Co/ }).click();
  await page.getByRole("link", { name: new RegExp(`^${en.Catalog.store.manage}`) }).click();
  await page.getByRole("link", { name: en.StoreSettings.nav.settings }).click();
  const settings = en.StoreSettings.form;
  await page.locator("#name-en").fill("Lea's Café");
  await page.locator("#tagline-fr").fill("Le meilleur café du quartier");
  await page.locator("#closed-fr").fill("Fermé pour congés jusqu’au 3 janvier.");
  // A country list naming no country is refused under its field; what was typed stays.
  const countries = page.getByLabel(settings.shippingCountries);
  const shipping = await countries.inputValue();
  await countries.fill("LU, Narnia");
  await page.getByRole("button", { name: settings.save }).click();
  await expect(page.getByRole("alert").filter({ hasText: settings.fixErrors })).toBeVisible();
  await expect(page.getByText(en.StoreSettings.errors.invalidCountry)).toBeVisible();
  await expect(page.getByLabel(settings.shippingCountries)).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#tagline-fr")).toHaveValue("Le meilleur café du quartier");
  await page.getByLabel(settings.shippingCountries).fill(shipping);
  await page.getByRole("radio", { name: settings.closed }).check();
  await expect(page.getByLabel(settings.timeZone)).toHaveValue("Europe/Luxembourg");
  await page.getByLabel(settings.timeZone).selectOption("Asia/Tokyo");
  await page.getByRole("button", { name: settings.save }).click();
  await expect(page.getByRole("status")).toHaveText(settings.saved);

  await page.goto(storeUrl(slug));
  await expect(page.getByTestId("closed-message")).toHaveText("Fermé pour congés jusqu’au 3 janvier.");
  // The English storefront falls back to the French message.
  await page.goto(storeUrl(slug, "/en"));
  await expect(page.getByTestId("closed-message")).toHaveText("Fermé pour congés jusqu’au 3 janvier.");

  await page.goto("/account");
  await page.getByRole("link", { name: /^Léa & Co/ }).click();
  await page.getByRole("link", { name: new RegExp(`^${en.Catalog.store.manage}`) }).click();
  await page.getByRole("link", { name: en.StoreSettings.nav.settings }).click();
  await expect(page.getByLabel(settings.timeZone)).toHaveValue("Asia/Tokyo");
  await page.getByRole("radio", { name: settings.open }).check();
  await page.getByRole("button", { name: settings.save }).click();
  await expect(page.getByRole("status")).toHaveText(settings.saved);

  await page.goto(storeUrl(slug, "/en"));
  await expect(page.getByRole("heading", { level: 1, name: format(en.Storefront.welcome, { store: "Lea's Café" }) })).toBeVisible();
  await expect(page.getByTestId("store-tagline")).toHaveText("Le meilleur café du quartier");
  expect(serverErrors).toEqual([]);
});

test("sign-up with a taken email writes nothing and says so", async ({ page, createTenant, db }) => {
  const tenant = await createTenant();
  const slug = `taken-${randomUUID().slice(0, 8)}`;
  await page.goto("/account/new");
  await page.getByLabel(form.name, { exact: true }).fill("Someone");
  await page.getByLabel(form.email, { exact: true }).fill(tenant.owner.email);
  await page.getByLabel(form.password, { exact: true }).fill("a long enough password");
  await page.getByLabel(form.merchantName, { exact: true }).fill("Dup");
  await page.getByLabel(form.storeName, { exact: true }).fill("Dup");
  await page.getByLabel(form.slug, { exact: true }).fill(slug);
  await page.getByRole("button", { name: form.submit }).click();
  await expect(page.getByText(en.Onboarding.errors.emailTaken)).toBeVisible(ACCOUNT_CREATION);
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM "Store" WHERE slug = $1`, [slug]);
  expect(rows[0].n).toBe(0);
});
