import { expect, type Locator, type Page } from "@playwright/test";
import { storeUrl } from "../env";
import { messages, type Locale } from "../support/messages";

/** A store's cart page and the header's cart count, in the store's `locale`. */
export class CartPage {
  readonly m: (typeof messages)[Locale]["Cart"];

  constructor(
    readonly page: Page,
    readonly slug: string,
    readonly locale: Locale,
  ) {
    this.m = messages[locale].Cart;
  }

  async goto(path = "/cart") {
    const response = await this.page.goto(storeUrl(this.slug, path));
    await expect(this.page.getByRole("heading", { level: 1, name: this.m.title })).toBeVisible();
    return response;
  }

  headerCount(): Locator {
    return this.page.getByTestId("header-cart-count");
  }

  line(title: string): Locator {
    return this.page.getByTestId("cart-line").filter({ has: this.page.getByRole("link", { name: title, exact: true }) });
  }

  quantityBox(title: string): Locator {
    return this.page.getByRole("spinbutton", { name: this.m.quantityOf.replace("{title}", title), exact: true });
  }

  increase(title: string): Locator {
    return this.page.getByRole("button", { name: this.m.increase.replace("{title}", title), exact: true });
  }

  remove(title: string): Locator {
    return this.page.getByRole("button", { name: this.m.removeItem.replace("{title}", title), exact: true });
  }

  async toCheckout(): Promise<void> {
    await this.page.getByTestId("cart-checkout").click();
  }
}
