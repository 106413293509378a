import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ProductForm } from "@/components/catalog/product-form";
import { productFormText } from "@/components/catalog/product-form-text";
import { requireStoreAccess } from "@/lib/auth/loaders";
import { createProductAction } from "@/lib/catalog/actions";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; merchantId: string; storeId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId, storeId } = await params;
  await requireStoreAccess(merchantId, storeId, "MANAGER");
  const t = await getTranslations("Catalog.edit");
  return { title: t("newTitle") };
}

export default async function NewProductPage({ params }: Props) {
  const { locale: raw, merchantId, storeId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const access = await requireStoreAccess(merchantId, storeId, "MANAGER");
  const t = await getTranslations("Catalog.edit");
  const list = localizedPath(`/account/m/${encodeURIComponent(access.merchantId)}/stores/${encodeURIComponent(access.store.id)}/products`, locale, PLATFORM_DEFAULT_LOCALE);
  return (
    <section aria-labelledby="product-title" className="flex flex-col gap-4">
      <h1 id="product-title" className="text-2xl font-bold tracking-tight">
        {t("newTitle")}
      </h1>
      <ProductForm
        action={createProductAction.bind(null, access.merchantId, access.store.id)}
        mode="create"
        store={{ currency: access.store.currency, defaultLocale: access.store.defaultLocale, locales: access.store.locales }}
        initial={{ kind: "PHYSICAL", visibility: "DRAFT" }}
        cancelHref={list}
        text={await productFormText(access.store.currency)}
      />
    </section>
  );
}
