import { expect, type Locator, type Page } from "@playwright/test";
import { APEX_URL } from "../env";
import { messages, type Locale } from "../support/messages";

/** The sign-in page of merchants and admins on the apex: a password, or an emailed link and code. */
export class ApexSignInPage {
  readonly t: (typeof messages)[Locale]["Auth"]["signIn"];

  constructor(
    readonly page: Page,
    readonly locale: Locale = "en",
  ) {
    this.t = messages[locale].Auth.signIn;
  }

  /** The page's URL, with `callbackUrl` (where to go afterwards) when given. */
  url(callbackUrl?: string): string {
    const path = this.locale === "en" ? "/sign-in" : `/${this.locale}/sign-in`;
    return `${APEX_URL}${path}${callbackUrl ? `?${new URLSearchParams({ callbackUrl })}` : ""}`;
  }

  async goto(callbackUrl?: string) {
    const response = await this.page.goto(this.url(callbackUrl));
    await this.expectShown();
    return response;
  }

  async expectShown(): Promise<void> {
    await expect(this.heading()).toBeVisible();
  }

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: this.t.title, exact: true });
  }

  email(): Locator {
    return this.page.getByLabel(this.t.email, { exact: true });
  }

  password(): Locator {
    return this.page.getByLabel(this.t.password, { exact: true });
  }

  signInButton(): Locator {
    return this.page.getByRole("button", { name: this.t.submit, exact: true });
  }

  linkButton(): Locator {
    return this.page.getByRole("button", { name: this.t.linkSubmit, exact: true });
  }

  /** The form-level message (wrong password, rate limit); Next's route announcer is an alert too. */
  alert(text: string): Locator {
    return this.page.getByRole("alert").filter({ hasText: text });
  }

  async signInWithPassword(email: string, password: string): Promise<void> {
    await this.email().fill(email);
    await this.password().fill(password);
    await this.signInButton().click();
  }

  async requestLink(email: string): Promise<void> {
    await this.email().fill(email);
    await this.linkButton().click();
  }
}
