import { getTranslations } from "next-intl/server";
import { AddToCartForm } from "./add-to-cart-form";

/**
 * "Add to cart" for a storefront product page. The action finds the store from the request
 * (never from the client) and the price from the catalog when the cart is read.
 */
export async function AddToCartButton({ productId, disabled, cartHref }: { productId: string; disabled?: boolean; cartHref: string }) {
  const t = await getTranslations("Cart");
  return (
    <AddToCartForm
      productId={productId}
      disabled={disabled}
      cartHref={cartHref}
      labels={{
        addToCart: t("addToCart"),
        adding: t("adding"),
        added: t("added"),
        viewCart: t("viewCart"),
      }}
    />
  );
}
