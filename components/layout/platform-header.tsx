import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { LOCALES, PLATFORM_DEFAULT_LOCALE, type Locale } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

/** The apex's header: brand, an optional slot (account links), and the language switcher. */
export async function PlatformHeader({ locale, children }: { locale: Locale; children?: React.ReactNode }) {
  const t = await getTranslations("Common");
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <a href={localizedPath("/", locale, PLATFORM_DEFAULT_LOCALE)} className="text-xl font-bold tracking-tight">
          {t("productName")}
        </a>
        <div className="flex flex-wrap items-center gap-4">
          {children}
          <LanguageSwitcher locale={locale} locales={LOCALES} defaultLocale={PLATFORM_DEFAULT_LOCALE} />
        </div>
      </div>
    </header>
  );
}
