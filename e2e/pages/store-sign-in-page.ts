import type { Locator, Page } from "@playwright/test";
import { storeUrl } from "../env";
import { format, messages, type Locale } from "../support/messages";

/** A storefront's customer sign-in (on the store's own host): an emailed link and code, no password. */
export class StoreSignInPage {
  readonly t: (typeof messages)[Locale]["Auth"];

  /**
   * `store.defaultLocale` decides the URL's locale prefix; `locale` is the language the page is
   * read in (the store's default unless given).
   */
  constructor(
    readonly page: Page,
    readonly store: { slug: string; defaultLocale: Locale },
    readonly locale: Locale = store.defaultLocale,
  ) {
    this.t = messages[locale].Auth;
  }

  /** A path on the store's host in this page's locale ("/account" -> "/en/account" when English is not the default). */
  path(path: string): string {
    return this.locale === this.store.defaultLocale ? path : `/${this.locale}${path}`;
  }

  url(callbackUrl?: string): string {
    return storeUrl(this.store.slug, `${this.path("/sign-in")}${callbackUrl ? `?${new URLSearchParams({ callbackUrl })}` : ""}`);
  }

  async goto(callbackUrl?: string) {
    const response = await this.page.goto(this.url(callbackUrl));
    return response;
  }

  /** The heading names the store: "Sign in to Fashion Hub". */
  heading(storeName: string): Locator {
    return this.page.getByRole("heading", { level: 1, name: format(this.t.store.title, { store: storeName }), exact: true });
  }

  email(): Locator {
    return this.page.getByLabel(this.t.signIn.email, { exact: true });
  }

  submitButton(): Locator {
    return this.page.getByRole("button", { name: this.t.store.submit, exact: true });
  }

  async requestCode(email: string): Promise<void> {
    await this.email().fill(email);
    await this.submitButton().click();
  }
}
