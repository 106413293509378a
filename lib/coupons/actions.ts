"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { fail, failFields, ok } from "@/lib/actions/pipeline";
import type { MessageKey } from "@/lib/actions/form-state";
import { merchantStoreAction, type MerchantStoreContext } from "@/lib/auth/action-clients";
import { cacheTags } from "@/lib/cache";
import { localizedPath } from "@/lib/tenancy/urls";
import { PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { createCoupon, setCouponPaused, updateCoupon, type CouponWriteResult } from "./mutations";
import { couponEditSchema, couponFormSchema, couponPauseSchema, type CouponFieldError } from "./schema";

/**
 * The merchant coupon actions, bound to (merchantId, storeId) by the page; the coupon being
 * edited or paused is a hidden field. Each one passes the store gate with MANAGER (another
 * merchant's store: notFound; staff: forbidden), parses the form (field errors, nothing
 * written), calls one mutation (which records the audit event in its transaction) and drops the
 * store's and the merchant's cache tags; the forms then return to the list.
 */

const errorKey = (code: CouponFieldError): MessageKey => `Coupons.merchant.errors.${code}`;

/** What a coupon write shows on: the store's storefront and the merchant's account area. */
function tagsOf(ctx: MerchantStoreContext) {
  return [cacheTags.store(ctx.store.id), cacheTags.account(ctx.merchantId)];
}

function afterWrite(result: CouponWriteResult, ctx: MerchantStoreContext) {
  if (!result.ok) {
    if (result.reason === "notFound") return fail("Coupons.merchant.errors.notFound");
    const fields = Object.fromEntries(Object.entries(result.fieldErrors).map(([field, code]) => [field, errorKey(code)]));
    return failFields(fields, undefined, result.params);
  }
  const list = `/account/m/${encodeURIComponent(ctx.merchantId)}/stores/${encodeURIComponent(ctx.store.id)}/coupons`;
  return ok(undefined, { invalidate: tagsOf(ctx), redirectTo: localizedPath(list, ctx.locale, PLATFORM_DEFAULT_LOCALE) });
}

export const createCouponAction = merchantStoreAction({ role: "MANAGER" })({
  schema: (ctx) => couponFormSchema(ctx.store.currency, ctx.store.timeZone),
  messages: "Coupons.merchant.errors",
  echo: ["code"],
  handler: async (input, ctx) => afterWrite(await createCoupon(ctx.actor, input), ctx),
});

export const updateCouponAction = merchantStoreAction({ role: "MANAGER" })({
  schema: (ctx) => z.intersection(couponEditSchema, couponFormSchema(ctx.store.currency, ctx.store.timeZone)),
  messages: "Coupons.merchant.errors",
  echo: ["code"],
  handler: async ({ couponId, ...input }, ctx) => {
    if (!couponId) notFound();
    return afterWrite(await updateCoupon(ctx.actor, couponId, input), ctx);
  },
});

/** Pause / resume from the list (a form with hidden couponId and paused fields). */
export const setCouponPausedAction = merchantStoreAction({ role: "MANAGER" })({
  schema: couponPauseSchema,
  messages: "Coupons.merchant.errors",
  handler: async (input, ctx) => {
    if (!input.couponId || !(await setCouponPaused(ctx.actor, input.couponId, input.paused))) notFound();
    return ok(undefined, { invalidate: tagsOf(ctx) });
  },
});
