import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ApplyCouponButton } from "@/components/cart/apply-coupon-button";
import { couponTexts } from "@/components/coupons/describe";
import { loadCouponPage, loadCouponStanding } from "@/lib/coupons/loaders";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; store: string; code: string }> };

async function loadCoupon(props: Props) {
  const { store, locale } = await loadStorefrontPage(props.params);
  const { code } = await props.params;
  const found = await loadCouponPage(store, decodeURIComponent(code));
  if (found.ok && !found.coupon) notFound();
  return { store, locale, found };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { found, locale } = await loadCoupon(props);
  const t = await getTranslations({ locale, namespace: "Coupons.page" });
  if (!found.ok) return { title: t("rateLimited", { minutes: found.retryAfterMinutes }) };
  return { title: t("title", { code: found.coupon!.code }) };
}

/** A coupon's shareable page: its terms in the visitor's locale and "apply to my cart". */
export default async function CouponPage(props: Props) {
  const { store, locale, found } = await loadCoupon(props);
  setRequestLocale(locale);
  if (!found.ok) {
    const t = await getTranslations("Coupons.page");
    return (
      <p role="alert" className="mx-auto max-w-xl rounded-xl border border-amber-200 bg-amber-50 p-8 text-amber-900" data-testid="coupon-rate-limited">
        {t("rateLimited", { minutes: found.retryAfterMinutes })}
      </p>
    );
  }
  const coupon = found.coupon!;
  const [t, texts, state] = await Promise.all([
    getTranslations("Coupons.page"),
    couponTexts(locale, store.currency),
    loadCouponStanding(store, coupon),
  ]);
  const cartHref = localizedPath("/cart", locale, store.defaultLocale);

  return (
    <article className="mx-auto max-w-xl space-y-6 rounded-xl border border-slate-200 p-8">
      <header className="space-y-2">
        <p className="text-sm text-slate-600">{t("intro", { store: store.name })}</p>
        <h1 className="text-2xl font-bold">{t("title", { code: coupon.code })}</h1>
        <p className="text-xl text-brand-700" data-testid="coupon-discount">
          {texts.discount(coupon)}
        </p>
      </header>
      <ul className="list-disc space-y-1 pl-5 text-slate-700" data-testid="coupon-terms">
        {texts.conditions(coupon).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {/* A code that no cart can use now (expired, paused, used up, not started) is not offered. */}
      {state.qualified ? (
        <ApplyCouponButton
          code={coupon.code}
          cartHref={cartHref}
          labels={{
            apply: t("apply"),
            applying: t("applying"),
            applied: t("applied"),
            notApplied: t("notApplied"),
            viewCart: t("viewCart"),
          }}
        />
      ) : (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900" data-testid="coupon-standing">
          {texts.reason(state.reason, state.params)}
        </p>
      )}
    </article>
  );
}
