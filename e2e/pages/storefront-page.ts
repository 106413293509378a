import { expect, type Locator, type Page } from "@playwright/test";
import { storeUrl } from "../env";
import { LOCALE_NAMES, messages, type Locale } from "../support/messages";

/** A store's public pages, reached on its subdomain. */
export class StorefrontPage {
  constructor(
    readonly page: Page,
    readonly slug: string,
  ) {}

  /** Opens `path` (as the public URL shows it, e.g. "/" or "/en") and returns the response. */
  async goto(path = "/") {
    return this.page.goto(storeUrl(this.slug, path));
  }

  url(path = "/"): string {
    return storeUrl(this.slug, path);
  }

  /** The product titles of the home page's product list. */
  productTitles(): Locator {
    return this.page.getByRole("heading", { level: 3 });
  }

  /** The language switcher: a navigation landmark labelled "Language" in the page's locale. */
  languageSwitcher(locale: Locale): Locator {
    return this.page.getByRole("navigation", { name: messages[locale].Common.language, exact: true });
  }

  async switchLanguage(from: Locale, to: Locale): Promise<void> {
    await this.languageSwitcher(from).getByRole("link", { name: LOCALE_NAMES[to], exact: true }).click();
  }

  async expectLanguage(locale: Locale): Promise<void> {
    await expect(this.page.locator("html")).toHaveAttribute("lang", locale);
  }
}
