import "server-only";
import { COUPON_TERMS_SELECT } from "@/lib/coupons/data";
import { db, type Tx } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import type { CartForCheckout, CartProduct } from "./types";

export interface CartLocale {
  locale: Locale;
  defaultLocale: Locale;
}

/** The key that makes a customer's ACTIVE cart unique per store. */
export function cartActiveKey(storeId: string, customerId: string): string {
  return `${storeId}:${customerId}`;
}

/** The id of the customer's ACTIVE cart in this store, if any. */
export async function findCustomerCartId(merchantId: MerchantId, storeId: StoreId, customerId: string): Promise<string | null> {
  const cart = await db.cart.findFirst({
    where: { merchantId, storeId, customerId, status: "ACTIVE", activeKey: cartActiveKey(storeId, customerId) },
    select: { id: true },
  });
  return cart?.id ?? null;
}

/** The guest cart `cartId` when it is an ACTIVE guest cart of this store, else null. */
export async function findGuestCartId(merchantId: MerchantId, storeId: StoreId, cartId: string): Promise<string | null> {
  const cart = await db.cart.findFirst({
    where: { id: cartId, merchantId, storeId, customerId: null, status: "ACTIVE" },
    select: { id: true },
  });
  return cart?.id ?? null;
}

/** Units in the cart (for the header badge). */
export async function countCartItems(merchantId: MerchantId, storeId: StoreId, cartId: string): Promise<number> {
  const result = await db.cartLine.aggregate({
    where: { cartId, cart: { merchantId, storeId, status: "ACTIVE" } },
    _sum: { quantity: true },
  });
  return result._sum.quantity ?? 0;
}

/**
 * An ACTIVE cart of this store with live product data (title in `locale`, price, stock, kind,
 * visibility, archived) and its coupons' terms, oldest coupon first. Null when the cart does not
 * exist in this store or is no longer ACTIVE. Pass `tx` to read inside a checkout transaction.
 */
export async function loadCartForCheckout(
  merchantId: MerchantId,
  storeId: StoreId,
  cartId: string,
  options: Partial<CartLocale> & { tx?: Tx } = {},
): Promise<CartForCheckout | null> {
  const client = options.tx ?? db;
  const cart = await client.cart.findFirst({
    where: { id: cartId, merchantId, storeId, status: "ACTIVE" },
    select: {
      id: true,
      merchantId: true,
      storeId: true,
      customerId: true,
      store: { select: { defaultLocale: true } },
      lines: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          quantity: true,
          product: {
            select: {
              id: true,
              slug: true,
              priceCents: true,
              stock: true,
              kind: true,
              visibility: true,
              archivedAt: true,
              translations: { select: { locale: true, title: true } },
            },
          },
        },
      },
      coupons: {
        where: { coupon: { merchantId, storeId } },
        orderBy: [{ addedAt: "asc" }, { couponId: "asc" }],
        select: { addedAt: true, coupon: { select: COUPON_TERMS_SELECT } },
      },
    },
  });
  if (!cart) return null;
  const defaultLocale = options.defaultLocale ?? cart.store.defaultLocale;
  const locale = options.locale ?? defaultLocale;
  return {
    id: cart.id,
    merchantId: cart.merchantId,
    storeId: cart.storeId,
    customerId: cart.customerId,
    lines: cart.lines.map((line) => {
      const p = line.product;
      const title =
        p.translations.find((t) => t.locale === locale)?.title ?? p.translations.find((t) => t.locale === defaultLocale)?.title ?? p.slug;
      const product: CartProduct = {
        id: p.id,
        slug: p.slug,
        title,
        priceCents: p.priceCents,
        stock: p.stock,
        kind: p.kind,
        visibility: p.visibility,
        archived: p.archivedAt !== null,
      };
      return { lineId: line.id, productId: p.id, quantity: line.quantity, product };
    }),
    coupons: cart.coupons.map((c) => ({ ...c.coupon, addedAt: c.addedAt })),
  };
}

/** Whether a product may sit in a cart: bought by link (HIDDEN) or listed (PUBLIC), never a draft or archived one. */
export function isPurchasable(product: Pick<CartProduct, "visibility" | "archived">): boolean {
  return !product.archived && product.visibility !== "DRAFT";
}

/** The store behind a storefront request's store id (as stamped by the proxy), or null. */
export async function findStoreForCart(storeId: string): Promise<{ id: StoreId; merchantId: MerchantId; slug: string } | null> {
  const store = await db.store.findFirst({ where: { id: storeId }, select: { id: true, merchantId: true, slug: true } });
  return store ? { id: store.id as StoreId, merchantId: store.merchantId as MerchantId, slug: store.slug } : null;
}
