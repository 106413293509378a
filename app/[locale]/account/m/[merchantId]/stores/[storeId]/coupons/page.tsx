import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { couponTexts } from "@/components/coupons/describe";
import { PauseButton } from "@/components/coupons/pause-button";
import { DataTable } from "@/components/layout/data-table";
import { ActionForm } from "@/components/ui/action-form";
import { requireStoreAccess } from "@/lib/auth/loaders";
import { setCouponPausedAction } from "@/lib/coupons/actions";
import { loadStoreCoupons } from "@/lib/coupons/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";
import { EmptyState } from "@/components/ui/empty-state";

type Props = {
  params: Promise<{ locale: string; merchantId: string; storeId: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId, storeId } = await params;
  const access = await requireStoreAccess(merchantId, storeId, "MANAGER");
  const t = await getTranslations("Coupons.merchant");
  return { title: `${t("title")} · ${access.store.name}` };
}

/** The store's coupons with their conditions and redemption counts (managers and owners). */
export default async function CouponsPage({ params }: Props) {
  const { locale: raw, merchantId, storeId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const access = await requireStoreAccess(merchantId, storeId, "MANAGER");
  const [t, texts, coupons] = await Promise.all([
    getTranslations("Coupons.merchant"),
    couponTexts(locale, access.store.currency),
    loadStoreCoupons(access.merchantId, access.store.id),
  ]);
  const base = `/account/m/${encodeURIComponent(access.merchantId)}/stores/${encodeURIComponent(access.store.id)}/coupons`;
  const link = (path: string) =>
    localizedPath(`${base}${path}`, locale, PLATFORM_DEFAULT_LOCALE);
  const pauseAction = setCouponPausedAction.bind(
    null,
    access.merchantId,
    access.store.id,
  );

  return (
    <section aria-labelledby="coupons-title" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="coupons-title" className="text-2xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <a
          href={link("/new")}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          {t("new")}
        </a>
      </div>
      {coupons.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <DataTable
          columns={[
            { label: t("code") },
            { label: t("discount") },
            { label: t("conditions") },
            { label: t("redemptions"), numeric: true },
            { label: t("status") },
            { label: t("actions") },
          ]}
        >
          {coupons.map((c) => (
            <tr key={c.id} data-testid="coupon-row" data-code={c.code}>
              <td className="py-2 pr-4 font-mono font-semibold">{c.code}</td>
              <td className="py-2 pr-4">{texts.discount(c)}</td>
              <td className="py-2 pr-4">
                <ul
                  className="space-y-0.5 text-slate-700"
                  data-testid="coupon-conditions"
                >
                  {texts.conditions(c).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {c.redemptionCount}
                {c.totalLimit !== null ? ` / ${c.totalLimit}` : ""}
              </td>
              <td className="py-2 pr-4">{t(c.status)}</td>
              <td className="py-2">
                <div className="flex flex-wrap items-center gap-3">
                  <a
                    href={link(`/${encodeURIComponent(c.id)}`)}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {t("editLink")}
                  </a>
                  <a
                    href={link(`/${encodeURIComponent(c.id)}#redemptions`)}
                    className="text-slate-700 hover:underline"
                  >
                    {t("viewRedemptions")}
                  </a>
                  <ActionForm action={pauseAction}>
                    <input type="hidden" name="couponId" value={c.id} />
                    <input
                      type="hidden"
                      name="paused"
                      value={c.paused ? "false" : "true"}
                    />
                    <PauseButton
                      label={c.paused ? t("resume") : t("pause")}
                      pendingLabel={t("pausing")}
                    />
                  </ActionForm>
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
