import { StorefrontListing } from "@/components/storefront/storefront-listing";
import { loadPublicStorefrontPage } from "@/lib/tenancy/loaders";

// A public page: rendered once, served from the page cache (lib/cache.ts).
export const revalidate = 60;
export async function generateStaticParams() {
  return [];
}

export default async function StorefrontHome({ params }: PageProps<"/[locale]/s/[store]">) {
  const { store, locale } = await loadPublicStorefrontPage(params);
  return <StorefrontListing store={store} locale={locale} page={1} />;
}
