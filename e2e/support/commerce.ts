import { randomUUID } from "node:crypto";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import type pg from "pg";
import { CART_COOKIE, signCartCookie } from "../../lib/cart/cookie";
import { E2E_AUTH_SECRET } from "../env";
import { newId, storeBySlug } from "./db";
import { messages, type Locale } from "./messages";

/** A fresh coupon (a new row, never a change to existing demo rows) on the store `slug`. */
export async function createCoupon(
  db: pg.Pool,
  slug: string,
  terms: { kind: "FIXED"; amountCents: number } | { kind: "PERCENT"; percentBasisPoints: number },
): Promise<{ id: string; code: string }> {
  const store = await storeBySlug(db, slug);
  const code = `E2E${randomUUID().slice(0, 8).toUpperCase()}`;
  const id = newId();
  await db.query(
    `INSERT INTO "Coupon" (id, "merchantId", "storeId", code, kind, "amountCents", "percentBasisPoints")
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, store.merchantId, store.id, code, terms.kind, terms.kind === "FIXED" ? terms.amountCents : null, terms.kind === "PERCENT" ? terms.percentBasisPoints : null],
  );
  return { id, code };
}

/**
 * A guest cart with the store's products `slugs` (one each), handed to the browser in the
 * signed cookie the app itself sets, so checkout specs do not depend on the product page.
 */
export async function giveGuestCart(db: pg.Pool, context: BrowserContext, slug: string, productSlugs: string[]): Promise<string> {
  const store = await storeBySlug(db, slug);
  const cartId = newId();
  await db.query(`INSERT INTO "Cart" (id, "merchantId", "storeId") VALUES ($1, $2, $3)`, [cartId, store.merchantId, store.id]);
  for (const productSlug of productSlugs) {
    await db.query(
      `INSERT INTO "CartLine" (id, "cartId", "productId", quantity) SELECT $1, $2, id, 1 FROM "Product" WHERE "storeId" = $3 AND slug = $4`,
      [newId(), cartId, store.id, productSlug],
    );
  }
  await context.addCookies([
    { name: CART_COOKIE, value: signCartCookie(E2E_AUTH_SECRET, store.id, cartId), domain: `${slug}.localhost`, path: "/", httpOnly: true, sameSite: "Lax" },
  ]);
  return cartId;
}

/** The cart page -> apply a code -> the checkout page. */
export async function applyCodeAndGoToCheckout(page: Page, options: { storeUrl: string; cartPath: string; locale: Locale; couponCode?: string }) {
  const m = messages[options.locale];
  await page.goto(new URL(options.cartPath, options.storeUrl).toString());
  if (options.couponCode) {
    await page.getByRole("textbox", { name: m.Cart.codeLabel, exact: true }).fill(options.couponCode);
    await page.getByRole("button", { name: m.Cart.apply, exact: true }).click();
    await expect(page.getByText(m.Cart.applied.replace("{code}", options.couponCode))).toBeVisible();
  }
  await page.getByTestId("cart-checkout").click();
  await expect(page.getByRole("heading", { level: 1, name: m.Checkout.title })).toBeVisible();
}

/** Fills the guest checkout form (email, and the address when asked) and places the order. */
export async function placeGuestOrder(page: Page, locale: Locale, email: string, withShipping: boolean) {
  const m = messages[locale].Checkout.form;
  await page.getByLabel(m.email).fill(email);
  if (withShipping) {
    await page.getByLabel(m.name, { exact: true }).fill("Léa Muller");
    await page.getByLabel(m.line1, { exact: true }).fill("1 rue de la Gare");
    await page.getByLabel(m.postalCode).fill("1611");
    await page.getByLabel(m.city).fill("Luxembourg");
  }
  await page.getByRole("button", { name: m.placeOrder }).click();
}
