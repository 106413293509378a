import type { CatalogFieldError } from "./schema";
import type { ProductVisibility } from "./rules";
import type { GiftCardOffer } from "@/lib/gift-cards/rules";

export type ProductKind = "PHYSICAL" | "DIGITAL" | "GIFT_CARD";

/** A product on a storefront listing. */
export interface ProductCard {
  id: string;
  slug: string;
  title: string;
  priceCents: number;
  /** Storage key of the first image, served by /api/files/<key>. */
  imageKey: string | null;
  /** Null means unlimited. */
  stock: number | null;
  /** Gift-card products: the amounts offered (the listing shows them or "from"); null otherwise. */
  giftCardOffer: GiftCardOffer | null;
}

export interface StorefrontPage {
  products: ProductCard[];
  page: number;
  pageCount: number;
  total: number;
}

/** A product page on the storefront. */
export interface StorefrontProduct {
  id: string;
  slug: string;
  title: string;
  description: string;
  priceCents: number;
  stock: number | null;
  kind: ProductKind;
  visibility: Exclude<ProductVisibility, "DRAFT">;
  imageKeys: string[];
  /** Gift-card products: the amounts a buyer may choose; null for other kinds. */
  giftCardOffer: GiftCardOffer | null;
}

/** A row of the merchant area's product list. */
export interface ProductListItem {
  id: string;
  slug: string;
  title: string;
  priceCents: number;
  stock: number | null;
  kind: ProductKind;
  visibility: ProductVisibility;
  archived: boolean;
  imageKey: string | null;
}

/** Everything the edit form shows. */
export interface ProductForEdit {
  id: string;
  slug: string;
  priceCents: number;
  stock: number | null;
  kind: ProductKind;
  visibility: ProductVisibility;
  archived: boolean;
  hasDigitalFile: boolean;
  giftCardOffer: GiftCardOffer | null;
  translations: Array<{ locale: string; title: string; description: string }>;
  images: Array<{ id: string; storageKey: string }>;
}

/**
 * Live catalog data of products for a cart: the price is always this one, never one sent by
 * the browser. `onSale` is false for drafts and archived products.
 */
export interface CatalogProductForCart {
  id: string;
  slug: string;
  title: string;
  priceCents: number;
  stock: number | null;
  kind: ProductKind;
  visibility: ProductVisibility;
  archived: boolean;
  onSale: boolean;
  imageKey: string | null;
}

/** Outcomes of catalog mutations: expected failures are results, not exceptions. */
export type CatalogResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, CatalogFieldError> };
