/** Every locale the platform speaks. Pure module: safe in the proxy, server and client. */
export const LOCALES = ["en", "fr", "de", "lb"] as const;
export type Locale = (typeof LOCALES)[number];

/** The platform apex's default locale (stores choose their own). */
export const PLATFORM_DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Names of the locales in their own language, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  fr: "Français",
  de: "Deutsch",
  lb: "Lëtzebuergesch",
};

/** The Intl tag used to format dates, numbers and money for a locale. */
export const INTL_TAGS: Record<Locale, string> = { en: "en-GB", fr: "fr-LU", de: "de-LU", lb: "lb-LU" };

/** The best of `offered` for an Accept-Language header, or `fallback`. */
export function negotiateLocale(acceptLanguage: string | null | undefined, offered: readonly Locale[], fallback: Locale): Locale {
  if (!acceptLanguage) return fallback;
  const wanted = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.split("-")[0]!, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const w of wanted) {
    const match = offered.find((l) => l === w.lang);
    if (match) return match;
  }
  return fallback;
}
