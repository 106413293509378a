"use server";

import { getTranslations } from "next-intl/server";
import { fail, failFields, ok } from "@/lib/actions/pipeline";
import type { MessageKey } from "@/lib/actions/form-state";
import { merchantAction, type MerchantContext } from "@/lib/auth/action-clients";
import { cacheTags } from "@/lib/cache";
import { findMerchantTimeZone } from "@/lib/auth/data";
import { formatGiftCardCode } from "@/lib/gift-cards/code";
import { formatterFor } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/money";
import { extendCardExpiry, issueCardByHand, saveExpirySettings, saveGiftCardsToCredit, savePromotion, setCardDisabled, type FieldRefusal } from "./mutations";
import { cardStatusSchema, expirySettingsSchema, extendCardSchema, giftCardsToCreditSchema, issueCardSchema, promotionSchema, type GiftCardFieldError } from "./schema";

/**
 * The merchant area's gift-card actions, bound to the merchant by the page. Managers issue,
 * disable, enable and extend cards; owners change the settings (staff: forbidden; another
 * merchant: not found). Each parses its form (field errors, nothing written), calls one mutation
 * (which records its audit event in its transaction) and drops the merchant's account tag.
 */

const errorKey = (code: GiftCardFieldError): MessageKey => `GiftCardAdmin.errors.${code}`;

function refusedFields(result: FieldRefusal) {
  return failFields(Object.fromEntries(Object.entries(result.fieldErrors).map(([field, code]) => [field, errorKey(code!)])), "GiftCardAdmin.errors.checkFields");
}

const tags = (ctx: MerchantContext) => [cacheTags.account(ctx.merchantId)];

/** What the issuing form shows once: the code, grouped, and what the card holds. */
export interface IssuedCardView {
  cardId: string;
  code: string;
  last4: string;
  amountCents: number;
  currency: string;
  expiresAt: string | null;
  /** What was issued, in the viewer's words: "The gift card •••• WV2D is issued: €25.00. Valid until …". */
  summary: string;
}

export const issueGiftCardAction = merchantAction({ role: "MANAGER" })({
  schema: issueCardSchema,
  messages: "GiftCardAdmin.errors",
  invalid: "GiftCardAdmin.errors.checkFields",
  handler: async (input, ctx) => {
    const result = await issueCardByHand(ctx.actor, ctx.access.storeIds, input);
    if (!result.ok) return refusedFields(result);
    const { card } = result;
    const t = await getTranslations({ locale: ctx.locale, namespace: "GiftCardAdmin.issue" });
    const format = formatterFor(ctx.locale, await findMerchantTimeZone(ctx.merchantId));
    const validity = card.expiresAt
      ? t("validUntil", { date: format.dateTime(new Date(card.expiresAt.getTime() - 1), { dateStyle: "long" }) })
      : t("validForever");
    const view: IssuedCardView = {
      cardId: card.id,
      code: formatGiftCardCode(card.code),
      last4: card.last4,
      amountCents: card.amountCents,
      currency: card.currency,
      expiresAt: card.expiresAt?.toISOString() ?? null,
      summary: `${t("done", { last4: card.last4, amount: formatMoney(card.amountCents, card.currency, ctx.locale) })} ${validity}`,
    };
    return ok(view, { invalidate: tags(ctx) });
  },
});

export const setGiftCardDisabledAction = merchantAction({ role: "MANAGER" })({
  schema: cardStatusSchema,
  messages: "GiftCardAdmin.errors",
  handler: async ({ cardId, disabled, reason }, ctx) => {
    const result = await setCardDisabled(ctx.actor, cardId, disabled, reason);
    if (!result.ok) return fail(`GiftCardAdmin.errors.${result.reason}`);
    return ok(undefined, { invalidate: tags(ctx) });
  },
});

export const extendGiftCardAction = merchantAction({ role: "MANAGER" })({
  schema: extendCardSchema,
  messages: "GiftCardAdmin.errors",
  handler: async ({ cardId, day, reason }, ctx) => {
    const result = await extendCardExpiry(ctx.actor, cardId, day, reason);
    if (!result.ok) {
      if (result.reason === "notFound" || result.reason === "expiredTaken") return fail(`GiftCardAdmin.errors.${result.reason}`);
      return failFields({ expiresOn: errorKey(result.reason === "inPast" ? "dateInPast" : "notLater") });
    }
    return ok(undefined, { invalidate: tags(ctx) });
  },
});

export const saveGiftCardExpiryAction = merchantAction({ role: "OWNER" })({
  schema: expirySettingsSchema,
  messages: "GiftCardAdmin.errors",
  handler: async ({ months }, ctx) => {
    await saveExpirySettings(ctx.actor, months);
    return ok(undefined, { invalidate: tags(ctx) });
  },
});

export const saveGiftCardPromotionAction = merchantAction({ role: "OWNER" })({
  schema: promotionSchema,
  messages: "GiftCardAdmin.errors",
  handler: async (input, ctx) => {
    const result = await savePromotion(ctx.actor, input);
    if (!result.ok) return refusedFields(result);
    // Product pages of gift cards may tell buyers about the bonus.
    return ok(undefined, { invalidate: [...tags(ctx), cacheTags.storefronts(ctx.merchantId)] });
  },
});

export const saveGiftCardsToCreditAction = merchantAction({ role: "OWNER" })({
  schema: giftCardsToCreditSchema,
  messages: "GiftCardAdmin.errors",
  handler: async ({ enabled }, ctx) => {
    await saveGiftCardsToCredit(ctx.actor, enabled);
    // The storefront's account pages show the claim form only while this is on.
    return ok(undefined, { invalidate: [...tags(ctx), cacheTags.storefronts(ctx.merchantId)] });
  },
});
