import { loadCartBadge } from "@/lib/cart/loaders";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";

/** The visitor's cart badge for the storefront header (components/storefront/cart-link.tsx). */
export async function GET(_request: Request, { params }: RouteContext<"/[locale]/s/[store]/cart/count">) {
  const { store, locale } = await loadStorefrontPage(params);
  return Response.json(await loadCartBadge(store, locale), { headers: { "cache-control": "private, no-store" } });
}
