import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ProductTable } from "@/components/catalog/product-table";
import { requireStoreAccess } from "@/lib/auth/loaders";
import { hasRole } from "@/lib/auth/types";
import { listStoreProducts } from "@/lib/catalog/data";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; merchantId: string; storeId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId, storeId } = await params;
  const access = await requireStoreAccess(merchantId, storeId);
  const t = await getTranslations("Catalog.list");
  return { title: `${t("title")} · ${access.store.name}` };
}

/** The store's products for every member; managers and owners also get the links to change them. */
export default async function ProductsPage({ params }: Props) {
  const { locale: raw, merchantId, storeId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const access = await requireStoreAccess(merchantId, storeId);
  const t = await getTranslations("Catalog.list");
  const products = await listStoreProducts(access.merchantId, access.store.id, access.store.defaultLocale);
  const canManage = hasRole(access.role, "MANAGER");
  const base = `/account/m/${encodeURIComponent(access.merchantId)}/stores/${encodeURIComponent(access.store.id)}/products`;
  return (
    <section aria-labelledby="products-title" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="products-title" className="text-2xl font-bold tracking-tight">
          {t("title")}
        </h1>
        {canManage && (
          <a href={localizedPath(`${base}/new`, locale, PLATFORM_DEFAULT_LOCALE)} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t("new")}
          </a>
        )}
      </div>
      {products.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center">
          <p className="font-medium">{t("emptyTitle")}</p>
          <p className="mt-1 text-slate-600">{canManage ? t("emptyManager") : t("emptyStaff")}</p>
        </div>
      ) : (
        <ProductTable
          products={products}
          currency={access.store.currency}
          locale={locale}
          editHref={canManage ? (id) => localizedPath(`${base}/${encodeURIComponent(id)}`, locale, PLATFORM_DEFAULT_LOCALE) : null}
        />
      )}
    </section>
  );
}
