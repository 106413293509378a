"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { fail, failFields, ok } from "@/lib/actions/pipeline";
import { storefrontAction } from "@/lib/auth/action-clients";
import { clientIp, consumeLimit, refundLimit, retryAfterMinutes } from "@/lib/auth/rate-limit";
import { parseGiftCardCode } from "@/lib/gift-cards/code";
import { findCardByCode } from "@/lib/gift-cards/data";
import { formatMoney } from "@/lib/money";
import { findGiftCardsToCredit } from "./data";
import { claimGiftCard } from "./mutations";
import { claimGiftCardSchema } from "./schema";

/**
 * A signed-in customer moves a gift card's whole balance into their store credit at this store's
 * merchant, while the merchant allows it. A code that is malformed, unknown or another merchant's
 * gets one generic answer (nothing tells a guesser whether a code exists); every attempt counts
 * against the IP's and the customer's limit, and a moved card gives its point back.
 */
export const claimGiftCardAction = storefrontAction({
  schema: claimGiftCardSchema,
  messages: "StoreCredit.claim.errors",
  handler: async (input, ctx) => {
    if (!ctx.customer) return fail("StoreCredit.claim.errors.signIn");
    if (!(await findGiftCardsToCredit(ctx.store.merchantId))) return fail("StoreCredit.claim.errors.featureOff");
    const keys = { ip: clientIp(await headers()), email: ctx.customer.email };
    const limit = await consumeLimit("giftCardClaim", keys);
    if (!limit.ok) return fail("StoreCredit.claim.errors.rateLimited", { minutes: retryAfterMinutes(limit.retryAfterMs) });
    const parsed = parseGiftCardCode(input.giftCardCode);
    if (!parsed.ok) return failFields({ giftCardCode: parsed.reason === "typo" ? "StoreCredit.claim.errors.typo" : "StoreCredit.claim.errors.invalid" });
    const card = await findCardByCode(ctx.store.merchantId, parsed.code);
    if (!card) return failFields({ giftCardCode: "StoreCredit.claim.errors.invalid" });
    const result = await claimGiftCard(ctx.store.merchantId, ctx.store.id, ctx.customer.customerId, card.id);
    if (!result.ok) {
      if (result.reason === "featureOff") return fail("StoreCredit.claim.errors.featureOff");
      return failFields({ giftCardCode: `StoreCredit.claim.errors.${result.reason}` });
    }
    await refundLimit("giftCardClaim", keys);
    refresh();
    const t = await getTranslations({ locale: ctx.locale, namespace: "StoreCredit.claim" });
    return ok({ message: t("done", { amount: formatMoney(result.amountCents, result.currency, ctx.locale), last4: result.last4 }) });
  },
});
