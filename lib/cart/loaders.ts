import "server-only";
import { getTranslations } from "next-intl/server";
import { loadCustomerSession } from "@/lib/auth/loaders";
import { findAvailableCredit } from "@/lib/credit/data";
import { findMemberBalance, listOnlineRewards } from "@/lib/loyalty/data";
import type { LoyaltyProgramType } from "@/lib/loyalty/types";
import { priceCart, type PricedCart, type PricedCoupon } from "@/lib/pricing/pricing";
import type { Buyer } from "@/lib/coupons/data";
import type { Locale } from "@/lib/locales";
import type { Storefront } from "@/lib/tenancy/loaders";
import { countCartItems, findFailedPaymentOfCart, isPurchasable, loadCartForCheckout } from "./data";
import { giftCardLineRefusal, pricingLine } from "./lines";
import { pointsOffers, suggestedCreditCents, type PointsOffer } from "./tender-choices";
import { tenderCart, type CartTendering } from "./tendering";
import { currentCart, type CartStore } from "./request";
import { MAX_LINE_QUANTITY, type CartLineView } from "./types";

export interface CartPageLine extends CartLineView {
  /** False when the product was archived, unpublished or sold out since it was added. */
  available: boolean;
  /** The product is no longer sold (archived or back to draft): the line can only be removed. */
  noLongerSold: boolean;
  /** A gift card whose amount the product no longer offers: not counted, to be removed. */
  amountNotOffered: boolean;
  /** The most the quantity control may ask for. */
  maxQuantity: number;
  lineTotalCents: number;
}

export interface CartPage {
  lines: CartPageLine[];
  /** Whether some line is a gift card (coupons leave those out). */
  hasGiftCards: boolean;
  priced: PricedCart;
  /** The tenders entered (gift cards, points, store credit): what each pays, which cannot, and the amount due. */
  tenders: CartTendering;
  /** Whether the visitor is signed in (points and store credit need it). */
  signedIn: boolean;
  /** What the signed-in customer may choose to pay with besides gift cards; null for guests. */
  wallet: CartWallet | null;
  itemCount: number;
  /** Set when this cart came back after the payment of this order did not go through. */
  paymentFailed: { orderNumber: string } | null;
}

export interface CartWallet {
  /** The member's balance and the rewards they can spend online here; null: not a member of a published program. */
  points: { balance: number; unit: LoyaltyProgramType; offers: Array<PointsOffer & { name: string }> } | null;
  /** The store credit they can spend now and what the amount field offers; null: none. */
  credit: { availableCents: number; suggestedCents: number } | null;
}

/**
 * The current visitor's cart for the cart page, priced with live catalog prices and the
 * coupons' current usage (per customer when signed in). Empty when there is no cart yet.
 */
export async function loadCartPage(store: Storefront, locale: Locale, now = new Date()): Promise<CartPage> {
  const customer = await loadCustomerSession(store.id);
  const current = await currentCart(store, customer);
  const buyer = { customerId: customer?.customerId, email: customer?.email };
  const [cart, paymentFailed] = current
    ? await Promise.all([
        loadCartForCheckout(store.merchantId, store.id, current.cartId, { locale, buyer, now }),
        findFailedPaymentOfCart(store.merchantId, store.id, current.cartId),
      ])
    : [null, null];
  const lines: CartPageLine[] = (cart?.lines ?? []).map((line) => {
    const stockLeft = line.product.stock ?? Number.POSITIVE_INFINITY;
    const noLongerSold = !isPurchasable(line.product);
    const available = isAvailableLine(line);
    return {
      ...line,
      available,
      noLongerSold,
      amountNotOffered: !noLongerSold && giftCardLineRefusal(line) === "priceChanged",
      maxQuantity: Math.max(1, Math.min(MAX_LINE_QUANTITY, stockLeft)),
      lineTotalCents: line.unitPriceCents * line.quantity,
    };
  });
  const priced = priceCart({
    currency: store.currency,
    lines: lines.filter((l) => l.available).map(pricingLine),
    coupons: cart?.coupons ?? [],
    now,
    usage: cart?.usage ?? {},
  });
  const tenders = tenderCart(priced.totalCents, priced.giftCardLinesCents, cart ?? EMPTY_TENDERS, { currency: store.currency, now });
  const wallet = customer ? await loadWallet(store, locale, customer.customerId, priced, tenders, now) : null;
  return {
    lines,
    hasGiftCards: lines.some((l) => l.giftCard !== null),
    priced,
    tenders,
    signedIn: customer !== null,
    wallet,
    itemCount: lines.reduce((sum, l) => sum + l.quantity, 0),
    paymentFailed: cart && cart.lines.length > 0 ? paymentFailed : null,
  };
}

/**
 * The signed-in customer's points and store credit as the cart page offers them: rewards fit
 * what the gift cards leave to pay, the credit field what the gift cards and points leave.
 */
async function loadWallet(store: Storefront, locale: Locale, customerId: string, priced: PricedCart, tenders: CartTendering, now: Date): Promise<CartWallet> {
  const [member, rewards, credit] = await Promise.all([
    findMemberBalance(store.merchantId, customerId),
    listOnlineRewards(store.merchantId, store.currency, locale, store.defaultLocale),
    findAvailableCredit(store.merchantId, customerId, store.currency, now),
  ]);
  const cardsPay = tenders.giftCards.applied.reduce((sum, card) => sum + card.amountCents, 0);
  const leftForPoints = Math.max(0, priced.totalCents - priced.giftCardLinesCents - cardsPay);
  const leftForCredit = Math.max(0, leftForPoints - (tenders.points?.ok ? tenders.points.amountCents : 0));
  const names = new Map(rewards.map((r) => [r.id, r.name]));
  return {
    points: member
      ? { balance: member.balance, unit: member.unit, offers: pointsOffers(rewards, member.balance, leftForPoints).map((o) => ({ ...o, name: names.get(o.id) ?? "" })) }
      : null,
    credit:
      credit && credit.availableCents > 0
        ? {
            availableCents: credit.availableCents,
            suggestedCents: suggestedCreditCents(credit.availableCents, leftForCredit, tenders.storeCredit?.ok ? tenders.storeCredit.amountCents : null),
          }
        : null,
  };
}

const EMPTY_TENDERS = { customerId: null, giftCards: [], points: null, loyaltyCard: null, storeCreditCents: null, storeCredit: null };

/** A line the cart counts in its total: purchasable, not sold out, a gift card's amount still offered. */
function isAvailableLine(line: CartLineView): boolean {
  return isPurchasable(line.product) && (line.product.stock ?? Number.POSITIVE_INFINITY) > 0 && giftCardLineRefusal(line) === null;
}

/**
 * Whether the coupon `couponId` applies to the cart `cartId` as the cart page prices it (the
 * same lines, the coupons in the order they were added, usage counted for `buyer`), with its
 * reason when it does not. Null when the coupon is not on the cart. For the message right after
 * a code is added; the caller resolved the cart from the request.
 */
export async function loadCouponOnCart(store: CartStore, cartId: string, couponId: string, buyer: Buyer, now = new Date()): Promise<PricedCoupon | null> {
  const cart = await loadCartForCheckout(store.merchantId, store.id, cartId, { buyer });
  if (!cart) return null;
  const priced = priceCart({
    currency: "",
    lines: cart.lines.filter(isAvailableLine).map(pricingLine),
    coupons: cart.coupons,
    now,
    usage: cart.usage,
  });
  return priced.coupons.find((c) => c.couponId === couponId) ?? null;
}

/** The header's cart badge for the visitor: the number of items and the link's accessible name. */
export async function loadCartBadge(store: Storefront, locale: Locale): Promise<{ count: number; label: string }> {
  const current = await currentCart(store, await loadCustomerSession(store.id));
  const [count, t] = await Promise.all([
    current ? countCartItems(store.merchantId, store.id, current.cartId) : 0,
    getTranslations({ locale, namespace: "Cart" }),
  ]);
  return { count, label: t("linkLabel", { count }) };
}
