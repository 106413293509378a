import { expect, type Locator, type Page } from "@playwright/test";
import { messages, type Locale } from "../support/messages";

/**
 * "Check your email" after asking for a sign-in email (apex or storefront), with the form for
 * the code the email contains.
 */
export class CheckEmailPage {
  readonly t: (typeof messages)[Locale]["Auth"]["checkEmail"];

  constructor(
    readonly page: Page,
    readonly locale: Locale,
  ) {
    this.t = messages[locale].Auth.checkEmail;
  }

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: this.t.title, exact: true });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading()).toBeVisible();
  }

  email(): Locator {
    return this.page.getByLabel(messages[this.locale].Auth.signIn.email, { exact: true });
  }

  code(): Locator {
    return this.page.getByLabel(this.t.code, { exact: true });
  }

  submitButton(): Locator {
    return this.page.getByRole("button", { name: this.t.submit, exact: true });
  }

  async signInWithCode(code: string): Promise<void> {
    await this.code().fill(code);
    await this.submitButton().click();
  }
}
