"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { fail, failFields, ok } from "@/lib/actions/pipeline";
import { checkEmailAddress } from "@/lib/email-address";
import { merchantStoreAction, storefrontAction } from "@/lib/auth/action-clients";
import { cacheTags } from "@/lib/cache";
import { cleanString } from "@/lib/input";
import { orderPath } from "@/lib/orders/confirmation";
import { merchantOrderOutcome } from "@/lib/orders/order-actions";
import { refundFormSchema } from "@/lib/orders/schema";
import { findStoreOrder } from "@/lib/orders/data";
import { payRequestPath, verifyPayToken } from "@/lib/payment-requests/links";
import { payRequestSchema } from "@/lib/payment-requests/schema";
import { verifyOrderToken } from "@/lib/orders/tokens";
import { loadStorefront } from "@/lib/tenancy/loaders";
import { urlConfig } from "@/lib/tenancy/request";
import { localizedPath } from "@/lib/tenancy/urls";
import { applyPaymentEvent } from "./mutations";
import { refundOrder } from "./refunds";
import { payRequest } from "./request-payment";
import { testPaymentRef, testPaymentsEnabled } from "./test-provider";

/** The test payment page's form: only hidden fields and the pressed button, so any issue is tampering. */
const BAD_INPUT = { error: "BAD_INPUT" };
const schema = z.object(
  {
    orderId: cleanString(BAD_INPUT).min(1).max(64),
    token: cleanString(BAD_INPUT).min(1).max(128),
    outcome: z.enum(["paid", "failed"], BAD_INPUT),
  },
  BAD_INPUT,
);

/**
 * The test provider's "Pay" and "Fail payment" buttons: the same event a Stripe webhook
 * delivers (handled once per event id), for the buyer holding the order's pay token only, on the
 * order's own storefront. In production the test provider does not exist: nothing is applied,
 * and the answer is a 404.
 */
export const completeTestPaymentAction = storefrontAction({
  schema,
  messages: "Errors",
  invalid: "Errors.BAD_INPUT",
  handler: async ({ orderId, token, outcome }, ctx) => {
    if (!testPaymentsEnabled()) notFound();
    const store = await loadStorefront(ctx.store.slug);
    const order = await findStoreOrder(ctx.store.merchantId, ctx.store.id, orderId);
    if (!order || order.paymentProvider !== "TEST" || !verifyOrderToken(orderId, "pay", token)) {
      return ok(undefined, { redirectTo: localizedPath("/", ctx.locale, store.defaultLocale) });
    }
    const paymentRef = testPaymentRef(orderId);
    await applyPaymentEvent({ eventId: `${paymentRef}:${outcome}`, provider: "TEST", type: `test.payment.${outcome}`, paymentRef, orderId, outcome });
    // The order changed in the merchant's area; the storefront header counts the cart: checked
    // out once paid, given back after a failure. A payment request's payer goes back to its page.
    const back = order.paymentRequestId ? payRequestPath(order.paymentRequestId) : "/cart";
    return ok(undefined, {
      invalidate: [cacheTags.account(ctx.store.merchantId)],
      redirectTo: localizedPath(outcome === "paid" ? orderPath(orderId) : back, ctx.locale, store.defaultLocale),
    });
  },
});

/**
 * Refund: managers and owners of the order's store. Some units of some lines, an amount, or
 * everything left (lib/orders/schema.ts), to the card or to the customer's store credit. The
 * form's key is scoped to the merchant and the order, so the same submission refunds once and a
 * key copied from another form cannot meet another order's refund.
 */
export const refundOrderAction = merchantStoreAction({ role: "MANAGER" })({
  schema: (ctx) => refundFormSchema(ctx.store.currency),
  messages: "Orders.merchant.errors",
  handler: async (input, ctx) =>
    merchantOrderOutcome(
      await refundOrder(ctx.merchantId, ctx.store.id, input.orderId, ctx.actor.userId, {
        lines: input.mode === "lines" ? input.lines : undefined,
        amountCents: input.mode === "amount" ? (input.amountCents ?? undefined) : undefined,
        toStoreCredit: input.toStoreCredit,
        restock: input.restock,
        reason: input.reason,
        idempotencyKey: input.idempotencyKey,
      }),
      ctx,
    ),
});

/**
 * A payment request's pay button, for the holder of its link only, on its own store: starts (or
 * resumes) the request's payment and sends the payer to the provider's page. A payer without an
 * email gives one for the receipt.
 */
export const payRequestAction = storefrontAction({
  schema: payRequestSchema,
  messages: "PaymentRequests.pay.errors",
  handler: async ({ requestId, token, email }, ctx) => {
    if (!verifyPayToken(requestId, token)) return fail("PaymentRequests.pay.errors.notFound");
    let receipt: string | null = null;
    if (email !== "") {
      const checked = checkEmailAddress(email);
      if (!checked.ok) return failFields({ email: "PaymentRequests.pay.errors.invalidEmail" });
      receipt = checked.email;
    }
    const store = await loadStorefront(ctx.store.slug);
    const result = await payRequest({ store, urls: urlConfig(), requestId, email: receipt, locale: ctx.locale });
    if (!result.ok) {
      if (result.reason === "emailRequired")
        return failFields({ email: "PaymentRequests.pay.errors.emailRequired" }, "PaymentRequests.pay.errors.emailRequired");
      return fail(`PaymentRequests.pay.errors.${result.reason}`);
    }
    return ok(undefined, { invalidate: [cacheTags.account(ctx.store.merchantId)], redirectTo: result.paymentUrl });
  },
});
