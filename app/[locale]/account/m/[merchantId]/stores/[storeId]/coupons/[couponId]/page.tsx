import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { CouponForm } from "@/components/coupons/coupon-form";
import { couponFormLabels, couponFormValues } from "@/components/coupons/form-labels";
import { DataTable } from "@/components/layout/data-table";
import { requireStoreAccess } from "@/lib/auth/loaders";
import { currencyDigits } from "@/lib/money";
import { updateCouponAction } from "@/lib/coupons/actions";
import { findCoupon, listRedemptions } from "@/lib/coupons/data";
import { couponIdSchema } from "@/lib/coupons/schema";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; merchantId: string; storeId: string; couponId: string }> };

async function load(props: Props) {
  const { merchantId, storeId, couponId } = await props.params;
  const access = await requireStoreAccess(merchantId, storeId, "MANAGER");
  const id = couponIdSchema.safeParse(couponId);
  const coupon = id.success ? await findCoupon(access.merchantId, access.store.id, id.data) : null;
  if (!coupon) notFound();
  return { access, coupon };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { coupon } = await load(props);
  const t = await getTranslations("Coupons.merchant");
  return { title: t("edit", { code: coupon.code }) };
}

/** Edit one coupon and see its redemptions (managers and owners of this store only). */
export default async function CouponPage(props: Props) {
  const { locale: raw } = await props.params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const { access, coupon } = await load(props);
  const [t, format, labels, redemptions] = await Promise.all([
    getTranslations("Coupons.merchant"),
    getFormatter(),
    couponFormLabels("edit"),
    listRedemptions(access.merchantId, access.store.id, coupon.id),
  ]);
  const back = `/account/m/${encodeURIComponent(access.merchantId)}/stores/${encodeURIComponent(access.store.id)}/coupons`;
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="coupon-title" className="flex flex-col gap-4">
        <a href={localizedPath(back, locale, PLATFORM_DEFAULT_LOCALE)} className="text-sm text-slate-600 hover:underline">
          ← {t("back")}
        </a>
        <h1 id="coupon-title" className="text-2xl font-bold tracking-tight">
          {t("edit", { code: coupon.code })}
        </h1>
        <CouponForm
          action={updateCouponAction.bind(null, access.merchantId, access.store.id)}
          couponId={coupon.id}
          initial={couponFormValues(coupon, currencyDigits(access.store.currency), access.store.timeZone)}
          labels={labels}
          currency={access.store.currency}
        />
      </section>
      <section id="redemptions" aria-labelledby="redemptions-title" className="flex flex-col gap-3">
        <h2 id="redemptions-title" className="text-xl font-semibold">
          {t("redemptionsTitle", { code: coupon.code })}
        </h2>
        {redemptions.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">{t("noRedemptions")}</p>
        ) : (
          <DataTable columns={[{ label: t("date") }, { label: t("order") }, { label: t("email") }, { label: t("amount"), numeric: true }, { label: t("status") }]}>
            {redemptions.map((r) => (
              <tr key={r.id}>
                <td className="py-2 pr-4">{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                <td className="py-2 pr-4 font-mono">{r.orderNumber}</td>
                <td className="py-2 pr-4">{r.email}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(r.amountCents, access.store.currency, locale)}</td>
                <td className="py-2">{t(`redemptionStatus.${r.status}`)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
