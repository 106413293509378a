import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { normalizeEmail } from "@/lib/auth/schema";
import { markCartCheckedOut } from "@/lib/cart/mutations";
import { isPurchasable, loadCartForCheckout } from "@/lib/cart/data";
import type { CartForCheckout } from "@/lib/cart/types";
import { loadCouponUsage } from "@/lib/coupons/data";
import { db, Prisma, type Tx } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { enqueueOrderConfirmation, orderPath } from "@/lib/orders/confirmation";
import { releaseOrderHoldsNow } from "@/lib/orders/mutations";
import { needsPayment } from "@/lib/payments/minimum";
import { paymentProvider, providerFor } from "@/lib/payments/provider";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { absoluteUrl, type UrlConfig, type UrlTarget } from "@/lib/tenancy/urls";
import { priceCart, type PricedCart } from "./pricing";
import type { ShippingAddress } from "./schema";
import type { CheckoutFailure, PlaceOrderResult } from "./types";

export interface PlaceOrderInput {
  store: { id: StoreId; merchantId: MerchantId; name: string; currency: string; target: UrlTarget };
  urls: UrlConfig;
  cartId: string;
  /** The signed-in customer of this store, or null for a guest. */
  customer: { customerId: string; email: string } | null;
  /** Guests: the email from the form (already normalized). Ignored for customers. */
  email: string | null;
  shipping: ShippingAddress | null;
  idempotencyKey: string;
  expectedTotalCents: number | null;
  locale: Locale;
  now?: Date;
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
  input: { email: string | null; shipping: ShippingAddress | null; currency: string; now: Date; usage: Parameters<typeof priceCart>[0]["usage"] },
): { ok: true; priced: PricedCart; physical: boolean } | CheckoutFailure {
  if (cart.lines.length === 0) return fail("emptyCart");
  for (const line of cart.lines) {
    if (!isPurchasable(line.product)) return fail("unavailable", { params: { title: line.product.title } });
    if (line.product.stock !== null && line.product.stock < line.quantity) {
      return fail("notEnoughStock", { params: { title: line.product.title, available: Math.max(0, line.product.stock) } });
    }
  }
  if (!input.email) return fail("emailRequired");
  const physical = cart.lines.some((line) => line.product.kind === "PHYSICAL");
  if (physical && !input.shipping) return fail("shippingRequired");
  const priced = priceCart({
    currency: input.currency,
    lines: cart.lines.map((l) => ({ productId: l.productId, title: l.product.title, unitPriceCents: l.product.priceCents, quantity: l.quantity })),
    coupons: cart.coupons,
    now: input.now,
    usage: input.usage,
  });
  const refused = priced.coupons.find((c) => !c.qualified);
  if (refused && !refused.qualified) {
    return fail("couponNotQualified", { coupon: { code: refused.code, reason: refused.reason, params: refused.params } });
  }
  return { ok: true, priced, physical };
}

const TX_OPTIONS = { maxWait: 20_000, timeout: 30_000 } as const;

/**
 * Places an order from a cart in the three phases of ARCHITECTURE.md: validate (nothing
 * written), price (pure), then one transaction that locks the cart, the coupons and the stocked
 * products (each in id order), re-checks every limit, and writes the order, lines, discounts,
 * redemptions, stock and the checked-out cart with one transactionId. Orders below the payment
 * minimum are PAID in that transaction; others then get a payment from the provider.
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
  const buyer = { customerId: input.customer?.customerId ?? null, email };

  // Phase 1 + 2: validate and price without writing anything.
  const cart = await loadCartForCheckout(merchantId, store.id, input.cartId, { locale: input.locale });
  if (!cart || cart.customerId !== (input.customer?.customerId ?? null)) {
    const placed = await findOrderByKey(merchantId, store.id, input.idempotencyKey);
    return placed ? resumeOrder(input, placed, true) : fail("cartNotFound");
  }
  const usage = await loadCouponUsage(merchantId, cart.coupons.map((c) => c.id), buyer);
  const checked = checkCart(cart, { email, shipping: input.shipping, currency: store.currency, now, usage });
  if (!checked.ok) return checked;
  if (input.expectedTotalCents !== null && input.expectedTotalCents !== checked.priced.totalCents) {
    return fail("priceChanged");
  }

  // Phase 3: commit.
  try {
    await db.$transaction((tx) => commitOrder(tx, input, cart, { email: email!, now, expectedTotalCents: checked.priced.totalCents }), TX_OPTIONS);
  } catch (error) {
    // A double click that lost the race (the cart is already checked out, or the key is taken):
    // the other request placed the order.
    const other = await findOrderByKey(merchantId, store.id, input.idempotencyKey);
    if (other) return resumeOrder(input, other, true);
    if (error instanceof CheckoutRejected) return error.failure;
    throw error;
  }
  const order = await findOrderByKey(merchantId, store.id, input.idempotencyKey);
  return resumeOrder(input, order!, false);
}

async function commitOrder(
  tx: Tx,
  input: PlaceOrderInput,
  cart: CartForCheckout,
  ctx: { email: string; now: Date; expectedTotalCents: number },
): Promise<string> {
  const { store } = input;
  const merchantId = store.merchantId;

  // Lock order everywhere: cart, coupons (by id), stocked products (by id), then the store's
  // number. The coupons and products are those the cart held when it was priced; the read under
  // the locks below must find the same ones, or the cart changed in between and is priced again.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Cart" WHERE id = ${input.cartId} AND "merchantId" = ${merchantId} AND "storeId" = ${store.id} AND status = 'ACTIVE' FOR UPDATE`;
  if (locked.length === 0) throw new CheckoutRejected(fail("cartNotFound"));

  const couponIds = [...new Set(cart.coupons.map((c) => c.id))].sort();
  if (couponIds.length > 0) {
    await tx.$queryRaw`SELECT id FROM "Coupon" WHERE id IN (${Prisma.join(couponIds)}) AND "merchantId" = ${merchantId} ORDER BY id FOR UPDATE`;
  }
  const productIds = [...new Set(cart.lines.map((l) => l.productId))].sort();
  if (productIds.length > 0) {
    await tx.$queryRaw`SELECT id FROM "Product" WHERE id IN (${Prisma.join(productIds)}) AND "merchantId" = ${merchantId} AND stock IS NOT NULL ORDER BY id FOR UPDATE`;
  }
  // Re-read under the locks: stock, coupon terms and usage as they are now.
  const fresh = await loadCartForCheckout(merchantId, store.id, input.cartId, { locale: input.locale, tx });
  if (!fresh || fresh.customerId !== (input.customer?.customerId ?? null)) throw new CheckoutRejected(fail("cartNotFound"));
  const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
  if (
    !sameIds([...new Set(fresh.coupons.map((c) => c.id))].sort(), couponIds) ||
    !sameIds([...new Set(fresh.lines.map((l) => l.productId))].sort(), productIds)
  ) {
    throw new CheckoutRejected(fail("priceChanged"));
  }
  const usage = await loadCouponUsage(merchantId, couponIds, { customerId: input.customer?.customerId ?? null, email: ctx.email }, tx);
  const checked = checkCart(fresh, { email: ctx.email, shipping: input.shipping, currency: store.currency, now: ctx.now, usage });
  if (!checked.ok) throw new CheckoutRejected(checked);
  const { priced, physical } = checked;
  if (priced.totalCents !== ctx.expectedTotalCents) throw new CheckoutRejected(fail("priceChanged"));

  // Guests become customers of the merchant by email (one row per merchant and email). The
  // insert skips an existing row (ON CONFLICT DO NOTHING), so two checkouts of one new email meet
  // without a unique violation (Prisma's upsert here reads first, then inserts).
  let customerId = input.customer?.customerId ?? null;
  if (!customerId) {
    const [created] = await tx.customer.createManyAndReturn({
      data: [{ merchantId, email: ctx.email, preferredLocale: input.locale }],
      skipDuplicates: true,
      select: { id: true },
    });
    customerId = created?.id ?? (await tx.customer.findUniqueOrThrow({ where: { merchantId_email: { merchantId, email: ctx.email } }, select: { id: true } })).id;
  }

  // Dense numbers per store: the store's counter row is locked until this order commits.
  const [counter] = await tx.$queryRaw<{ lastOrderNumber: number }[]>`
    UPDATE "Store" SET "lastOrderNumber" = "lastOrderNumber" + 1 WHERE id = ${store.id} AND "merchantId" = ${merchantId} RETURNING "lastOrderNumber"`;
  if (!counter) throw new CheckoutRejected(fail("cartNotFound"));
  const number = String(counter.lastOrderNumber).padStart(6, "0");

  const paymentRequired = needsPayment(priced.totalCents);
  const transactionId = randomUUID();
  const order = await tx.order.create({
    data: {
      merchantId,
      storeId: store.id,
      number,
      cartId: fresh.id,
      customerId,
      email: ctx.email,
      locale: input.locale,
      currency: store.currency,
      status: paymentRequired ? "PENDING_PAYMENT" : "PAID",
      paidAt: paymentRequired ? null : ctx.now,
      subtotalCents: priced.subtotalCents,
      discountCents: priced.discountCents,
      totalCents: priced.totalCents,
      shippingAddress: physical && input.shipping ? input.shipping : Prisma.JsonNull,
      paymentProvider: paymentRequired ? paymentProvider().kind : "NONE",
      idempotencyKey: input.idempotencyKey,
      transactionId,
      lines: {
        create: fresh.lines.map((line) => ({
          productId: line.productId,
          title: line.product.title,
          kind: line.product.kind,
          unitPriceCents: line.product.priceCents,
          quantity: line.quantity,
          totalCents: line.product.priceCents * line.quantity,
          downloadToken: line.product.kind === "DIGITAL" ? randomBytes(24).toString("base64url") : null,
        })),
      },
      discounts: { create: priced.discounts.map((d) => ({ couponId: d.couponId, code: d.code, amountCents: d.amountCents })) },
    },
    select: { id: true },
  });

  for (const discount of [...priced.discounts].sort((a, b) => (a.couponId < b.couponId ? -1 : 1))) {
    await tx.couponRedemption.create({
      data: { merchantId, couponId: discount.couponId, orderId: order.id, customerId, email: ctx.email, amountCents: discount.amountCents },
    });
    await tx.$executeRaw`UPDATE "Coupon" SET "redemptionCount" = "redemptionCount" + 1, "updatedAt" = now() WHERE id = ${discount.couponId} AND "merchantId" = ${merchantId}`;
  }
  for (const line of [...fresh.lines].sort((a, b) => (a.productId < b.productId ? -1 : 1))) {
    if (line.product.stock === null) continue;
    const updated = await tx.$executeRaw`
      UPDATE "Product" SET stock = stock - ${line.quantity}, "updatedAt" = now()
      WHERE id = ${line.productId} AND "merchantId" = ${merchantId} AND stock >= ${line.quantity}`;
    if (updated !== 1) {
      throw new CheckoutRejected(fail("notEnoughStock", { params: { title: line.product.title, available: line.product.stock } }));
    }
  }
  await markCartCheckedOut(tx, fresh.id);
  if (!paymentRequired) await enqueueOrderConfirmation(tx, order.id);
  return order.id;
}

interface OrderByKey {
  id: string;
  number: string;
  email: string;
  status: "PENDING_PAYMENT" | "PAID" | "FULFILLED" | "REFUNDED" | "CANCELLED";
  paymentProvider: "NONE" | "TEST" | "STRIPE";
  totalCents: number;
  currency: string;
  locale: string;
}

async function findOrderByKey(merchantId: MerchantId, storeId: StoreId, idempotencyKey: string): Promise<OrderByKey | null> {
  return db.order.findFirst({
    where: { merchantId, storeId, idempotencyKey },
    select: { id: true, number: true, email: true, status: true, paymentProvider: true, totalCents: true, currency: true, locale: true },
  });
}

/**
 * A written order's next step: nothing to pay, or the provider's page. Asking again for the
 * same order gives the same payment (the test link is deterministic, Stripe gets an idempotency
 * key). If the provider cannot be reached, the order is cancelled and its holds released, so
 * nothing stays locked for a payment that never started.
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
      totalCents: order.totalCents,
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
    await releaseOrderHoldsNow(order.id);
    return fail("paymentUnavailable");
  }
}
