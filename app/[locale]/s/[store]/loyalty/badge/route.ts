import { loadLoyaltyBadge } from "@/lib/loyalty/loaders";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";

/** The visitor's loyalty link for the storefront header (components/storefront/loyalty-link.tsx). */
export async function GET(_request: Request, { params }: RouteContext<"/[locale]/s/[store]/loyalty/badge">) {
  const { store, locale } = await loadStorefrontPage(params);
  return Response.json(await loadLoyaltyBadge(store, locale), { headers: { "cache-control": "private, no-store" } });
}
