import { getTranslations } from "next-intl/server";
import { ProductGrid } from "@/components/storefront/product-grid";
import { listPublicProducts } from "@/lib/catalog/data";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";

export default async function StorefrontHome({ params }: PageProps<"/[locale]/s/[store]">) {
  const { store, locale } = await loadStorefrontPage(params);
  const t = await getTranslations("Storefront");
  const products = await listPublicProducts(store.merchantId, store.id, locale, store.defaultLocale);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t("welcome", { store: store.name })}</h1>
      <section aria-labelledby="products-heading" className="mt-8">
        <h2 id="products-heading" className="text-lg font-semibold">
          {t("products")}
        </h2>
        {products.length === 0 ? (
          <p className="mt-4 text-slate-600">{t("noProducts")}</p>
        ) : (
          <ProductGrid products={products} currency={store.currency} locale={locale} />
        )}
      </section>
    </>
  );
}
