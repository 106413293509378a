import { getTranslations } from "next-intl/server";
import type { CouponTerms } from "@/lib/coupons/types";
import { minorToDecimal as decimal } from "@/lib/money";
import { toLocalDateTime } from "@/lib/time";
import type { CouponFormLabels } from "./coupon-form";

/** The coupon form's labels, rendered on the server. */
export async function couponFormLabels(mode: "create" | "edit"): Promise<CouponFormLabels> {
  const t = await getTranslations("Coupons.merchant");
  const form = t.raw("form") as Record<string, string>;
  return {
    code: form.code!,
    codeHint: form.codeHint!,
    kind: form.kind!,
    fixed: form.fixed!,
    percent: form.percent!,
    amount: form.amount!,
    percentValue: form.percentValue!,
    cap: form.cap!,
    minimum: form.minimum!,
    startsAt: form.startsAt!,
    endsAt: form.endsAt!,
    perCustomerLimit: form.perCustomerLimit!,
    totalLimit: form.totalLimit!,
    combinable: form.combinable!,
    submit: mode === "create" ? form.create! : form.save!,
    pending: mode === "create" ? form.creating! : form.saving!,
  };
}

/** A coupon's current values as the form's text fields, dates as wall time in the store's `timeZone`. */
export function couponFormValues(coupon: CouponTerms, currencyDigits: number, timeZone: string): Record<string, string> {
  return {
    code: coupon.code,
    kind: coupon.kind,
    amount: coupon.amountCents !== null ? decimal(coupon.amountCents, currencyDigits) : "",
    percent: coupon.percentBasisPoints !== null ? decimal(coupon.percentBasisPoints, 2).replace(/\.00$/, "") : "",
    cap: coupon.maxDiscountCents !== null ? decimal(coupon.maxDiscountCents, currencyDigits) : "",
    minimum: coupon.minSubtotalCents !== null ? decimal(coupon.minSubtotalCents, currencyDigits) : "",
    startsAt: coupon.startsAt ? toLocalDateTime(coupon.startsAt, timeZone) : "",
    endsAt: coupon.endsAt ? toLocalDateTime(coupon.endsAt, timeZone) : "",
    perCustomerLimit: coupon.perCustomerLimit?.toString() ?? "",
    totalLimit: coupon.totalLimit?.toString() ?? "",
    combinable: coupon.combinable ? "on" : "",
  };
}
