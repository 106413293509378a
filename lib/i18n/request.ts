import { getRequestConfig } from "next-intl/server";
import { stampedLocale } from "@/lib/tenancy/request";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import { isLocale, PLATFORM_DEFAULT_LOCALE, type Locale } from "@/lib/locales";

export async function loadMessages(locale: Locale) {
  return (await import(`../../messages/${locale}.json`)).default;
}

// Every route lives under app/[locale], which the proxy always fills with a known locale. Renders
// without the param (a not-found boundary) fall back to the locale the proxy stamped.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = (await requestLocale) ?? (await stampedLocale());
  const locale: Locale = isLocale(requested) ? requested : PLATFORM_DEFAULT_LOCALE;
  return {
    locale,
    messages: await loadMessages(locale),
    // A page showing a store's dates passes the store's zone; this is the stated zone of the rest.
    timeZone: DEFAULT_TIME_ZONE,
  };
});
