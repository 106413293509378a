"use server";

import { getTranslations } from "next-intl/server";
import { fail, failFields, ok } from "@/lib/actions/pipeline";
import type { MessageKey } from "@/lib/actions/form-state";
import { merchantAction, type MerchantContext } from "@/lib/auth/action-clients";
import { cacheTags } from "@/lib/cache";
import { formatMoney } from "@/lib/money";
import { adjustCreditDown, grantGoodwillCredit, type FieldRefusal } from "./mutations";
import { adjustDownSchema, goodwillSchema, type CreditFieldError } from "./schema";

/**
 * The merchant area's store-credit actions, bound to the merchant by the page: managers and
 * owners give goodwill credit and correct a balance downwards (staff: forbidden; another
 * merchant: not found). Each parses its form (field errors, nothing written), calls one mutation
 * (which records its audit event in its transaction) and drops the merchant's account tag.
 */

const errorKey = (code: CreditFieldError): MessageKey => `StoreCreditAdmin.errors.${code}`;

function refusedFields(result: FieldRefusal) {
  return failFields(Object.fromEntries(Object.entries(result.fieldErrors).map(([field, code]) => [field, errorKey(code!)])), "StoreCreditAdmin.errors.checkFields");
}

const tags = (ctx: MerchantContext) => [cacheTags.account(ctx.merchantId)];

export const grantGoodwillCreditAction = merchantAction({ role: "MANAGER" })({
  schema: goodwillSchema,
  messages: "StoreCreditAdmin.errors",
  invalid: "StoreCreditAdmin.errors.checkFields",
  handler: async (input, ctx) => {
    const result = await grantGoodwillCredit(ctx.actor, input);
    if (!result.ok) return refusedFields(result);
    const t = await getTranslations({ locale: ctx.locale, namespace: "StoreCreditAdmin.goodwill" });
    return ok({ ledgerId: result.ledgerId, message: t("done", { amount: formatMoney(result.amountCents, result.currency, ctx.locale), email: input.customerEmail }) }, { invalidate: tags(ctx) });
  },
});

export const adjustCreditDownAction = merchantAction({ role: "MANAGER" })({
  schema: adjustDownSchema,
  messages: "StoreCreditAdmin.errors",
  invalid: "StoreCreditAdmin.errors.checkFields",
  handler: async (input, ctx) => {
    const result = await adjustCreditDown(ctx.actor, input);
    if (!result.ok) return "fieldErrors" in result ? refusedFields(result) : fail(`StoreCreditAdmin.errors.${result.reason}`);
    return ok({ ledgerId: result.ledgerId }, { invalidate: tags(ctx) });
  },
});
