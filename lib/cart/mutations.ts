import "server-only";
import { findCouponByCode } from "@/lib/coupons/data";
import { db, Prisma, type Tx } from "@/lib/db";
import { giftCardLineKey, type GiftCardPurchase } from "@/lib/gift-cards/purchase";
import { checkAmount, offerOf, type AmountRefusal } from "@/lib/gift-cards/rules";
import { currencyDigits, parseMoney } from "@/lib/money";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { cartActiveKey } from "./data";
import { MAX_LINE_QUANTITY, type CartErrorCode } from "./types";

export type CartMutationResult =
  | { ok: true }
  | { ok: false; error: CartErrorCode; params?: Record<string, string | number> };

/** Serializes changes to one cart (double clicks, two tabs) so quantity bounds hold. False when the cart is gone. */
async function lockActiveCart(tx: Tx, merchantId: MerchantId, storeId: StoreId, cartId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Cart"
    WHERE "id" = ${cartId} AND "merchantId" = ${merchantId} AND "storeId" = ${storeId} AND "status" = 'ACTIVE'
    FOR UPDATE`;
  return rows.length === 1;
}

interface StockedProduct {
  stock: number | null;
}

/** The bound on a line's quantity: stock (when tracked) and MAX_LINE_QUANTITY. */
export function checkLineQuantity(product: StockedProduct, quantity: number): CartMutationResult {
  if (!Number.isSafeInteger(quantity) || quantity < 1) return { ok: false, error: "invalidQuantity" };
  if (product.stock !== null && product.stock <= 0) return { ok: false, error: "outOfStock" };
  if (product.stock !== null && quantity > product.stock) {
    return { ok: false, error: "notEnoughStock", params: { available: product.stock } };
  }
  if (quantity > MAX_LINE_QUANTITY) return { ok: false, error: "tooMany", params: { max: MAX_LINE_QUANTITY } };
  return { ok: true };
}

/**
 * A product of this store that can be bought (not a draft, not archived), or null. Gift cards
 * are found only when asked for (`giftCard`): they are added with their amount and delivery.
 */
async function findPurchasableProduct(tx: Tx, merchantId: MerchantId, storeId: StoreId, productId: string, giftCard = false) {
  return tx.product.findFirst({
    where: {
      id: productId,
      merchantId,
      storeId,
      archivedAt: null,
      visibility: { in: ["PUBLIC", "HIDDEN"] },
      kind: giftCard ? "GIFT_CARD" : { not: "GIFT_CARD" },
    },
    select: { id: true, stock: true, giftCardAmounts: true, giftCardMinCents: true, giftCardMaxCents: true, store: { select: { currency: true } } },
  });
}

/** The stock one line may use when the cart's other lines of the product hold `others` units. */
function stockLeftFor(product: StockedProduct, others: number): StockedProduct {
  return { stock: product.stock === null ? null : Math.max(0, product.stock - others) };
}

/** Units of a product in the cart over all its lines (gift cards: one line per amount and delivery). */
async function unitsInCart(tx: Tx, cartId: string, productId: string): Promise<number> {
  const sum = await tx.cartLine.aggregate({ where: { cartId, productId }, _sum: { quantity: true } });
  return sum._sum.quantity ?? 0;
}

/** A new, empty guest cart in this store. The caller hands its id to the browser in a signed cookie. */
export async function createGuestCart(merchantId: MerchantId, storeId: StoreId): Promise<string> {
  const cart = await db.cart.create({ data: { merchantId, storeId }, select: { id: true } });
  return cart.id;
}

/** The customer's ACTIVE cart in this store, created when missing (safe under concurrent calls). */
export async function ensureCustomerCart(merchantId: MerchantId, storeId: StoreId, customerId: string, tx?: Tx): Promise<string> {
  const client = tx ?? db;
  const activeKey = cartActiveKey(storeId, customerId);
  const cart = await client.cart.upsert({
    where: { activeKey },
    create: { merchantId, storeId, customerId, activeKey },
    update: {},
    select: { id: true, merchantId: true, storeId: true },
  });
  if (cart.merchantId !== merchantId || cart.storeId !== storeId) throw new Error("Cart key collision across tenants");
  return cart.id;
}

/**
 * Adds `quantity` of a product to the cart (adding to an existing line). The product must be
 * this store's and purchasable; the resulting quantity must fit the stock and the maximum.
 */
export async function addCartItem(
  merchantId: MerchantId,
  storeId: StoreId,
  cartId: string,
  productId: string,
  quantity: number,
): Promise<CartMutationResult> {
  return db.$transaction(async (tx) => {
    if (!(await lockActiveCart(tx, merchantId, storeId, cartId))) return { ok: false, error: "cartNotFound" } as const;
    const product = await findPurchasableProduct(tx, merchantId, storeId, productId);
    if (!product) return { ok: false, error: "unknownProduct" } as const;
    const line = await tx.cartLine.findUnique({ where: { cartId_productId_lineKey: { cartId, productId, lineKey: "" } }, select: { quantity: true } });
    const next = (line?.quantity ?? 0) + quantity;
    const check = checkLineQuantity(product, next);
    if (!check.ok) return check;
    await tx.cartLine.upsert({
      where: { cartId_productId_lineKey: { cartId, productId, lineKey: "" } },
      create: { cartId, productId, quantity: next },
      update: { quantity: next, updatedAt: new Date() },
    });
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
    return { ok: true } as const;
  });
}

/** A cart line: by its id (any line, gift cards included), or a plain product's one line. */
export type CartLineRef = { lineId: string } | { productId: string };

function lineWhere(cartId: string, ref: CartLineRef) {
  return "lineId" in ref ? { id: ref.lineId, cartId } : { cartId, productId: ref.productId, lineKey: "" };
}

/** Sets a line's quantity (at least 1; removing is `removeCartItem`). */
export async function setCartItemQuantity(
  merchantId: MerchantId,
  storeId: StoreId,
  cartId: string,
  ref: CartLineRef | string,
  quantity: number,
): Promise<CartMutationResult> {
  const line = typeof ref === "string" ? { productId: ref } : ref;
  return db.$transaction(async (tx) => {
    if (!(await lockActiveCart(tx, merchantId, storeId, cartId))) return { ok: false, error: "cartNotFound" } as const;
    const found = await tx.cartLine.findFirst({
      where: { ...lineWhere(cartId, line), product: { merchantId, storeId } },
      select: { id: true, productId: true, quantity: true, product: { select: { stock: true } } },
    });
    if (!found) return { ok: false, error: "unknownProduct" } as const;
    // The stock is shared by every line of the product (gift cards of several amounts).
    const others = (await unitsInCart(tx, cartId, found.productId)) - found.quantity;
    const check = checkLineQuantity(stockLeftFor(found.product, others), quantity);
    if (!check.ok) return check;
    await tx.cartLine.update({ where: { id: found.id }, data: { quantity, updatedAt: new Date() } });
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
    return { ok: true } as const;
  });
}

/**
 * Removes a line from the cart (by product: every line of that product); removing what is not
 * there is not an error.
 */
export async function removeCartItem(merchantId: MerchantId, storeId: StoreId, cartId: string, ref: CartLineRef | string): Promise<CartMutationResult> {
  const where = typeof ref === "string" ? { productId: ref } : "lineId" in ref ? { id: ref.lineId } : { productId: ref.productId };
  await db.cartLine.deleteMany({ where: { ...where, cartId, cart: { merchantId, storeId, status: "ACTIVE" } } });
  return { ok: true };
}

/** Why a gift card's amount was refused: keys under `GiftCards.product.errors`. */
export type GiftCardAmountError = "amountFormat" | AmountRefusal["reason"];

export type AddGiftCardResult =
  | CartMutationResult
  | { ok: false; field: "amount"; error: GiftCardAmountError; currency: string; limitCents?: number };

/**
 * Adds `quantity` gift cards of `amount` (as the buyer typed it, in the store's currency) with
 * their delivery. The product must be a purchasable gift card of this store, and the amount one
 * it offers now. The same amount and delivery again adds units to its line; any difference
 * makes a line of its own. The purchase is trusted as the form's schema made it (recipient
 * email normalized, delivery day checked against the store's today).
 */
export async function addGiftCardItem(
  merchantId: MerchantId,
  storeId: StoreId,
  cartId: string,
  input: { productId: string; amount: string; quantity: number; purchase: GiftCardPurchase },
): Promise<AddGiftCardResult> {
  return db.$transaction(async (tx): Promise<AddGiftCardResult> => {
    if (!(await lockActiveCart(tx, merchantId, storeId, cartId))) return { ok: false, error: "cartNotFound" };
    const product = await findPurchasableProduct(tx, merchantId, storeId, input.productId, true);
    const offer = product ? offerOf(product) : null;
    if (!product || !offer) return { ok: false, error: "unknownProduct" };
    const currency = product.store.currency;
    const parsed = parseMoney(input.amount, currencyDigits(currency));
    if (!parsed.ok) return { ok: false, field: "amount", error: "amountFormat", currency };
    const refused = checkAmount(offer, parsed.cents);
    if (refused) {
      const limitCents = refused.reason === "amountTooLow" ? refused.minCents : refused.reason === "amountTooHigh" ? refused.maxCents : undefined;
      return { ok: false, field: "amount", error: refused.reason, currency, limitCents };
    }
    const lineKey = giftCardLineKey(parsed.cents, input.purchase);
    const key = { cartId_productId_lineKey: { cartId, productId: product.id, lineKey } };
    const line = await tx.cartLine.findUnique({ where: key, select: { quantity: true } });
    const next = (line?.quantity ?? 0) + input.quantity;
    const others = (await unitsInCart(tx, cartId, product.id)) - (line?.quantity ?? 0);
    const check = checkLineQuantity(stockLeftFor(product, others), next);
    if (!check.ok) return check;
    await tx.cartLine.upsert({
      where: key,
      create: {
        cartId,
        productId: product.id,
        quantity: next,
        lineKey,
        giftCardAmountCents: parsed.cents,
        giftCard: input.purchase as unknown as Prisma.InputJsonObject,
      },
      update: { quantity: next, updatedAt: new Date() },
    });
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
    return { ok: true };
  });
}

/**
 * Attaches a coupon of this store by its typed code. Attaching a coupon that does not qualify
 * (yet) is allowed: the cart then shows what is missing.
 */
export async function attachCoupon(
  merchantId: MerchantId,
  storeId: StoreId,
  cartId: string,
  typedCode: string,
): Promise<{ ok: true; couponId: string; code: string } | { ok: false; error: CartErrorCode }> {
  const coupon = await findCouponByCode(merchantId, storeId, typedCode);
  if (!coupon) return { ok: false, error: "unknownCoupon" };
  return db.$transaction(async (tx) => {
    if (!(await lockActiveCart(tx, merchantId, storeId, cartId))) return { ok: false, error: "cartNotFound" } as const;
    const created = await tx.cartCoupon.createMany({ data: [{ cartId, couponId: coupon.id }], skipDuplicates: true });
    if (created.count === 0) return { ok: false, error: "couponAlreadyAdded" } as const;
    return { ok: true, couponId: coupon.id, code: coupon.code } as const;
  });
}

/** Detaches a coupon from the cart; detaching what is not attached is not an error. */
export async function detachCoupon(merchantId: MerchantId, storeId: StoreId, cartId: string, couponId: string): Promise<CartMutationResult> {
  await db.cartCoupon.deleteMany({ where: { cartId, couponId, cart: { merchantId, storeId, status: "ACTIVE" } } });
  return { ok: true };
}

/** The gift cards entered in one cart join another (a card already there stays once). */
async function joinGiftCards(tx: Tx, fromCartId: string, toCartId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "CartGiftCard" ("cartId", "giftCardId", "addedAt")
    SELECT ${toCartId}, g."giftCardId", g."addedAt" FROM "CartGiftCard" g WHERE g."cartId" = ${fromCartId}
    ON CONFLICT DO NOTHING`;
}

/** The most gift cards one cart may pay with. */
export const MAX_CART_GIFT_CARDS = 5;

export type AttachGiftCardResult =
  | { ok: true; last4: string }
  | { ok: false; error: "giftCardAlreadyAdded" | "tooManyGiftCards" | "cartNotFound" };

/**
 * Enters a gift card of this merchant (found by its code's hash by the caller) in the cart, to pay
 * with at checkout. Whether it can pay is decided when the cart is priced, with its balance then.
 */
export async function attachGiftCard(merchantId: MerchantId, storeId: StoreId, cartId: string, card: { id: string; last4: string }): Promise<AttachGiftCardResult> {
  return db.$transaction(async (tx) => {
    if (!(await lockActiveCart(tx, merchantId, storeId, cartId))) return { ok: false, error: "cartNotFound" } as const;
    const entered = await tx.cartGiftCard.findMany({ where: { cartId }, select: { giftCardId: true } });
    if (entered.some((e) => e.giftCardId === card.id)) return { ok: false, error: "giftCardAlreadyAdded" } as const;
    if (entered.length >= MAX_CART_GIFT_CARDS) return { ok: false, error: "tooManyGiftCards" } as const;
    // The card's merchant is checked by the caller's lookup; the cart's by the lock above.
    await tx.cartGiftCard.create({ data: { cartId, giftCardId: card.id } });
    return { ok: true, last4: card.last4 } as const;
  });
}

/** Takes a gift card out of the cart; taking out what is not there is not an error. */
export async function detachGiftCard(merchantId: MerchantId, storeId: StoreId, cartId: string, giftCardId: string): Promise<CartMutationResult> {
  await db.cartGiftCard.deleteMany({ where: { cartId, giftCardId, cart: { merchantId, storeId, status: "ACTIVE" } } });
  return { ok: true };
}

/**
 * Sets the points the signed-in customer `customerId` pays with in their own cart (a reward of
 * the merchant, `quantity` times), or clears them (null). The caller checked the reward and the
 * balance; checkout checks them again under the card's lock. False: not their ACTIVE cart here.
 */
export async function setCartPoints(
  merchantId: MerchantId,
  storeId: StoreId,
  cartId: string,
  customerId: string,
  choice: { rewardId: string; quantity: number } | null,
): Promise<CartMutationResult> {
  const { count } = await db.cart.updateMany({
    where: { id: cartId, merchantId, storeId, customerId, status: "ACTIVE" },
    data: { pointsRewardId: choice?.rewardId ?? null, pointsQuantity: choice?.quantity ?? null, updatedAt: new Date() },
  });
  return count === 1 ? { ok: true } : { ok: false, error: "cartNotFound" };
}

/**
 * Sets the store credit (at most `amountCents`) the signed-in customer pays with in their own
 * cart, or clears it (null). The caller checked it against what they can spend now; checkout
 * debits under the account's lock. False: not their ACTIVE cart here.
 */
export async function setCartStoreCredit(
  merchantId: MerchantId,
  storeId: StoreId,
  cartId: string,
  customerId: string,
  amountCents: number | null,
): Promise<CartMutationResult> {
  const { count } = await db.cart.updateMany({
    where: { id: cartId, merchantId, storeId, customerId, status: "ACTIVE" },
    data: { storeCreditCents: amountCents, updatedAt: new Date() },
  });
  return count === 1 ? { ok: true } : { ok: false, error: "cartNotFound" };
}

/**
 * Called by checkout inside its order transaction: the cart stops being the active one, so the
 * next visit starts a new cart. True when this call changed it (false: already checked out).
 */
export async function markCartCheckedOut(tx: Tx, cartId: string): Promise<boolean> {
  const { count } = await tx.cart.updateMany({
    where: { id: cartId, status: "ACTIVE" },
    data: { status: "CHECKED_OUT", activeKey: null, updatedAt: new Date() },
  });
  return count === 1;
}

/**
 * Moves a guest cart into the customer's cart when they sign in on this store. With no cart of
 * their own the guest cart simply becomes theirs; otherwise quantities add up (bounded by stock
 * and the maximum), coupons join (keeping when they were added) and the guest cart is MERGED.
 * Idempotent: a guest cart that is not ACTIVE any more is left alone.
 */
export async function mergeGuestCart(merchantId: MerchantId, storeId: StoreId, guestCartId: string, customerId: string): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const guest = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Cart"
      WHERE "id" = ${guestCartId} AND "merchantId" = ${merchantId} AND "storeId" = ${storeId}
        AND "status" = 'ACTIVE' AND "customerId" IS NULL
      FOR UPDATE`;
    if (guest.length === 0) return null;
    const customer = await tx.customer.findFirst({ where: { id: customerId, merchantId }, select: { id: true } });
    if (!customer) return null;
    const activeKey = cartActiveKey(storeId, customerId);
    const existing = await tx.cart.findUnique({ where: { activeKey }, select: { id: true } });
    if (!existing) {
      await tx.cart.update({ where: { id: guestCartId }, data: { customerId, activeKey, updatedAt: new Date() } });
      return guestCartId;
    }
    const target = existing.id;
    await lockActiveCart(tx, merchantId, storeId, target);
    const [guestLines, targetLines, guestCoupons] = await Promise.all([
      tx.cartLine.findMany({
        where: { cartId: guestCartId },
        select: { productId: true, lineKey: true, quantity: true, giftCardAmountCents: true, giftCard: true, product: { select: { stock: true } } },
      }),
      tx.cartLine.findMany({ where: { cartId: target }, select: { productId: true, lineKey: true, quantity: true } }),
      tx.cartCoupon.findMany({ where: { cartId: guestCartId }, select: { couponId: true, addedAt: true } }),
    ]);
    // Lines are one product with one key: a gift card keeps its amount and delivery.
    const lineOf = (l: { productId: string; lineKey: string }) => `${l.productId} ${l.lineKey}`;
    const have = new Map(targetLines.map((l) => [lineOf(l), l.quantity]));
    for (const line of guestLines) {
      const cap = Math.min(MAX_LINE_QUANTITY, line.product.stock ?? MAX_LINE_QUANTITY);
      const quantity = Math.min(cap, (have.get(lineOf(line)) ?? 0) + line.quantity);
      if (quantity < 1) continue;
      await tx.cartLine.upsert({
        where: { cartId_productId_lineKey: { cartId: target, productId: line.productId, lineKey: line.lineKey } },
        create: {
          cartId: target,
          productId: line.productId,
          quantity,
          lineKey: line.lineKey,
          giftCardAmountCents: line.giftCardAmountCents,
          giftCard: line.giftCard === null ? Prisma.DbNull : (line.giftCard as Prisma.InputJsonValue),
        },
        update: { quantity, updatedAt: new Date() },
      });
    }
    if (guestCoupons.length > 0) {
      await tx.cartCoupon.createMany({
        data: guestCoupons.map((c) => ({ cartId: target, couponId: c.couponId, addedAt: c.addedAt })),
        skipDuplicates: true,
      });
    }
    await joinGiftCards(tx, guestCartId, target);
    await tx.cart.update({ where: { id: guestCartId }, data: { status: "MERGED", updatedAt: new Date() } });
    await tx.cart.update({ where: { id: target }, data: { updatedAt: new Date() } });
    return target;
  });
}

/**
 * Called when the payment of an order placed from this cart failed or expired (in the transaction
 * that cancels the order, before its holds are released: carts are locked before coupons and
 * products, as in checkout). The checked-out cart, which still holds its lines and coupons,
 * becomes the shopper's ACTIVE cart again so they can retry as they were.
 *
 * Restoring the cart here, when the failure is applied, rather than when the shopper comes back:
 * a Stripe session fails or expires through a webhook while nobody is on the page, and a
 * customer's cart must be back whichever device they return on. A guest's cookie still names
 * this cart unless they started another one meanwhile, which is then left as it is.
 *
 * A customer who has started a new cart since keeps it, merged into the restored one: a product
 * in both keeps the larger quantity (nothing counted twice), coupons join, the newer cart is
 * MERGED. True when the cart was restored (false: not checked out, e.g. already restored).
 */
export async function restoreCheckedOutCart(tx: Tx, merchantId: string, cartId: string): Promise<boolean> {
  const [cart] = await tx.$queryRaw<Array<{ id: string; storeId: string; customerId: string | null }>>`
    SELECT "id", "storeId", "customerId" FROM "Cart"
    WHERE "id" = ${cartId} AND "merchantId" = ${merchantId} AND "status" = 'CHECKED_OUT'
    FOR UPDATE`;
  if (!cart) return false;
  const activeKey = cart.customerId ? cartActiveKey(cart.storeId, cart.customerId) : null;
  if (activeKey) {
    const [newer] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Cart"
      WHERE "activeKey" = ${activeKey} AND "merchantId" = ${merchantId} AND "status" = 'ACTIVE'
      FOR UPDATE`;
    if (newer) {
      await tx.cart.update({ where: { id: newer.id }, data: { status: "MERGED", activeKey: null, updatedAt: new Date() } });
      await tx.$executeRaw`
        INSERT INTO "CartLine" ("id", "cartId", "productId", "quantity", "lineKey", "giftCardAmountCents", "giftCard")
        SELECT replace(gen_random_uuid()::text, '-', ''), ${cart.id}, n."productId", n."quantity", n."lineKey", n."giftCardAmountCents", n."giftCard"
        FROM "CartLine" n WHERE n."cartId" = ${newer.id}
        ON CONFLICT ("cartId", "productId", "lineKey") DO UPDATE
          SET "quantity" = least(${MAX_LINE_QUANTITY}, greatest("CartLine"."quantity", excluded."quantity")), "updatedAt" = now()`;
      await tx.$executeRaw`
        INSERT INTO "CartCoupon" ("cartId", "couponId", "addedAt")
        SELECT ${cart.id}, n."couponId", n."addedAt" FROM "CartCoupon" n WHERE n."cartId" = ${newer.id}
        ON CONFLICT DO NOTHING`;
      await joinGiftCards(tx, newer.id, cart.id);
    }
  }
  await tx.cart.update({ where: { id: cart.id }, data: { status: "ACTIVE", activeKey, updatedAt: new Date() } });
  return true;
}
