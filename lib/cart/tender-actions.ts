"use server";

import { refresh } from "next/cache";
import { fail, failFields, ok } from "@/lib/actions/pipeline";
import { storefrontAction, type StorefrontContext } from "@/lib/auth/action-clients";
import { findAvailableCredit } from "@/lib/credit/data";
import { findMemberBalance, findOnlineReward } from "@/lib/loyalty/data";
import { currencyDigits, formatMoney, parseMoney } from "@/lib/money";
import { setCartPoints, setCartStoreCredit } from "./mutations";
import { currentCart, ensureCurrentCart } from "./request";
import { removeTenderSchema, usePointsSchema, useStoreCreditSchema } from "./schema";
import { checkCreditChoice, checkPointsChoice } from "./tender-choices";

/**
 * Points and store credit chosen in the cart to pay with. Only for a customer signed in on this
 * store (a customer is always one of its merchant's), on their own cart: a guest is asked to
 * sign in and nothing is written. A choice is checked here against the balances as they are now
 * (a read, not a hold); the checkout takes both under their locks and sends the buyer back to
 * the cart when they no longer pay.
 */

/** The signed-in customer of this store's merchant, or null (a guest, or a session of another merchant). */
function signedInCustomer(ctx: StorefrontContext) {
  return ctx.customer && ctx.customer.merchantId === ctx.store.merchantId ? ctx.customer : null;
}

export const usePointsAction = storefrontAction({
  schema: usePointsSchema,
  messages: "Cart.points.errors",
  handler: async ({ rewardId, quantity }, ctx) => {
    const customer = signedInCustomer(ctx);
    if (!customer) return fail("Cart.points.refusals.signInRequired");
    const [reward, member] = await Promise.all([
      findOnlineReward(ctx.store.merchantId, rewardId),
      findMemberBalance(ctx.store.merchantId, customer.customerId),
    ]);
    if (!member) return fail("Cart.points.refusals.noCard");
    const refused = checkPointsChoice(reward, member.balance, quantity, ctx.store.currency);
    if (refused?.reason === "rewardUnavailable") return failFields({ rewardId: "Cart.points.refusals.rewardUnavailable" });
    if (refused) return failFields({ quantity: "Cart.points.errors.notEnoughPoints" }, undefined, { missing: refused.missing, unit: member.unit });
    const cart = await ensureCurrentCart(ctx.store, customer);
    const written = await setCartPoints(ctx.store.merchantId, ctx.store.id, cart.cartId, customer.customerId, { rewardId, quantity });
    if (!written.ok) return fail("Cart.points.errors.cartNotFound");
    refresh();
    return ok({});
  },
});

export const removePointsAction = storefrontAction({
  schema: removeTenderSchema,
  messages: "Cart.points.errors",
  handler: async (_input, ctx) => {
    const customer = signedInCustomer(ctx);
    if (!customer) return fail("Cart.points.refusals.signInRequired");
    const cart = await currentCart(ctx.store, customer);
    if (!cart) return fail("Cart.points.errors.cartNotFound");
    await setCartPoints(ctx.store.merchantId, ctx.store.id, cart.cartId, customer.customerId, null);
    refresh();
    return ok({});
  },
});

export const useStoreCreditAction = storefrontAction({
  schema: useStoreCreditSchema,
  messages: "Cart.credit.errors",
  handler: async ({ amount }, ctx) => {
    const customer = signedInCustomer(ctx);
    if (!customer) return fail("Cart.credit.refusals.signInRequired");
    const parsed = parseMoney(amount, currencyDigits(ctx.store.currency));
    if (!parsed.ok && parsed.reason === "required") return failFields({ amount: "Cart.credit.errors.required" });
    if (!parsed.ok && parsed.reason !== "tooLarge") return failFields({ amount: "Cart.credit.errors.invalidAmount" });
    const credit = await findAvailableCredit(ctx.store.merchantId, customer.customerId, ctx.store.currency, new Date());
    const availableCents = credit?.availableCents ?? null;
    // An amount too large to be money at all is more than any credit.
    const requestedCents = parsed.ok ? parsed.cents : Number.MAX_SAFE_INTEGER;
    const refused = checkCreditChoice(requestedCents, availableCents);
    if (refused === "noCredit") return fail("Cart.credit.refusals.noCredit");
    if (refused === "invalidAmount") return failFields({ amount: "Cart.credit.errors.invalidAmount" });
    if (refused === "moreThanAvailable") {
      return failFields({ amount: "Cart.credit.errors.moreThanAvailable" }, undefined, { amount: formatMoney(availableCents ?? 0, ctx.store.currency, ctx.locale) });
    }
    const cart = await ensureCurrentCart(ctx.store, customer);
    const written = await setCartStoreCredit(ctx.store.merchantId, ctx.store.id, cart.cartId, customer.customerId, requestedCents);
    if (!written.ok) return fail("Cart.credit.errors.cartNotFound");
    refresh();
    return ok({});
  },
});

export const removeStoreCreditAction = storefrontAction({
  schema: removeTenderSchema,
  messages: "Cart.credit.errors",
  handler: async (_input, ctx) => {
    const customer = signedInCustomer(ctx);
    if (!customer) return fail("Cart.credit.refusals.signInRequired");
    const cart = await currentCart(ctx.store, customer);
    if (!cart) return fail("Cart.credit.errors.cartNotFound");
    await setCartStoreCredit(ctx.store.merchantId, ctx.store.id, cart.cartId, customer.customerId, null);
    refresh();
    return ok({});
  },
});
