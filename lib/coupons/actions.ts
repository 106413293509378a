"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireStoreAccess } from "@/lib/auth/loaders";
import type { StoreAccess } from "@/lib/auth/types";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { localizedPath } from "@/lib/tenancy/urls";
import { createCoupon, setCouponPaused, updateCoupon, type CouponActor } from "./mutations";
import { COUPON_FIELDS, couponFieldErrors, couponFormFields, couponFormSchema, couponIdSchema } from "./schema";
import type { CouponFormState } from "./types";

/**
 * The merchant coupon actions, bound to (merchantId, storeId[, couponId]) by the page. Each one
 * passes the store gate with MANAGER (another merchant's store: notFound; staff: forbidden),
 * parses the form (field errors, nothing written), calls one mutation (which records the audit
 * event in its transaction), revalidates and returns to the list.
 */

function actorOf(access: StoreAccess): CouponActor {
  return { merchantId: access.merchantId, storeId: access.store.id, userId: access.userId };
}

function typed(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of COUPON_FIELDS) {
    const value = formData.get(name);
    if (typeof value === "string") out[name] = value.slice(0, 200);
  }
  return out;
}

function couponsPath(merchantId: string, storeId: string): string {
  return `/account/m/${encodeURIComponent(merchantId)}/stores/${encodeURIComponent(storeId)}/coupons`;
}

function localeOf(formData: FormData) {
  const raw = formData.get("locale");
  return isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
}

function revalidateCoupons() {
  revalidatePath("/[locale]/account/m/[merchantId]/stores/[storeId]/coupons", "layout");
  revalidatePath("/[locale]/s/[store]", "layout");
}

export async function createCouponAction(merchantId: string, storeId: string, _prev: CouponFormState, formData: FormData): Promise<CouponFormState> {
  const access = await requireStoreAccess(merchantId, storeId, "MANAGER");
  const parsed = couponFormSchema(access.store.currency, access.store.timeZone).safeParse(couponFormFields(formData));
  if (!parsed.success) return { status: "error", fieldErrors: couponFieldErrors(parsed.error), values: typed(formData) };
  const result = await createCoupon(actorOf(access), parsed.data);
  if (!result.ok) {
    return result.reason === "invalid"
      ? { status: "error", fieldErrors: result.fieldErrors, params: result.params, values: typed(formData) }
      : { status: "error", formError: "notFound" };
  }
  revalidateCoupons();
  redirect(localizedPath(couponsPath(access.merchantId, access.store.id), localeOf(formData), PLATFORM_DEFAULT_LOCALE));
}

export async function updateCouponAction(
  merchantId: string,
  storeId: string,
  couponId: string,
  _prev: CouponFormState,
  formData: FormData,
): Promise<CouponFormState> {
  const access = await requireStoreAccess(merchantId, storeId, "MANAGER");
  const id = couponIdSchema.safeParse(couponId);
  if (!id.success) notFound();
  const parsed = couponFormSchema(access.store.currency, access.store.timeZone).safeParse(couponFormFields(formData));
  if (!parsed.success) return { status: "error", fieldErrors: couponFieldErrors(parsed.error), values: typed(formData) };
  const result = await updateCoupon(actorOf(access), id.data, parsed.data);
  if (!result.ok) {
    return result.reason === "invalid"
      ? { status: "error", fieldErrors: result.fieldErrors, params: result.params, values: typed(formData) }
      : { status: "error", formError: "notFound" };
  }
  revalidateCoupons();
  redirect(localizedPath(couponsPath(access.merchantId, access.store.id), localeOf(formData), PLATFORM_DEFAULT_LOCALE));
}

/** Pause / resume from the list (a plain form with hidden couponId and paused fields). */
export async function setCouponPausedAction(merchantId: string, storeId: string, formData: FormData): Promise<void> {
  const access = await requireStoreAccess(merchantId, storeId, "MANAGER");
  const id = couponIdSchema.safeParse(formData.get("couponId"));
  if (!id.success) notFound();
  const changed = await setCouponPaused(actorOf(access), id.data, formData.get("paused") === "true");
  if (!changed) notFound();
  revalidateCoupons();
}
