import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { loadMerchantArea } from "@/lib/auth/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { urlConfig } from "@/lib/tenancy/request";
import { absoluteUrl, localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; merchantId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId } = await params;
  const area = await loadMerchantArea(merchantId);
  return { title: area.merchantName };
}

export default async function MerchantHome({ params }: Props) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const area = await loadMerchantArea(merchantId);
  const t = await getTranslations("Account.merchant");
  const tc = await getTranslations("Catalog.store");
  const config = urlConfig();
  const tl = await getTranslations("Loyalty.merchant");
  return (
    <section aria-labelledby="stores-title" className="flex flex-col gap-4">
      {area.access.role !== "STAFF" && (
        <a href={localizedPath(`/account/m/${encodeURIComponent(area.access.merchantId)}/loyalty`, locale, PLATFORM_DEFAULT_LOCALE)} className="self-start font-medium text-brand-700 underline">
          {tl("title")}
        </a>
      )}
      <h1 id="stores-title" className="text-xl font-semibold">
        {t("stores")}
      </h1>
      {area.access.storeIds && <p className="text-sm text-slate-600">{t("scoped")}</p>}
      {area.stores.length === 0 ? (
        <p className="text-slate-600">{t("noStores")}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {area.stores.map((store) => (
            <li key={store.id} className="flex flex-col gap-2 rounded-lg border border-slate-200 p-4 shadow-sm">
              <div className="flex items-center justify-between gap-2">
                <h2 className="text-lg font-semibold">{store.name}</h2>
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${store.isOpen ? "bg-green-100 text-green-800" : "bg-slate-100 text-slate-700"}`}>
                  {store.isOpen ? t("open") : t("closed")}
                </span>
              </div>
              <a
                href={localizedPath(`/account/m/${encodeURIComponent(area.access.merchantId)}/stores/${encodeURIComponent(store.id)}/products`, locale, PLATFORM_DEFAULT_LOCALE)}
                className="text-sm font-medium text-brand-700 underline"
              >
                {tc("manage")}
                <span className="sr-only"> – {store.name}</span>
              </a>
              <a
                href={absoluteUrl({ kind: "store", slug: store.slug, defaultLocale: store.defaultLocale }, "/", store.defaultLocale, config)}
                className="text-sm font-medium text-brand-700 underline"
              >
                {t("visit")}
                <span className="sr-only"> – {store.name}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
