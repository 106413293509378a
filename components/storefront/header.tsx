import { getTranslations } from "next-intl/server";
import { loadCartItemCount } from "@/lib/cart/loaders";
import type { Locale } from "@/lib/i18n/locales";
import type { Storefront } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";

export async function StorefrontHeader({ store, locale, name, logoUrl }: { store: Storefront; locale: Locale; name: string; logoUrl: string | null }) {
  const [t, cartCount] = await Promise.all([getTranslations(), loadCartItemCount(store)]);
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
        <nav aria-label={name} className="flex items-center gap-4">
          <a href={href("/account")} className="text-sm font-medium text-slate-700 hover:text-slate-900">
            {t("Storefront.account")}
          </a>
          <a
            href={href("/cart")}
            aria-label={t("Cart.linkLabel", { count: cartCount })}
            className="inline-flex items-center gap-1.5 text-sm font-medium text-slate-700 hover:text-slate-900"
            data-testid="header-cart"
          >
            {t("Cart.link")}
            <span className="rounded-full bg-slate-900 px-2 py-0.5 text-xs font-semibold text-white tabular-nums" data-testid="header-cart-count">
              {cartCount}
            </span>
          </a>
        </nav>
      </div>
    </header>
  );
}
