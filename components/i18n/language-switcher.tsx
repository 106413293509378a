import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/locales";
import { LanguageLinks } from "./language-links";

/** The language links of a page (none when only one locale is offered). */
export async function LanguageSwitcher({
  locale,
  locales,
  defaultLocale,
  storeSlug = null,
}: {
  locale: Locale;
  locales: readonly Locale[];
  defaultLocale: Locale;
  storeSlug?: string | null;
}) {
  if (locales.length < 2) return null;
  const t = await getTranslations("Common");
  return <LanguageLinks label={t("language")} locale={locale} locales={locales} defaultLocale={defaultLocale} storeSlug={storeSlug} />;
}
