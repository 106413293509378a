"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { fail, failFields, ok } from "@/lib/actions/pipeline";
import { storefrontAction } from "@/lib/auth/action-clients";
import { clientIp, consumeLimit, refundLimit, retryAfterMinutes } from "@/lib/auth/rate-limit";
import { parseGiftCardCode } from "@/lib/gift-cards/code";
import { findCardByCode } from "@/lib/gift-cards/data";
import { redeemRefusal } from "@/lib/gift-cards/rules";
import { attachGiftCard, detachGiftCard } from "./mutations";
import { currentCart, ensureCurrentCart } from "./request";
import { applyGiftCardSchema, removeGiftCardSchema } from "./schema";

/**
 * Gift cards entered in the cart to pay with. A code that is malformed or unknown gets one
 * generic answer (nothing tells a guesser whether a code exists); a typo caught by the check
 * character says so before any lookup. Every attempt counts against the cart's and the IP's
 * limit; a card that is entered gives its point back.
 */
export const applyGiftCardAction = storefrontAction({
  schema: applyGiftCardSchema,
  messages: "GiftCards.redeem.errors",
  handler: async (input, ctx) => {
    const cart = await ensureCurrentCart(ctx.store, ctx.customer);
    const keys = { ip: clientIp(await headers()), cart: cart.cartId };
    const limit = await consumeLimit("giftCardApply", keys);
    if (!limit.ok) return fail("GiftCards.redeem.errors.rateLimited", { minutes: retryAfterMinutes(limit.retryAfterMs) });
    const parsed = parseGiftCardCode(input.giftCardCode);
    if (!parsed.ok) return failFields({ giftCardCode: parsed.reason === "typo" ? "GiftCards.redeem.errors.typo" : "GiftCards.redeem.errors.invalid" });
    const card = await findCardByCode(ctx.store.merchantId, parsed.code);
    if (!card) return failFields({ giftCardCode: "GiftCards.redeem.errors.invalid" });
    const refused = redeemRefusal(card, { currency: ctx.store.currency, customerId: ctx.customer?.customerId ?? null, now: new Date() });
    if (refused) return failFields({ giftCardCode: `GiftCards.redeem.refusals.${refused}` });
    const attached = await attachGiftCard(ctx.store.merchantId, ctx.store.id, cart.cartId, card);
    if (!attached.ok) return failFields({ giftCardCode: `GiftCards.redeem.errors.${attached.error}` });
    await refundLimit("giftCardApply", keys);
    refresh();
    return ok({ last4: attached.last4 });
  },
});

export const removeGiftCardAction = storefrontAction({
  schema: removeGiftCardSchema,
  messages: "GiftCards.redeem.errors",
  handler: async (input, ctx) => {
    const cart = await currentCart(ctx.store, ctx.customer);
    if (!cart) return fail("GiftCards.redeem.errors.cartNotFound");
    await detachGiftCard(ctx.store.merchantId, ctx.store.id, cart.cartId, input.giftCardId);
    refresh();
    return ok({});
  },
});
