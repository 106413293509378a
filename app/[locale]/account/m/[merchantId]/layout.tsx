import { getTranslations, setRequestLocale } from "next-intl/server";
import { loadMerchantArea } from "@/lib/auth/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

/**
 * The frame of one merchant's area. Members only: anyone else gets the 404 page, so another
 * merchant's area looks exactly like one that does not exist. Pages below gate themselves too.
 */
export default async function MerchantAreaLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string; merchantId: string }>;
}) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const area = await loadMerchantArea(merchantId);
  const t = await getTranslations("Account");
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1 border-b border-slate-200 pb-4">
        <nav aria-label={t("merchant.allBusinesses")} className="text-sm">
          <a href={localizedPath("/account", locale, PLATFORM_DEFAULT_LOCALE)} className="text-brand-700 underline">
            {t("merchant.allBusinesses")}
          </a>
        </nav>
        <p className="text-2xl font-bold tracking-tight">{area.merchantName}</p>
        <p className="text-sm text-slate-600">{t("yourRole", { role: t(`roles.${area.access.role}`) })}</p>
      </header>
      {children}
    </div>
  );
}
