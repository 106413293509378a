"use server";

import { fail, ok } from "@/lib/actions/pipeline";
import { merchantStoreAction } from "@/lib/auth/action-clients";
import { cacheTags } from "@/lib/cache";
import { changeCardRecipient, resendCardDelivery, type DeliveryChangeResult } from "./delivery-mutations";
import { changeRecipientSchema, resendDeliverySchema } from "./delivery-schema";

/**
 * The merchant's actions on the gift cards of an order, bound to (merchantId, storeId) by the
 * order page; the card is a hidden field. MANAGER and above; another merchant's store: notFound;
 * a card that is not the store's: `GiftCards.delivery.refusals.notFound`, nothing changes.
 */

const REFUSALS = {
  notFound: "GiftCards.delivery.refusals.notFound",
  alreadyDelivered: "GiftCards.delivery.refusals.alreadyDelivered",
  noEmail: "GiftCards.delivery.refusals.noEmail",
  scheduled: "GiftCards.delivery.refusals.scheduled",
} as const;

function outcome(result: DeliveryChangeResult, merchantId: string) {
  if (!result.ok) return fail(REFUSALS[result.reason]);
  return ok(undefined, { invalidate: [cacheTags.account(merchantId)] });
}

/** A new recipient for a card whose email waits for its delivery day. */
export const changeCardRecipientAction = merchantStoreAction({ role: "MANAGER" })({
  schema: changeRecipientSchema,
  messages: "GiftCards.delivery.refusals",
  echo: ["name", "email"],
  handler: async (input, ctx) => outcome(await changeCardRecipient(ctx.actor, input), ctx.merchantId),
});

/** The card's delivery email once more, to its current recipient. */
export const resendCardDeliveryAction = merchantStoreAction({ role: "MANAGER" })({
  schema: resendDeliverySchema,
  messages: "GiftCards.delivery.refusals",
  handler: async (input, ctx) => outcome(await resendCardDelivery(ctx.actor, input.cardId), ctx.merchantId),
});
