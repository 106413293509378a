import { notFound, permanentRedirect } from "next/navigation";
import { StorefrontListing } from "@/components/storefront/storefront-listing";
import { listingPageNumber, storefrontListingPath } from "@/lib/catalog/rules";
import { loadPublicStorefrontPage } from "@/lib/tenancy/loaders";

// A public page: rendered once, served from the page cache (lib/cache.ts).
export const revalidate = 60;
export async function generateStaticParams() {
  return [];
}

/** Page n (n >= 2) of the storefront's catalog: /page/2, /fr/page/3. Page 1 is the home page. */
export default async function StorefrontListingPage({ params }: PageProps<"/[locale]/s/[store]/page/[n]">) {
  const { store, locale } = await loadPublicStorefrontPage(params);
  const page = listingPageNumber((await params).n);
  if (page === null) notFound();
  if (page === 1) permanentRedirect(storefrontListingPath(1, locale, store.defaultLocale));
  return <StorefrontListing store={store} locale={locale} page={page} />;
}
