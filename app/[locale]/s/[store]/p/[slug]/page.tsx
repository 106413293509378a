import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AddToCartButton } from "@/components/cart/add-to-cart-button";
import { ProductDetails } from "@/components/catalog/product-details";
import { GiftCardPurchase } from "@/components/gift-cards/gift-card-purchase";
import { loadStorefrontProduct } from "@/lib/catalog/loaders";
import { isValidSlug } from "@/lib/catalog/rules";
import { loadPublicStorefrontPage } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; store: string; slug: string }> };

// A public page: rendered once, served from the page cache (lib/cache.ts).
export const revalidate = 60;
export async function generateStaticParams() {
  return [];
}

async function loadProduct(props: Props) {
  const { store, locale } = await loadPublicStorefrontPage(props.params);
  const { slug } = await props.params;
  // A slug that could never exist needs no query.
  const product = isValidSlug(slug) ? await loadStorefrontProduct(store, slug, locale) : null;
  if (!product) notFound();
  return { store, locale, product };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { product } = await loadProduct(props);
  // Hidden products open by link only: keep them out of search engines too.
  return { title: product.title, robots: product.visibility === "HIDDEN" ? { index: false, follow: false } : undefined };
}

export default async function ProductPage(props: Props) {
  const { store, locale, product } = await loadProduct(props);
  const t = await getTranslations("Catalog.storefront");
  return (
    <ProductDetails product={product} currency={store.currency} locale={locale} defaultLocale={store.defaultLocale} backLabel={t("backToProducts")}>
      {product.giftCardOffer ? (
        <GiftCardPurchase
          productId={product.id}
          offer={product.giftCardOffer}
          currency={store.currency}
          locale={locale}
          timeZone={store.timeZone}
          disabled={product.stock === 0 || !store.isOpen}
          cartHref={localizedPath("/cart", locale, store.defaultLocale)}
        />
      ) : (
        <AddToCartButton productId={product.id} disabled={product.stock === 0 || !store.isOpen} cartHref={localizedPath("/cart", locale, store.defaultLocale)} />
      )}
    </ProductDetails>
  );
}
