import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/locales";
import { orderPath } from "@/lib/orders/confirmation";
import { numberOrder } from "@/lib/orders/numbering";
import { payRequestPath } from "@/lib/payment-requests/links";
import { lockRequest } from "@/lib/payment-requests/mutations";
import type { MerchantId, StoreId, Tenant } from "@/lib/tenancy/types";
import { absoluteUrl, type UrlConfig } from "@/lib/tenancy/urls";
import { failOrderPayment } from "./mutations";
import { paymentProvider } from "./provider";
import { SESSION_LIFETIME_SECONDS } from "./stripe";

export type PayRequestResult =
  | { ok: true; paymentUrl: string }
  | {
      ok: false;
      reason: "notFound" | "paid" | "cancelled" | "emailRequired" | "paymentsUnavailable" | "paymentUnavailable";
    };

export interface PayRequestInput {
  store: {
    id: StoreId;
    merchantId: MerchantId;
    name: string;
    target: Pick<Tenant, "host" | "defaultLocale">;
  };
  urls: UrlConfig;
  requestId: string;
  /** Where the receipt goes when the payer has no email (the pay page asks for one). */
  email: string | null;
  locale: Locale;
  now?: Date;
}

/** A pending payment older than this is not sent to again: its provider page is about to expire. */
const REUSE_WINDOW_MS = (SESSION_LIFETIME_SECONDS - 5 * 60) * 1000;

/**
 * The pay button of a payment request. Under the request's row lock (the one the merchant's
 * cancel takes too): a paid or cancelled request is refused; a payment already waiting for the
 * provider is where the payer goes again (two tabs pay once); otherwise an order is written with
 * the request's lines and total (no holds: a request consumes no stock, coupon or balance), and
 * the provider's payment is created in the same transaction, keyed by the request and its
 * attempt, so a provider that fails leaves nothing written. The webhook then pays the order and,
 * in the same transaction, the request (applyPaymentEvent).
 */
export async function payRequest(input: PayRequestInput): Promise<PayRequestResult> {
  const provider = paymentProvider();
  if (!provider) return { ok: false, reason: "paymentsUnavailable" };
  const { store, locale } = input;
  const merchantId = store.merchantId;
  const now = input.now ?? new Date();
  const url = (path: string) => absoluteUrl(store.target, path, locale, input.urls);
  try {
    return await db.$transaction(
      async (tx): Promise<PayRequestResult> => {
        const request = await lockRequest(tx, merchantId, input.requestId, [store.id]);
        if (!request) return { ok: false, reason: "notFound" };
        if (request.status === "PAID") return { ok: false, reason: "paid" };
        if (request.status === "CANCELLED") return { ok: false, reason: "cancelled" };
        const pending = await tx.order.findFirst({
          where: {
            merchantId,
            paymentRequestId: request.id,
            status: "PENDING_PAYMENT",
          },
          select: { id: true, paymentUrl: true, createdAt: true },
        });
        if (pending?.paymentUrl && now.getTime() - pending.createdAt.getTime() < REUSE_WINDOW_MS) return { ok: true, paymentUrl: pending.paymentUrl };
        if (pending) await failOrderPayment(tx, merchantId, pending.id);

        const payer = await tx.payer.findFirst({
          where: { id: request.payerId, merchantId },
          select: { email: true },
        });
        const email = payer?.email ?? input.email;
        if (!email) return { ok: false, reason: "emailRequired" };
        const [lines, attempts] = await Promise.all([
          tx.paymentRequestLine.findMany({
            where: { requestId: request.id },
            select: {
              productId: true,
              title: true,
              unitPriceCents: true,
              quantity: true,
              totalCents: true,
              product: { select: { kind: true } },
            },
            orderBy: { position: "asc" },
          }),
          tx.order.count({
            where: { merchantId, paymentRequestId: request.id },
          }),
        ]);
        const transactionId = randomUUID();
        const order = await tx.order.create({
          data: {
            merchantId,
            storeId: store.id,
            number: `pending-${transactionId}`,
            customerId: request.customerId,
            email,
            locale,
            currency: request.currency,
            status: "PENDING_PAYMENT",
            subtotalCents: request.totalCents,
            discountCents: 0,
            totalCents: request.totalCents,
            amountDueCents: request.totalCents,
            paymentProvider: provider.kind,
            paymentRequestId: request.id,
            idempotencyKey: `payment-request:${request.id}:${attempts + 1}`,
            transactionId,
            lines: {
              create: lines.map((line) => {
                const kind = line.product?.kind === "DIGITAL" ? "DIGITAL" : "PHYSICAL";
                return {
                  productId: line.productId,
                  title: line.title,
                  kind,
                  unitPriceCents: line.unitPriceCents,
                  quantity: line.quantity,
                  totalCents: line.totalCents,
                  downloadToken: kind === "DIGITAL" ? randomBytes(24).toString("base64url") : null,
                };
              }),
            },
          },
          select: { id: true },
        });
        const number = await numberOrder(tx, merchantId, store.id, order.id);
        if (!number) return { ok: false, reason: "notFound" };
        const payment = await provider.createPayment({
          orderId: order.id,
          merchantId,
          orderNumber: number,
          email,
          currency: request.currency,
          amountCents: request.totalCents,
          successUrl: url(orderPath(order.id)),
          cancelUrl: url(payRequestPath(request.id)),
          testPaymentUrl: url(`/pay/test/${encodeURIComponent(order.id)}`),
          storeName: store.name,
          idempotencyKey: `payment-request-${request.id}-${attempts + 1}`,
        });
        await tx.order.updateMany({
          where: { id: order.id, merchantId },
          data: { paymentRef: payment.paymentRef, paymentUrl: payment.url },
        });
        return { ok: true, paymentUrl: payment.url };
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    console.error(`Payment of request ${input.requestId} could not start:`, error);
    return { ok: false, reason: "paymentUnavailable" };
  }
}
