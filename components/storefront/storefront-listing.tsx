import { getTranslations } from "next-intl/server";
import { Pagination } from "@/components/catalog/pagination";
import { ProductGrid } from "@/components/storefront/product-grid";
import { loadStorefrontListing } from "@/lib/catalog/loaders";
import { storefrontListingPath } from "@/lib/catalog/rules";
import type { Locale } from "@/lib/locales";
import { storefrontProfile } from "@/lib/stores/loaders";
import type { PublicStorefront } from "@/lib/tenancy/loaders";

/** The storefront home: the store's welcome and one page of its public catalog. */
export async function StorefrontListing({ store, locale, page }: { store: PublicStorefront; locale: Locale; page: number }) {
  const [t, tc, listing] = await Promise.all([
    getTranslations("Storefront"),
    getTranslations("Catalog.storefront"),
    loadStorefrontListing(store, locale, page),
  ]);
  const profile = storefrontProfile(store, locale);
  const hrefOf = (n: number) => storefrontListingPath(n, locale, store.defaultLocale);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t("welcome", { store: profile.name })}</h1>
      {profile.tagline && <p className="mt-2 text-lg text-slate-700" data-testid="store-tagline">{profile.tagline}</p>}
      {profile.description && <p className="mt-4 max-w-2xl whitespace-pre-line text-slate-600" data-testid="store-description">{profile.description}</p>}
      <section aria-labelledby="products-heading" className="mt-8">
        <h2 id="products-heading" className="text-lg font-semibold">
          {t("products")}
          {listing.pageCount > 1 && <span className="ml-2 text-sm font-normal text-slate-600">{tc("pageOf", { page, pageCount: listing.pageCount })}</span>}
        </h2>
        {listing.products.length === 0 ? (
          listing.total === 0 ? (
            <p className="mt-4 text-slate-600">{t("noProducts")}</p>
          ) : (
            <p className="mt-4 text-slate-600">
              {tc("pastLastPage")}{" "}
              <a href={hrefOf(1)} className="text-brand-700 underline">
                {tc("firstPage")}
              </a>
            </p>
          )
        ) : (
          <ProductGrid products={listing.products} currency={store.currency} locale={locale} defaultLocale={store.defaultLocale} />
        )}
        <Pagination page={Math.min(page, listing.pageCount)} pageCount={listing.pageCount} hrefOf={hrefOf} />
      </section>
    </>
  );
}
