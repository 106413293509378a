import "server-only";
import { buyersRedemptionSql, type Buyer } from "@/lib/coupons/data";
import type { CouponTerms, CouponUsage } from "@/lib/coupons/types";
import { availableCreditSql } from "@/lib/credit/data";
import { db, type Tx } from "@/lib/db";
import { readPurchase } from "@/lib/gift-cards/purchase";
import type { Locale } from "@/lib/locales";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import type { CartGiftCard } from "@/lib/gift-cards/tender";
import type { CartForCheckout, CartPointsReward, CartProduct } from "./types";

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
 * The order whose failed, expired or unstarted payment gave this cart back to the shopper (the
 * latest one), or null. An ACTIVE cart has a cancelled order only when restoreCheckedOutCart
 * restored it; a successful retry checks the cart out again.
 */
export async function findFailedPaymentOfCart(merchantId: MerchantId, storeId: StoreId, cartId: string): Promise<{ orderNumber: string } | null> {
  const order = await db.order.findFirst({
    where: { merchantId, storeId, cartId, status: "CANCELLED", cart: { status: "ACTIVE" } },
    orderBy: { cancelledAt: "desc" },
    select: { number: true },
  });
  return order ? { orderNumber: order.number } : null;
}

/**
 * An ACTIVE cart of this store with live product data (title in `locale`, price, stock, kind,
 * visibility, archived), its coupons' terms, oldest coupon first, and their usage (ACTIVE
 * redemptions overall and by `buyer`, counted as loadCouponUsage does), and its tenders as they
 * are now: gift cards, the points asked for with the buyer's card, the store credit asked for
 * with what the buyer can spend at `now`. Null when the cart does not exist in this store or is
 * no longer ACTIVE. Pass `tx` to read inside a checkout transaction.
 *
 * One statement in SQL: every checkout and cart page reads this, and Prisma compiles a nested
 * read like it again on each call, which cost more CPU than the rest of a checkout's statements.
 */
export async function loadCartForCheckout(
  merchantId: MerchantId,
  storeId: StoreId,
  cartId: string,
  options: { locale?: Locale; buyer?: Buyer; tx?: Tx; now?: Date } = {},
): Promise<CartForCheckout | null> {
  const client = options.tx ?? db;
  const now = options.now ?? new Date();
  // Titles in this locale, else in the store's default locale, else the slug.
  const locale = options.locale ?? null;
  const rows = await client.$queryRaw<CartRow[]>`
    SELECT c.id, c."merchantId", c."storeId", c."customerId",
      (SELECT coalesce(json_agg(json_build_object(
                'lineId', l.id, 'quantity', l.quantity, 'lineKey', l."lineKey",
                'giftCardAmountCents', l."giftCardAmountCents", 'giftCard', l."giftCard",
                'id', p.id, 'slug', p.slug, 'priceCents', p."priceCents",
                'stock', p.stock, 'kind', p.kind, 'visibility', p.visibility, 'archived', p."archivedAt" IS NOT NULL,
                'giftCardAmounts', p."giftCardAmounts", 'giftCardMinCents', p."giftCardMinCents", 'giftCardMaxCents', p."giftCardMaxCents",
                'title', coalesce(
                  (SELECT t.title FROM "ProductTranslation" t
                   WHERE t."productId" = p.id AND t.locale IN (${locale}, s."defaultLocale")
                   ORDER BY t.locale = ${locale} DESC LIMIT 1),
                  p.slug))
              ORDER BY l."createdAt", l.id), '[]')
       FROM "CartLine" l JOIN "Product" p ON p.id = l."productId"
       WHERE l."cartId" = c.id) AS lines,
      (SELECT coalesce(json_agg(json_build_object(
                'id', k.id, 'code', k.code, 'kind', k.kind, 'amountCents', k."amountCents",
                'percentBasisPoints', k."percentBasisPoints", 'maxDiscountCents', k."maxDiscountCents",
                'minSubtotalCents', k."minSubtotalCents", 'startsAt', k."startsAt", 'endsAt', k."endsAt",
                'perCustomerLimit', k."perCustomerLimit", 'totalLimit', k."totalLimit", 'combinable', k.combinable,
                'paused', k.paused, 'addedAt', cc."addedAt",
                'usage', (SELECT json_build_object(
                            'total', count(*),
                            'byCustomer', count(*) FILTER (WHERE ${buyersRedemptionSql("r", options.buyer ?? {})}))
                          FROM "CouponRedemption" r
                          WHERE r."merchantId" = c."merchantId" AND r."couponId" = k.id AND r.status = 'ACTIVE'))
              ORDER BY cc."addedAt", cc."couponId"), '[]')
       FROM "CartCoupon" cc JOIN "Coupon" k ON k.id = cc."couponId"
       WHERE cc."cartId" = c.id AND k."merchantId" = c."merchantId" AND k."storeId" = c."storeId") AS coupons,
      (SELECT coalesce(json_agg(json_build_object(
                'id', g.id, 'last4', g.last4, 'currency', g.currency, 'balanceCents', g."balanceCents", 'status', g.status,
                'expiresAt', g."expiresAt", 'lockedCustomerId', g."lockedCustomerId")
              ORDER BY cg."addedAt", g.id), '[]')
       FROM "CartGiftCard" cg JOIN "GiftCard" g ON g.id = cg."giftCardId"
       WHERE cg."cartId" = c.id AND g."merchantId" = c."merchantId") AS "giftCards",
      c."pointsRewardId", c."pointsQuantity", c."storeCreditCents",
      (SELECT json_build_object('cost', r.cost, 'onlineValueCents', r."onlineValueCents", 'onlineCurrency', r."onlineCurrency",
                'usable', r.active AND lp.status = 'ACTIVE')
       FROM "LoyaltyReward" r JOIN "LoyaltyProgram" lp ON lp.id = r."programId"
       WHERE r.id = c."pointsRewardId" AND r."merchantId" = c."merchantId") AS "pointsReward",
      (SELECT json_build_object('id', lc.id, 'balance', lc.balance)
       FROM "LoyaltyCard" lc WHERE lc."customerId" = c."customerId" AND lc."merchantId" = c."merchantId") AS "loyaltyCard",
      (SELECT json_build_object('accountId', a.id, 'availableCents', ${availableCreditSql(now)})
       FROM "StoreCreditAccount" a
       WHERE a."customerId" = c."customerId" AND a."merchantId" = c."merchantId" AND a.currency = s.currency) AS "storeCredit"
    FROM "Cart" c JOIN "Store" s ON s.id = c."storeId" AND s."merchantId" = c."merchantId"
    WHERE c.id = ${cartId} AND c."merchantId" = ${merchantId} AND c."storeId" = ${storeId} AND c.status = 'ACTIVE'`;
  const cart = rows[0];
  if (!cart) return null;
  const date = (value: string | null) => (value === null ? null : new Date(value));
  const usage: Record<string, CouponUsage> = {};
  const coupons = cart.coupons.map(({ usage: used, ...c }) => {
    usage[c.id] = used;
    return { ...c, startsAt: date(c.startsAt), endsAt: date(c.endsAt), addedAt: new Date(c.addedAt) };
  });
  return {
    id: cart.id,
    merchantId: cart.merchantId,
    storeId: cart.storeId,
    customerId: cart.customerId,
    lines: cart.lines.map(({ lineId, quantity, lineKey, giftCardAmountCents, giftCard: stored, ...product }) => {
      const purchase = giftCardAmountCents !== null ? readPurchase(stored) : null;
      const giftCard = purchase && giftCardAmountCents !== null ? { amountCents: giftCardAmountCents, purchase } : null;
      return { lineId, productId: product.id, quantity, lineKey, unitPriceCents: giftCard?.amountCents ?? product.priceCents, giftCard, product };
    }),
    coupons,
    usage,
    giftCards: cart.giftCards.map((g) => ({ ...g, expiresAt: date(g.expiresAt) })),
    points: cart.pointsRewardId !== null && cart.pointsQuantity !== null ? { rewardId: cart.pointsRewardId, quantity: cart.pointsQuantity, reward: cart.pointsReward } : null,
    loyaltyCard: cart.loyaltyCard,
    storeCreditCents: cart.storeCreditCents,
    storeCredit: cart.storeCredit,
  };
}

interface CartRow {
  id: string;
  merchantId: string;
  storeId: string;
  customerId: string | null;
  lines: Array<CartProduct & { lineId: string; quantity: number; lineKey: string; giftCardAmountCents: number | null; giftCard: unknown }>;
  coupons: Array<Omit<CouponTerms, "startsAt" | "endsAt"> & { startsAt: string | null; endsAt: string | null; addedAt: string; usage: CouponUsage }>;
  giftCards: Array<Omit<CartGiftCard, "expiresAt"> & { expiresAt: string | null }>;
  pointsRewardId: string | null;
  pointsQuantity: number | null;
  storeCreditCents: number | null;
  pointsReward: CartPointsReward | null;
  loyaltyCard: { id: string; balance: number } | null;
  storeCredit: { accountId: string; availableCents: number } | null;
}

/** Whether a product may sit in a cart: bought by link (HIDDEN) or listed (PUBLIC), never a draft or archived one. */
export function isPurchasable(product: Pick<CartProduct, "visibility" | "archived">): boolean {
  return !product.archived && product.visibility !== "DRAFT";
}
