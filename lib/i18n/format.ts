import { createFormatter } from "next-intl";
import { INTL_TAGS, type Locale } from "@/lib/locales";

/**
 * Dates and numbers for `locale` as the stores' country writes them: with the locale's Intl tag
 * (`INTL_TAGS`: English is en-GB, day before month, 24-hour clock; the others are the Luxembourg
 * variants), never the bare language ("en" alone is US style: "12/7/26, 9:07 AM" for 12 July),
 * in `timeZone`: a store's own (`store.timeZone`) for what belongs to a store, a stated one
 * (lib/time.ts) for the rest. Stores have no country of their own yet: INTL_TAGS is where one
 * would come in. Pure: safe in pages, components and email rendering.
 */
export function formatterFor(locale: Locale, timeZone: string) {
  return createFormatter({ locale: INTL_TAGS[locale], timeZone });
}
