import { expect, type Locator, type Page, type Response } from "@playwright/test";
import { format, literal, messages, type Locale } from "../support/messages";

/** The apex account area: "Your businesses", then one merchant's area with its stores. */
export class MerchantAccountPage {
  readonly t: (typeof messages)[Locale]["Account"];

  constructor(
    readonly page: Page,
    readonly locale: Locale = "en",
  ) {
    this.t = messages[locale].Account;
  }

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: this.t.title, exact: true });
  }

  /** The card of one business on "Your businesses" (its link's name starts with the business's name). */
  business(name: string): Locator {
    return this.page.getByRole("main").getByRole("link", { name: new RegExp(`^${literal(name).source}\\b`) });
  }

  /** Who the header says is signed in. */
  signedInAs(email: string): Locator {
    return this.page.getByRole("banner").getByText(format(messages[this.locale].Auth.signedInAs, { email }), { exact: true });
  }

  signOutButton(): Locator {
    return this.page.getByRole("banner").getByRole("button", { name: messages[this.locale].Auth.signOut, exact: true });
  }

  storesHeading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: this.t.merchant.stores, exact: true });
  }

  /** One store's card in a merchant's area, by the store's name. */
  store(name: string): Locator {
    return this.page.getByRole("listitem").filter({ has: this.page.getByRole("heading", { level: 2, name, exact: true }) });
  }

  /** The "Visit storefront" link of one store. */
  visitStorefront(storeName: string): Locator {
    return this.store(storeName).getByRole("link", { name: new RegExp(`^${literal(this.t.merchant.visit).source}`) });
  }
}

/** Asserts the translated 403 page of the apex areas, answered with HTTP status 403. */
export async function expectForbiddenPage(page: Page, response: Response | null, locale: Locale = "en"): Promise<void> {
  expect(response, "a response").not.toBeNull();
  expect(response!.status()).toBe(403);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.getByRole("heading", { level: 1, name: messages[locale].Errors.forbidden.title, exact: true })).toBeVisible();
}
