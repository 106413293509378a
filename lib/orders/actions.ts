"use server";

import { z } from "zod";
import { fail, ok } from "@/lib/actions/pipeline";
import { merchantStoreAction } from "@/lib/auth/action-clients";
import { cacheTags } from "@/lib/cache";
import { refundOrder } from "@/lib/payments/refunds";
import { fulfillOrder, type MerchantOrderResult } from "./mutations";

/**
 * The merchant's order actions, bound to (merchantId, storeId) by the order page; the order is a
 * hidden field. Another merchant's store: notFound; a role too low: forbidden; an order that is
 * not the store's: `Orders.merchant.errors.notFound`, nothing changes.
 */

const orderFormSchema = z.object({ orderId: z.string("notFound").regex(/^[a-z0-9]{1,64}$/i, "notFound") });

const REFUSALS = {
  notFound: "Orders.merchant.errors.notFound",
  invalidState: "Orders.merchant.errors.invalidState",
  refundFailed: "Orders.merchant.errors.refundFailed",
} as const;

function answer(result: MerchantOrderResult, ctx: { merchantId: string; store: { id: string } }) {
  if (!result.ok) return fail(REFUSALS[result.error]);
  return ok(undefined, { invalidate: [cacheTags.store(ctx.store.id), cacheTags.merchant(ctx.merchantId)] });
}

/** Mark fulfilled: staff and above of the order's store. */
export const fulfillOrderAction = merchantStoreAction({ role: "STAFF" })({
  schema: orderFormSchema,
  messages: "Orders.merchant.errors",
  handler: async (input, ctx) => answer(await fulfillOrder(ctx.merchantId, ctx.store.id, input.orderId, ctx.actor.userId), ctx),
});

/** Refund: managers and owners of the order's store. */
export const refundOrderAction = merchantStoreAction({ role: "MANAGER" })({
  schema: orderFormSchema,
  messages: "Orders.merchant.errors",
  handler: async (input, ctx) => answer(await refundOrder(ctx.merchantId, ctx.store.id, input.orderId, ctx.actor.userId), ctx),
});
