import { expect, type Page, type Response } from "@playwright/test";
import { messages, type Locale } from "../support/messages";

const ANY_TITLE = new RegExp(`^(${Object.values(messages).map((m) => m.NotFound.title).join("|")})$`);

/**
 * Asserts a 404 answered with the app's translated not-found page: in `locale` when given,
 * otherwise in whichever language the server negotiated.
 */
export async function expectNotFoundPage(page: Page, response: Response | null, locale?: Locale): Promise<void> {
  expect(response, "a response").not.toBeNull();
  expect(response!.status()).toBe(404);
  if (locale) {
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1, name: messages[locale].NotFound.title, exact: true })).toBeVisible();
  } else {
    await expect(page.getByRole("heading", { level: 1, name: ANY_TITLE })).toBeVisible();
  }
}
