import type { CouponTerms, CouponUsage } from "@/lib/coupons/types";
import type { CartGiftCard } from "@/lib/gift-cards/tender";
import type { ProductKind } from "@/lib/catalog/types";
import type { GiftCardPurchase } from "@/lib/gift-cards/purchase";

/** The most of one product a cart line may hold, whatever the stock. */
export const MAX_LINE_QUANTITY = 99;

/** A product as the cart sees it, read live from the catalog (never from the client). */
export interface CartProduct {
  id: string;
  slug: string;
  /** In the requested locale, falling back to the store's default locale, then the slug. */
  title: string;
  priceCents: number;
  /** Null means unlimited. */
  stock: number | null;
  kind: ProductKind;
  visibility: "DRAFT" | "HIDDEN" | "PUBLIC";
  archived: boolean;
  /** Gift-card products: the offer as it is now (lib/gift-cards/rules.ts offerOf). */
  giftCardAmounts: number[];
  giftCardMinCents: number | null;
  giftCardMaxCents: number | null;
}

/** A gift card in the cart: the amount of one card and how it is delivered. */
export interface CartGiftCardLine {
  amountCents: number;
  purchase: GiftCardPurchase;
}

export interface CartLineView {
  lineId: string;
  productId: string;
  quantity: number;
  /** "" for a plain product; a gift card's key (lib/gift-cards/purchase.ts giftCardLineKey). */
  lineKey: string;
  /** What one unit costs: a gift card's amount, else the product's live price. */
  unitPriceCents: number;
  /** Set on gift-card lines. */
  giftCard: CartGiftCardLine | null;
  product: CartProduct;
}

export type CartCouponView = CouponTerms & { addedAt: Date };

/** An ACTIVE cart of one store with live product data and its attached coupons (oldest first). */
export interface CartForCheckout {
  id: string;
  merchantId: string;
  storeId: string;
  customerId: string | null;
  lines: CartLineView[];
  coupons: CartCouponView[];
  /** ACTIVE redemptions of each coupon: overall and by the buyer the cart was read for. */
  usage: Record<string, CouponUsage>;
  /** Gift cards entered to pay with, oldest first, as they are now (balance, status). */
  giftCards: CartGiftCard[];
  /** Points asked to pay with: a reward with an online value, `quantity` times, as it is now (null reward: gone). */
  points: { rewardId: string; quantity: number; reward: CartPointsReward | null } | null;
  /** The buyer's loyalty card at the merchant, when signed in and a member. */
  loyaltyCard: { id: string; balance: number } | null;
  /** Store credit asked to pay with (at most this much); null: none. */
  storeCreditCents: number | null;
  /** The signed-in buyer's store credit in the store's currency: what can be spent now. */
  storeCredit: { accountId: string; availableCents: number } | null;
}

/** A reward as a cart's points see it. */
export interface CartPointsReward {
  cost: number;
  onlineValueCents: number | null;
  onlineCurrency: string | null;
  /** Active, in an active program. */
  usable: boolean;
}

/** The cart a storefront request is working with. */
export interface CurrentCart {
  cartId: string;
  customerId: string | null;
}

/** Why a cart change was refused: translated under `Cart.errors.<code>`. */
export type CartErrorCode =
  | "invalidQuantity"
  | "tooMany"
  | "outOfStock"
  | "notEnoughStock"
  | "unknownProduct"
  | "unknownCoupon"
  | "couponAlreadyAdded"
  | "cartNotFound"
  | "unavailable";
