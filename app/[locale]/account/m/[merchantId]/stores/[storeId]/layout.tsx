import { getTranslations, setRequestLocale } from "next-intl/server";
import { StoreNav } from "@/components/catalog/store-nav";
import { requireStoreAccess } from "@/lib/auth/loaders";
import { hasRole } from "@/lib/auth/types";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { urlConfig } from "@/lib/tenancy/request";
import { absoluteUrl, localizedPath, storeAddress } from "@/lib/tenancy/urls";

/**
 * The frame of one store in the merchant area: its name and its sections. Members of the store
 * only (another merchant's store, or one outside the member's scope, is a 404); each page below
 * gates itself again with the role it needs.
 */
export default async function StoreLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string; merchantId: string; storeId: string }>;
}) {
  const { locale: raw, merchantId, storeId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const access = await requireStoreAccess(merchantId, storeId);
  const [t, ts, tt] = await Promise.all([getTranslations("Catalog.store"), getTranslations("StoreSettings.nav"), getTranslations("Terminal")]);
  const base = `/account/m/${encodeURIComponent(access.merchantId)}/stores/${encodeURIComponent(access.store.id)}`;
  const items = (["products", "coupons", "orders"] as const).map((section) => {
    const href = localizedPath(`${base}/${section}`, locale, PLATFORM_DEFAULT_LOCALE);
    return { href, label: t(section), marker: `/stores/${encodeURIComponent(access.store.id)}/${section}` };
  });
  // Settings and domains are the owners' (the pages gate themselves too).
  if (hasRole(access.role, "OWNER")) {
    for (const section of ["settings", "domains"] as const) {
      const href = localizedPath(`${base}/${section}`, locale, PLATFORM_DEFAULT_LOCALE);
      items.push({ href, label: ts(section), marker: `/stores/${encodeURIComponent(access.store.id)}/${section}` });
    }
  }
  // Staff work at the counter on the store's own host, where they sign in again.
  const terminal = absoluteUrl(storeAddress(access.store, urlConfig()), "/terminal", access.store.defaultLocale, urlConfig());
  items.push({ href: terminal, label: tt("title"), marker: "/terminal" });
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <p className="text-sm text-slate-600">{t("eyebrow")}</p>
        <p className="text-xl font-semibold">{access.store.name}</p>
        <StoreNav label={t("navLabel", { store: access.store.name })} items={items} />
      </div>
      {children}
    </div>
  );
}
