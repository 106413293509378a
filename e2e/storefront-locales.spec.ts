import { expect, test } from "./fixtures";
import { StorefrontPage } from "./pages/storefront-page";
import { ROOT_DOMAIN } from "./env";
import { requestWithHost } from "./support/http";

// Demo data (prisma/demo-data.ts): fashionhub defaults to French and offers fr, en, de, lb;
// fashionoutlet defaults to English and offers en, fr.

test.describe("a storefront in its default locale and the others", () => {
  test("fashionhub answers in French without a locale prefix", async ({ page }) => {
    const store = new StorefrontPage(page, "fashionhub");
    const response = await store.goto("/");
    expect(response?.status()).toBe(200);
    await store.expectLanguage("fr");
    await expect(page.getByRole("banner").getByText("Fashion Hub", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Fashion Hub");
    await expect(store.productTitles().filter({ hasText: "Chemise en lin" })).toBeVisible();
    await expect(page.getByText("Linen shirt")).toHaveCount(0);
  });

  test("fashionhub's /en is in English", async ({ page }) => {
    const store = new StorefrontPage(page, "fashionhub");
    const response = await store.goto("/en");
    expect(response?.status()).toBe(200);
    await store.expectLanguage("en");
    await expect(store.productTitles().filter({ hasText: "Linen shirt" })).toBeVisible();
    await expect(page.getByText("Chemise en lin")).toHaveCount(0);
  });

  test("the default locale has no prefix: fashionhub's /fr redirects to /", async ({ page }) => {
    const raw = await requestWithHost(`fashionhub.${ROOT_DOMAIN}`, "/fr");
    expect(raw.status).toBeGreaterThanOrEqual(300);
    expect(raw.status).toBeLessThan(400);
    expect(new URL(raw.headers.location ?? "", `http://fashionhub.${ROOT_DOMAIN}/fr`).href).toBe(
      `http://fashionhub.${ROOT_DOMAIN}/`,
    );

    const store = new StorefrontPage(page, "fashionhub");
    await store.goto("/fr");
    await expect(page).toHaveURL(store.url("/"));
    await store.expectLanguage("fr");
  });

  test("fashionoutlet defaults to English, with French under /fr", async ({ page }) => {
    const store = new StorefrontPage(page, "fashionoutlet");
    await store.goto("/");
    await store.expectLanguage("en");
    await expect(store.productTitles().filter({ hasText: "Denim jacket (last season)" })).toBeVisible();

    await store.goto("/fr");
    await expect(page).toHaveURL(store.url("/fr"));
    await store.expectLanguage("fr");
    await expect(store.productTitles().filter({ hasText: "Veste en jean (saison passée)" })).toBeVisible();
  });

  test("the language switcher moves between locales", async ({ page }) => {
    const store = new StorefrontPage(page, "fashionhub");
    await store.goto("/");
    await store.expectLanguage("fr");

    await store.switchLanguage("fr", "en");
    await expect(page).toHaveURL(store.url("/en"));
    await store.expectLanguage("en");
    await expect(store.productTitles().filter({ hasText: "Linen shirt" })).toBeVisible();

    await store.switchLanguage("en", "de");
    await expect(page).toHaveURL(store.url("/de"));
    await store.expectLanguage("de");
    await expect(store.productTitles().filter({ hasText: "Leinenhemd" })).toBeVisible();

    await store.switchLanguage("de", "fr");
    await expect(page).toHaveURL(store.url("/"));
    await store.expectLanguage("fr");
    await expect(store.productTitles().filter({ hasText: "Chemise en lin" })).toBeVisible();
  });

  test("a store created a moment ago is served on its subdomain", async ({ page, createTenant }) => {
    const tenant = await createTenant({
      defaultLocale: "de",
      locales: ["de", "en"],
      products: [{ slug: "mug", priceCents: 1200, title: { de: "Kaffeebecher", en: "Coffee mug" } }],
    });
    const store = new StorefrontPage(page, tenant.store.slug);
    const response = await store.goto("/");
    expect(response?.status()).toBe(200);
    await store.expectLanguage("de");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(tenant.store.name);
    await expect(store.productTitles().filter({ hasText: "Kaffeebecher" })).toBeVisible();
  });
});
