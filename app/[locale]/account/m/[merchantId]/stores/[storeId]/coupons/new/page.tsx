import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CouponForm } from "@/components/coupons/coupon-form";
import { couponFormLabels } from "@/components/coupons/form-labels";
import { requireStoreAccess } from "@/lib/auth/loaders";
import { createCouponAction } from "@/lib/coupons/actions";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; merchantId: string; storeId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId, storeId } = await params;
  await requireStoreAccess(merchantId, storeId, "MANAGER");
  const t = await getTranslations("Coupons.merchant");
  return { title: t("new") };
}

export default async function NewCouponPage({ params }: Props) {
  const { locale: raw, merchantId, storeId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const access = await requireStoreAccess(merchantId, storeId, "MANAGER");
  const [t, labels] = await Promise.all([getTranslations("Coupons.merchant"), couponFormLabels("create")]);
  const back = `/account/m/${encodeURIComponent(access.merchantId)}/stores/${encodeURIComponent(access.store.id)}/coupons`;
  return (
    <section aria-labelledby="coupon-title" className="flex flex-col gap-4">
      <a href={localizedPath(back, locale, PLATFORM_DEFAULT_LOCALE)} className="text-sm text-slate-600 hover:underline">
        ← {t("back")}
      </a>
      <h1 id="coupon-title" className="text-2xl font-bold tracking-tight">
        {t("new")}
      </h1>
      <CouponForm
        action={createCouponAction.bind(null, access.merchantId, access.store.id)}
        initial={{ kind: "PERCENT" }}
        labels={labels}
        currency={access.store.currency}
      />
    </section>
  );
}
