import { getFormatter, getTranslations } from "next-intl/server";
import type { CouponReason, CouponTerms } from "@/lib/coupons/types";
import type { Locale } from "@/lib/locales";
import { formatMoney } from "@/lib/money";

const DATE_STYLE = { dateStyle: "long", timeStyle: "short" } as const;

/** Server-side text helpers for coupons, so every page words reasons and terms the same way. */
export async function couponTexts(locale: Locale, currency: string) {
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "Coupons" }), getFormatter({ locale })]);
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const date = (iso: string | Date) => format.dateTime(typeof iso === "string" ? new Date(iso) : iso, DATE_STYLE);
  const percent = (basisPoints: number) => format.number(basisPoints / 10000, { style: "percent", maximumFractionDigits: 2 });

  /** "Add 4,00 € more to use this code", "This code expired on …", … */
  function reason(code: CouponReason, params: Record<string, string | number>): string {
    switch (code) {
      case "NOT_STARTED":
        return t("reasons.NOT_STARTED", { date: date(String(params.startsAt)) });
      case "EXPIRED":
        return t("reasons.EXPIRED", { date: date(String(params.endsAt)) });
      case "BELOW_MINIMUM":
        return t("reasons.BELOW_MINIMUM", { missing: money(Number(params.missingCents)) });
      case "NOT_COMBINABLE":
        return t("reasons.NOT_COMBINABLE", { otherCode: String(params.otherCode) });
      default:
        return t(`reasons.${code}`);
    }
  }

  /** The discount itself: "10 % off your order, up to 20,00 €" or "5,00 € off your order". */
  function discount(terms: CouponTerms): string {
    if (terms.kind === "PERCENT") {
      const value = percent(terms.percentBasisPoints ?? 0);
      return terms.maxDiscountCents !== null
        ? t("terms.percentOffCapped", { percent: value, cap: money(terms.maxDiscountCents) })
        : t("terms.percentOff", { percent: value });
    }
    return t("terms.amountOff", { amount: money(terms.amountCents ?? 0) });
  }

  /** Every condition, one line each, in the visitor's locale. */
  function conditions(terms: CouponTerms): string[] {
    const lines: string[] = [];
    if (terms.minSubtotalCents) lines.push(t("terms.minimum", { amount: money(terms.minSubtotalCents) }));
    if (terms.startsAt) lines.push(t("terms.startsAt", { date: date(terms.startsAt) }));
    if (terms.endsAt) lines.push(t("terms.endsAt", { date: date(terms.endsAt) }));
    if (terms.perCustomerLimit) lines.push(t("terms.perCustomer", { count: terms.perCustomerLimit }));
    if (terms.totalLimit) lines.push(t("terms.totalLimit", { count: terms.totalLimit }));
    lines.push(terms.combinable ? t("terms.combinable") : t("terms.notCombinable"));
    return lines;
  }

  return { reason, discount, conditions, money, date, percent };
}
