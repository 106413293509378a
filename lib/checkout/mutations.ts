import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { normalizeEmail } from "@/lib/email-address";
import { cacheTags, invalidateOnCommit } from "@/lib/cache";
import { markCartCheckedOut } from "@/lib/cart/mutations";
import { isPurchasable, loadCartForCheckout } from "@/lib/cart/data";
import { giftCardLineRefusal, pricingLine } from "@/lib/cart/lines";
import { tenderCart } from "@/lib/cart/tendering";
import type { CartForCheckout } from "@/lib/cart/types";
import { db, Prisma, type Tx } from "@/lib/db";
import type { Locale } from "@/lib/locales";
import { orderPath } from "@/lib/orders/confirmation";
import { settlePaidOrder } from "@/lib/orders/mutations";
import { takeOrderHolds } from "@/lib/orders/holds";
import { numberOrder } from "@/lib/orders/numbering";
import { PAYMENT_MINIMUM_CENTS, settleTotal } from "@/lib/payments/minimum";
import { failOrderPayment } from "@/lib/payments/mutations";
import { paymentProvider, providerFor } from "@/lib/payments/provider";
import { findSmallOrderPolicy } from "@/lib/stores/data";
import type { MerchantId, StoreId, Tenant } from "@/lib/tenancy/types";
import { absoluteUrl, type UrlConfig } from "@/lib/tenancy/urls";
import { couponThatStoppedQualifying, priceCart, type PricedCart } from "@/lib/pricing/pricing";
import type { ShippingAddress } from "./schema";
import type { CheckoutFailure, PlaceOrderResult } from "./types";

export interface PlaceOrderInput {
  store: { id: StoreId; merchantId: MerchantId; name: string; currency: string; target: Pick<Tenant, "host" | "defaultLocale"> };
  urls: UrlConfig;
  cartId: string;
  /** The signed-in customer of this store, or null for a guest. */
  customer: { customerId: string; email: string } | null;
  /** Guests: the email from the form (already normalized). Ignored for customers. */
  email: string | null;
  shipping: ShippingAddress | null;
  idempotencyKey: string;
  expectedTotalCents: number | null;
  /**
   * What the checkout page showed as due after the tenders (gift cards, points, store credit);
   * null: not checked. A balance spent elsewhere in between refuses the order (amountDueChanged)
   * instead of charging more.
   */
  expectedAmountDueCents?: number | null;
  /**
   * The coupons the checkout page showed as applied. Others that do not qualify are left out of
   * the order instead of refusing it; null or absent: every attached coupon must qualify.
   */
  appliedCouponIds?: readonly string[] | null;
  locale: Locale;
  now?: Date;
  /** The id the order's rows will carry (see recordCheckoutAttempt); a new one when omitted. */
  transactionId?: string;
}

/** Thrown inside the transaction to roll it back with a result for the customer. */
class CheckoutRejected extends Error {
  constructor(readonly failure: CheckoutFailure) {
    super(failure.error);
  }
}

function fail(error: CheckoutFailure["error"], extra: Omit<CheckoutFailure, "ok" | "error"> = {}): CheckoutFailure {
  return { ok: false, error, ...extra };
}

/**
 * Phase 1 (validate) and 2 (price) on a cart read: every rule that does not need a lock.
 * Returns the priced cart, or the first problem. Pure apart from its inputs.
 */
function checkCart(
  cart: CartForCheckout,
  input: { email: string | null; shipping: ShippingAddress | null; currency: string; now: Date; seenApplied: ReadonlySet<string> | null },
): { ok: true; priced: PricedCart; physical: boolean } | CheckoutFailure {
  if (cart.lines.length === 0) return fail("emptyCart");
  for (const line of cart.lines) {
    if (!isPurchasable(line.product)) return fail("unavailable", { params: { title: line.product.title } });
    const giftCard = giftCardLineRefusal(line);
    if (giftCard) return fail(giftCard, giftCard === "unavailable" ? { params: { title: line.product.title } } : {});
    if (line.product.stock !== null && line.product.stock < line.quantity) {
      return fail("notEnoughStock", { params: { title: line.product.title, available: Math.max(0, line.product.stock) } });
    }
  }
  if (!input.email) return fail("emailRequired");
  const physical = cart.lines.some((line) => line.product.kind === "PHYSICAL");
  if (physical && !input.shipping) return fail("shippingRequired");
  const priced = priceCart({
    currency: input.currency,
    lines: cart.lines.map(pricingLine),
    coupons: cart.coupons,
    now: input.now,
    usage: cart.usage,
  });
  const refused = couponThatStoppedQualifying(priced, input.seenApplied);
  if (refused) {
    return fail("couponNotQualified", { coupon: { code: refused.code, reason: refused.reason, params: refused.params } });
  }
  return { ok: true, priced, physical };
}

// No isolation level: PostgreSQL's default READ COMMITTED, which commitOrder relies on.
const TX_OPTIONS = { maxWait: 20_000, timeout: 30_000 } as const;

/**
 * Places an order from a cart in one transaction (see commitOrder): the cart is locked, read,
 * validated and priced; the order, its lines and discounts and the checked-out cart are written
 * with one transactionId; last, the order's holds (coupon uses with their redemptions, stock)
 * and the store's next order number are taken by conditional updates that re-check every limit. Orders below the payment minimum
 * are PAID in that transaction (with the payment waived when the total is above zero), or
 * refused when the store refuses such orders; others then get a payment from the provider.
 *
 * The caller has resolved `store` from the request and `cartId`/`customer` from the session or
 * the signed cart cookie; nothing else is trusted (prices and stock are read here). The same
 * idempotency key returns the same order. Expected refusals are results, never throws.
 */
export async function placeOrder(input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const { store } = input;
  const merchantId = store.merchantId;
  const now = input.now ?? new Date();

  const email = input.customer ? normalizeEmail(input.customer.email) : input.email ? normalizeEmail(input.email) : null;

  let order: OrderByKey;
  try {
    order = await db.$transaction((tx) => commitOrder(tx, input, { email, now }), TX_OPTIONS);
  } catch (error) {
    const refused = error instanceof CheckoutRejected ? error.failure : null;
    if (refused && refused.error !== "cartNotFound") return refused;
    // No ACTIVE cart (or the key is taken): a double click or a retry whose other request placed
    // the order gets that order.
    const other = await findOrderByKey(merchantId, store.id, input.idempotencyKey);
    if (other) return resumeOrder(input, other, true);
    if (refused) return refused;
    throw error;
  }
  return resumeOrder(input, order, false);
}

/**
 * The checkout transaction. Lock order everywhere: cart, the order's holds in HOLD_LOCK_ORDER
 * (coupon uses, stock, gift cards, the loyalty card, the store-credit account; each by id, see
 * lib/orders/holds), then the store's order counter.
 * Only the cart is locked up front (nobody else checks it out); the rows that every checkout
 * contends for are locked last, each by the one statement that checks and consumes it, and stay
 * locked only for the few statements left before the commit. The other writes touch those rows
 * through foreign keys only (the order, its lines, a redemption row just before its coupon's
 * count): KEY SHARE locks, which the non-key updates of redemptionCount, stock and
 * lastOrderNumber neither wait for nor block.
 */
async function commitOrder(
  tx: Tx,
  input: PlaceOrderInput,
  ctx: { email: string | null; now: Date },
): Promise<OrderByKey> {
  const { store } = input;
  const merchantId = store.merchantId;
  const buyer = { customerId: input.customer?.customerId ?? null, email: ctx.email };

  // 1. Validate and price (nothing written): the cart as it is under its lock. Stock and coupon
  // uses read here are not authoritative (other checkouts keep taking them) but refuse early and
  // cheaply once they are gone.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Cart" WHERE id = ${input.cartId} AND "merchantId" = ${merchantId} AND "storeId" = ${store.id} AND status = 'ACTIVE' FOR UPDATE`;
  if (locked.length === 0) throw new CheckoutRejected(fail("cartNotFound"));

  const cart = await loadCartForCheckout(merchantId, store.id, input.cartId, { locale: input.locale, buyer, tx, now: ctx.now });
  if (!cart || cart.customerId !== buyer.customerId) throw new CheckoutRejected(fail("cartNotFound"));
  const seenApplied = input.appliedCouponIds ? new Set(input.appliedCouponIds) : null;
  const checked = checkCart(cart, { email: ctx.email, shipping: input.shipping, currency: store.currency, now: ctx.now, seenApplied });
  if (!checked.ok) throw new CheckoutRejected(checked);
  const { priced, physical } = checked;
  if (input.expectedTotalCents !== null && input.expectedTotalCents !== priced.totalCents) {
    throw new CheckoutRejected(fail("priceChanged", { computedTotalCents: priced.totalCents }));
  }
  const email = ctx.email!; // checkCart refuses a cart without one
  // Tenders: the cart's gift cards, points and store credit as read now (not locked: their holds
  // below re-check each balance under its own lock). What they leave is what the provider is asked for.
  const tendering = tenderCart(priced.totalCents, priced.giftCardLinesCents, cart, { currency: store.currency, now: ctx.now });
  // Points or store credit the buyer asked for that cannot pay: the buyer decides in the cart.
  if (tendering.points && !tendering.points.ok) throw new CheckoutRejected(fail("pointsChanged"));
  if (tendering.storeCredit && !tendering.storeCredit.ok) throw new CheckoutRejected(fail("storeCreditChanged"));
  const { amountDueCents, tenderedCents } = tendering.tendered;
  if (input.expectedAmountDueCents != null && input.expectedAmountDueCents !== amountDueCents) {
    throw new CheckoutRejected(fail("amountDueChanged", { computedTotalCents: priced.totalCents }));
  }
  const giftCardsPaying = tendering.giftCards.applied.filter((card) => card.amountCents > 0);
  const points = tendering.points?.ok ? tendering.points : null;
  const credit = tendering.storeCredit?.ok && tendering.storeCredit.amountCents > 0 ? tendering.storeCredit : null;
  // An amount due above zero but below the payment minimum is the store's choice: completed
  // unpaid (marked waived, kept out of revenue) or refused. The policy is read only for such amounts.
  let settlement = settleTotal(amountDueCents, "WAIVE");
  if (settlement === "waived") settlement = settleTotal(amountDueCents, await findSmallOrderPolicy(merchantId, store.id, tx));
  if (settlement === "refuse") throw new CheckoutRejected(fail("belowPaymentMinimum", { params: { minimumCents: PAYMENT_MINIMUM_CENTS } }));
  // Without a payment provider (production without Stripe keys) a cart that must be paid is
  // refused here, before anything is written: no order, no stock or coupon use taken.
  const paymentRequired = settlement === "charge";
  const provider = paymentRequired ? paymentProvider() : null;
  if (paymentRequired && !provider) throw new CheckoutRejected(fail("paymentsUnavailable"));

  // 2. Write what no other checkout waits for. Guests become customers of the merchant by email
  // (one row per merchant and email); ON CONFLICT DO NOTHING (skipDuplicates) lets two checkouts
  // of one new email meet without a unique violation.
  let customerId = buyer.customerId;
  if (!customerId) {
    const [created] = await tx.customer.createManyAndReturn({
      data: [{ merchantId, email, preferredLocale: input.locale }],
      skipDuplicates: true,
      select: { id: true },
    });
    customerId =
      created?.id ?? (await tx.customer.findUniqueOrThrow({ where: { merchantId_email: { merchantId, email } }, select: { id: true } })).id;
  }

  const transactionId = input.transactionId ?? randomUUID();
  const order = await tx.order.create({
    data: {
      merchantId,
      storeId: store.id,
      // The store's next number is taken last (below), so that its counter stays locked only
      // until the commit. Until then the order carries a placeholder that no real number or
      // other placeholder can equal; no other transaction ever sees it.
      number: `pending-${transactionId}`,
      cartId: cart.id,
      customerId,
      email,
      locale: input.locale,
      currency: store.currency,
      status: paymentRequired ? "PENDING_PAYMENT" : "PAID",
      paidAt: paymentRequired ? null : ctx.now,
      subtotalCents: priced.subtotalCents,
      discountCents: priced.discountCents,
      totalCents: priced.totalCents,
      tenderedCents,
      amountDueCents,
      shippingAddress: physical && input.shipping ? input.shipping : Prisma.JsonNull,
      paymentProvider: provider?.kind ?? "NONE",
      paymentWaived: settlement === "waived",
      idempotencyKey: input.idempotencyKey,
      transactionId,
      lines: {
        create: cart.lines.map((line) => ({
          productId: line.productId,
          title: line.product.title,
          kind: line.product.kind,
          unitPriceCents: line.unitPriceCents,
          quantity: line.quantity,
          totalCents: line.unitPriceCents * line.quantity,
          downloadToken: line.product.kind === "DIGITAL" ? randomBytes(24).toString("base64url") : null,
          giftCard: line.giftCard ? (line.giftCard.purchase as unknown as Prisma.InputJsonObject) : Prisma.DbNull,
        })),
      },
      discounts: { create: priced.discounts.map((d) => ({ couponId: d.couponId, code: d.code, amountCents: d.amountCents })) },
      tenders: {
        createMany: {
          data: [
            ...giftCardsPaying.map((card) => ({ kind: "GIFT_CARD" as const, giftCardId: card.id, amountCents: card.amountCents, label: card.last4 })),
            ...(points
              ? [{ kind: "LOYALTY_POINTS" as const, loyaltyCardId: points.cardId, rewardId: points.rewardId, points: points.points, amountCents: points.amountCents, label: String(points.points) }]
              : []),
            ...(credit ? [{ kind: "STORE_CREDIT" as const, storeCreditAccountId: credit.accountId, amountCents: credit.amountCents, label: "" }] : []),
          ],
        },
      },
    },
    select: ORDER_BY_KEY_SELECT,
  });
  await markCartCheckedOut(tx, cart.id);

  // 3. The contended rows: every hold the order takes (lib/orders/holds), in their one lock order
  // (coupon uses, then stock, each by id), then the store's counter. Under READ COMMITTED
  // (TX_OPTIONS sets no isolation level) an update that waited for another checkout's lock
  // evaluates its condition again on the row that checkout committed, so the limits hold exactly.
  const refused = await takeOrderHolds(
    tx,
    { merchantId, orderId: order.id, transactionId, now: ctx.now },
    {
      COUPON_USES: {
        buyer,
        customerId,
        email,
        // What coupons see: the goods, never the gift cards (see priceCart).
        subtotalCents: priced.subtotalCents - priced.giftCardLinesCents,
        uses: priced.discounts.map((d) => ({ terms: cart.coupons.find((c) => c.id === d.couponId)!, amountCents: d.amountCents })),
      },
      STOCK: { lines: cart.lines },
      GIFT_CARDS: { storeId: store.id, cards: giftCardsPaying.map((card) => ({ cardId: card.id, last4: card.last4, amountCents: card.amountCents })) },
      LOYALTY_POINTS: points
        ? {
            storeId: store.id,
            cardId: points.cardId,
            customerId,
            rewardId: points.rewardId,
            quantity: points.quantity,
            points: points.points,
            valueCents: points.valueCents,
            currency: store.currency,
          }
        : null,
      STORE_CREDIT: credit ? { storeId: store.id, accountId: credit.accountId, amountCents: credit.amountCents } : null,
    },
  );
  if (refused) {
    const { error, ...extra } = refused;
    throw new CheckoutRejected(fail(error, extra));
  }
  if (cart.lines.some((l) => l.product.stock !== null)) await invalidateOnCommit(tx, [cacheTags.store(store.id)]);
  // Dense numbers per store, taken last: the counter stays locked only until the commit.
  const number = await numberOrder(tx, merchantId, store.id, order.id);
  if (!number) throw new CheckoutRejected(fail("cartNotFound"));
  // After the number, which the email shows (only orders that need no payment get here).
  if (!paymentRequired) await settlePaidOrder(tx, merchantId, order.id);
  return { ...order, number };
}

interface OrderByKey {
  id: string;
  number: string;
  email: string;
  status: "PENDING_PAYMENT" | "PAID" | "FULFILLED" | "REFUNDED" | "CANCELLED";
  paymentProvider: "NONE" | "TEST" | "STRIPE";
  totalCents: number;
  amountDueCents: number;
  currency: string;
  locale: string;
}

const ORDER_BY_KEY_SELECT = {
  id: true,
  number: true,
  email: true,
  status: true,
  paymentProvider: true,
  totalCents: true,
  amountDueCents: true,
  currency: true,
  locale: true,
} as const;

async function findOrderByKey(merchantId: MerchantId, storeId: StoreId, idempotencyKey: string): Promise<OrderByKey | null> {
  return db.order.findFirst({ where: { merchantId, storeId, idempotencyKey }, select: ORDER_BY_KEY_SELECT });
}

/**
 * A written order's next step: nothing to pay, or the provider's page. Asking again for the
 * same order gives the same payment (the test link is deterministic, Stripe gets an idempotency
 * key). If the provider cannot be reached, the order is cancelled, its holds released and its
 * cart given back, so nothing stays locked for a payment that never started.
 */
async function resumeOrder(input: PlaceOrderInput, order: OrderByKey, replayed: boolean): Promise<PlaceOrderResult> {
  const base = { ok: true as const, orderId: order.id, orderNumber: order.number, provider: order.paymentProvider, replayed };
  if (order.status !== "PENDING_PAYMENT" || order.paymentProvider === "NONE") return { ...base, status: order.status, paymentUrl: null };
  const locale = input.locale;
  const url = (path: string) => absoluteUrl(input.store.target, path, locale, input.urls);
  try {
    const payment = await providerFor(order.paymentProvider).createPayment({
      orderId: order.id,
      merchantId: input.store.merchantId,
      orderNumber: order.number,
      email: order.email,
      currency: order.currency,
      amountCents: order.amountDueCents,
      successUrl: url(orderPath(order.id)),
      cancelUrl: url("/cart"),
      testPaymentUrl: url(`/pay/test/${encodeURIComponent(order.id)}`),
      storeName: input.store.name,
    });
    await db.order.updateMany({
      where: { id: order.id, merchantId: input.store.merchantId, paymentRef: null },
      data: { paymentRef: payment.paymentRef },
    });
    return { ...base, status: order.status, paymentUrl: payment.url };
  } catch (error) {
    console.error(`Payment could not start for order ${order.id}:`, error);
    await db.$transaction((tx) => failOrderPayment(tx, input.store.merchantId, order.id));
    return fail("paymentUnavailable");
  }
}
