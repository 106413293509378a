"use server";

import { notFound } from "next/navigation";
import { fail, failFields, ok } from "@/lib/actions/pipeline";
import type { MessageKey } from "@/lib/actions/form-state";
import { merchantAction, storefrontAction, type MerchantContext } from "@/lib/auth/action-clients";
import { cacheTags } from "@/lib/cache";
import { PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";
import { requestFromOrder } from "./from-orders";
import { verifyUnsubscribeToken } from "./links";
import { cancelPaymentRequest, createPaymentRequest, stopReminders, updateReminderSettings, type RequestActor } from "./mutations";
import { sendTestReminder } from "./reminders";
import {
  createRequestSchema,
  orderIdSchema,
  payerIdSchema,
  reminderSettingsSchema,
  requestIdSchema,
  stopRemindersSchema,
  type RequestFieldError,
} from "./schema";

/**
 * The payment-request actions. Merchant area (bound to the merchant by the page): managers and
 * owners bill, cancel, turn an unpaid order into a request, set the reminder schedule and send
 * themselves a test reminder (staff: forbidden; another merchant: not found). Storefront: the
 * payer's unsubscribe button, for the holder of the link only. The pay button is
 * lib/payments/actions.ts's (it starts a payment).
 */

const errorKey = (code: RequestFieldError): MessageKey => `PaymentRequests.errors.${code}`;
const tags = (ctx: MerchantContext) => [cacheTags.account(ctx.merchantId)];
const actorOf = (ctx: MerchantContext): RequestActor & { userId: string } => ({
  merchantId: ctx.merchantId,
  userId: ctx.actor.userId,
  storeIds: ctx.access.storeIds,
});
const requestPath = (ctx: MerchantContext, requestId: string) =>
  localizedPath(
    `/account/m/${encodeURIComponent(ctx.merchantId)}/payment-requests/${encodeURIComponent(requestId)}`,
    ctx.locale,
    PLATFORM_DEFAULT_LOCALE,
  );

export const createPaymentRequestAction = merchantAction({ role: "MANAGER" })({
  schema: createRequestSchema,
  messages: "PaymentRequests.errors",
  invalid: "PaymentRequests.errors.checkFields",
  handler: async (input, ctx) => {
    const result = await createPaymentRequest(actorOf(ctx), input);
    if (!result.ok) {
      const fields = Object.fromEntries(Object.entries(result.fieldErrors).map(([field, code]) => [field, errorKey(code!)]));
      return failFields(fields, "PaymentRequests.errors.checkFields");
    }
    return ok({ requestId: result.requestId }, { invalidate: tags(ctx), redirectTo: requestPath(ctx, result.requestId) });
  },
});

export const cancelPaymentRequestAction = merchantAction({ role: "MANAGER" })({
  schema: requestIdSchema,
  messages: "PaymentRequests.errors",
  handler: async ({ requestId }, ctx) => {
    const result = await cancelPaymentRequest(actorOf(ctx), requestId);
    if (!result.ok) return fail(`PaymentRequests.errors.${result.reason}`);
    return ok(undefined, { invalidate: tags(ctx) });
  },
});

export const requestFromOrderAction = merchantAction({ role: "MANAGER" })({
  schema: orderIdSchema,
  messages: "PaymentRequests.errors",
  handler: async ({ orderId }, ctx) => {
    const result = await requestFromOrder(actorOf(ctx), orderId);
    if (!result.ok) return fail(`PaymentRequests.errors.${result.reason}`);
    return ok({ requestId: result.requestId }, { invalidate: tags(ctx), redirectTo: requestPath(ctx, result.requestId) });
  },
});

export const updateReminderSettingsAction = merchantAction({ role: "MANAGER" })({
  schema: reminderSettingsSchema,
  messages: "PaymentRequests.errors",
  handler: async (input, ctx) => {
    await updateReminderSettings(actorOf(ctx), input);
    return ok({ saved: true }, { invalidate: tags(ctx) });
  },
});

export const sendTestReminderAction = merchantAction({ role: "MANAGER" })({
  schema: payerIdSchema,
  messages: "PaymentRequests.errors",
  handler: async ({ payerId }, ctx) => {
    // The reminder lists the payer's items in every store: members of every store only.
    if (ctx.access.storeIds !== null) return fail("PaymentRequests.errors.notFound");
    const result = await sendTestReminder(ctx.merchantId, payerId, ctx.actor.userId);
    if (!result.ok) return fail(`PaymentRequests.errors.${result.reason}`);
    return ok({ to: result.to });
  },
});

/** The unsubscribe page's button: the payer gets no more reminders from this merchant. */
export const stopRemindersAction = storefrontAction({
  schema: stopRemindersSchema,
  messages: "PaymentRequests.errors",
  handler: async ({ payerId, token }, ctx) => {
    if (!verifyUnsubscribeToken(payerId, token)) notFound();
    if (!(await stopReminders(ctx.store.merchantId, payerId))) notFound();
    return ok({ stopped: true }, { invalidate: [cacheTags.account(ctx.store.merchantId)] });
  },
});
