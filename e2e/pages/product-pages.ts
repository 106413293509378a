import { expect, type Locator, type Page } from "@playwright/test";
import { format, messages, type Locale } from "../support/messages";

/** The merchant area's product list and product form of one store. */
export class MerchantProductsPage {
  readonly t: (typeof messages)[Locale]["Catalog"];

  constructor(
    readonly page: Page,
    readonly merchantId: string,
    readonly storeId: string,
    readonly locale: Locale = "en",
  ) {
    this.t = messages[locale].Catalog;
  }

  path(suffix = ""): string {
    const prefix = this.locale === "en" ? "" : `/${this.locale}`;
    return `${prefix}/account/m/${this.merchantId}/stores/${this.storeId}/products${suffix}`;
  }

  async goto() {
    return this.page.goto(this.path());
  }

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: this.t.list.title, exact: true });
  }

  /** The store's section navigation, with the current section marked. */
  currentSection(): Locator {
    return this.page.locator('nav a[aria-current="page"]');
  }

  newProductLink(): Locator {
    return this.page.getByRole("main").getByRole("link", { name: this.t.list.new, exact: true });
  }

  /** The row of a product in the list, by its title. */
  row(title: string): Locator {
    return this.page.getByRole("row").filter({ hasText: title });
  }

  /** Fills the product form of a store with one locale and submits it. */
  async createProduct(product: { title: string; slug: string; price: string; stock?: string; visibility: "DRAFT" | "HIDDEN" | "PUBLIC"; image?: Buffer }) {
    const form = this.t.form;
    await this.page.getByLabel(form.title, { exact: true }).fill(product.title);
    await this.page.getByLabel(form.slug, { exact: true }).fill(product.slug);
    await this.page.getByLabel(format(form.price, { currency: "EUR" }), { exact: true }).fill(product.price);
    if (product.stock !== undefined) await this.page.getByLabel(form.stock, { exact: true }).fill(product.stock);
    await this.page.getByLabel(form.visibility, { exact: true }).selectOption(product.visibility);
    if (product.image) {
      await this.page.getByLabel(form.addImages, { exact: true }).setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: product.image });
    }
    await this.page.getByRole("button", { name: form.create, exact: true }).click();
    await expect(this.page).toHaveURL((url) => url.pathname === this.path());
  }
}
