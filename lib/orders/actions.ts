"use server";

import { merchantStoreAction } from "@/lib/auth/action-clients";
import { fulfillOrder } from "./mutations";
import { merchantOrderOutcome, orderFormSchema } from "./order-actions";

/**
 * The merchant's order actions, bound to (merchantId, storeId) by the order page; the order is a
 * hidden field. Another merchant's store: notFound; a role too low: forbidden; an order that is
 * not the store's: `Orders.merchant.errors.notFound`, nothing changes. Refunds go through the
 * payment provider: lib/payments/actions.ts.
 */

/** Mark fulfilled: staff and above of the order's store. */
export const fulfillOrderAction = merchantStoreAction({ role: "STAFF" })({
  schema: orderFormSchema,
  messages: "Orders.merchant.errors",
  handler: async (input, ctx) => merchantOrderOutcome(await fulfillOrder(ctx.merchantId, ctx.store.id, input.orderId, ctx.actor.userId), ctx),
});
