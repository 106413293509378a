import { expect, test } from "./fixtures";
import { messages } from "./support/messages";

test("the apex landing page is in English and has a main heading", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: messages.en.Landing.headline })).toBeVisible();
});

test("the apex language switcher changes the language, with /fr for French", async ({ page }) => {
  await page.goto("/");
  await page
    .getByRole("navigation", { name: messages.en.Common.language, exact: true })
    .getByRole("link", { name: "Français", exact: true })
    .click();
  await expect(page).toHaveURL("/fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: messages.fr.Landing.headline })).toBeVisible();
});
