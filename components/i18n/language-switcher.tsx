import { getTranslations } from "next-intl/server";
import { LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";
import { requestHostContext } from "@/lib/tenancy/request";
import { localizedPath, stripLocalePrefix } from "@/lib/tenancy/urls";

/**
 * Links to the current page in each offered locale. Plain links: works without JavaScript and
 * keeps the default locale's URL without a prefix.
 */
export async function LanguageSwitcher({
  locale,
  locales,
  defaultLocale,
}: {
  locale: Locale;
  locales: readonly Locale[];
  defaultLocale: Locale;
}) {
  if (locales.length < 2) return null;
  const t = await getTranslations("Common");
  const { path } = await requestHostContext();
  const current = stripLocalePrefix(path, locales);
  return (
    <nav aria-label={t("language")}>
      <ul className="flex flex-wrap gap-1 text-sm">
        {locales.map((l) => (
          <li key={l}>
            <a
              href={localizedPath(current, l, defaultLocale)}
              hrefLang={l}
              lang={l}
              aria-current={l === locale ? "true" : undefined}
              className={
                l === locale
                  ? "rounded px-2 py-1 font-semibold text-brand-700 underline"
                  : "rounded px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              }
            >
              {LOCALE_NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
