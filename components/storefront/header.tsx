import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/locales";
import type { PublicStorefront } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";
import { CartLink } from "./cart-link";
import { LoyaltyLink } from "./loyalty-link";

/** The storefront's header: the same for every visitor (the cart count and a member's balance are filled in by the browser). */
export async function StorefrontHeader({
  store,
  locale,
  name,
  logoUrl,
  loyalty,
}: {
  store: PublicStorefront;
  locale: Locale;
  name: string;
  logoUrl: string | null;
  /** True when the merchant's loyalty program is published: the header invites visitors to join. */
  loyalty: boolean;
}) {
  const t = await getTranslations();
  const href = (path: string) => localizedPath(path, locale, store.defaultLocale);
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("Common.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-4">
        <a href={href("/")} className="flex items-center gap-3 text-xl font-bold tracking-tight">
          {/* eslint-disable-next-line @next/next/no-img-element -- logos are served by our own file route */}
          {logoUrl && <img src={logoUrl} alt="" className="h-10 w-auto" data-testid="store-logo" />}
          {name}
        </a>
        <nav aria-label={name} className="flex flex-wrap items-center justify-end gap-x-4 gap-y-1">
          {loyalty && <LoyaltyLink joinHref={href("/loyalty/join")} cardHref={href("/account/loyalty")} badgeUrl={href("/loyalty/badge")} text={t("Storefront.loyalty")} />}
          <a href={href("/account")} className="text-sm font-medium text-slate-700 hover:text-slate-900">
            {t("Storefront.account")}
          </a>
          <CartLink href={href("/cart")} countUrl={href("/cart/count")} text={t("Cart.link")} />
        </nav>
      </div>
    </header>
  );
}
