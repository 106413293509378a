import { getLocale, getTranslations } from "next-intl/server";
import { storeOfRequest } from "@/lib/cart/request";
import { isLocale } from "@/lib/i18n/locales";
import { loadStorefront } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";
import { AddToCartForm } from "./add-to-cart-form";
import type { CartErrorMessages } from "./messages";

/**
 * "Add to cart" for a storefront product page. The store comes from the request (never from
 * the client) and the price from the catalog when the cart is read.
 */
export async function AddToCartButton({ productId, disabled }: { productId: string; disabled?: boolean }) {
  const [t, rawLocale, requestStore] = await Promise.all([getTranslations("Cart"), getLocale(), storeOfRequest()]);
  const locale = isLocale(rawLocale) ? rawLocale : "en";
  const store = requestStore ? await loadStorefront(requestStore.slug) : null;
  const cartHref = localizedPath("/cart", locale, store?.defaultLocale ?? locale);
  return (
    <AddToCartForm
      productId={productId}
      disabled={disabled || !store}
      cartHref={cartHref}
      labels={{
        addToCart: t("addToCart"),
        adding: t("adding"),
        added: t("added"),
        viewCart: t("viewCart"),
        errors: t.raw("errors") as CartErrorMessages,
      }}
    />
  );
}
