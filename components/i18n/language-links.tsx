"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { LOCALE_NAMES, type Locale } from "@/lib/locales";
import { localizedPath, pathForLanguageLinks } from "@/lib/tenancy/urls";

interface Props {
  label: string;
  locale: Locale;
  locales: readonly Locale[];
  defaultLocale: Locale;
  /** On a storefront: the store whose internal segment the rendered path may carry. */
  storeSlug: string | null;
}

function Links({ search, ...props }: Props & { search: string }) {
  const { label, locale, locales, defaultLocale, storeSlug } = props;
  const current = pathForLanguageLinks(usePathname(), locales, storeSlug);
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1 text-sm">
        {locales.map((l) => (
          <li key={l}>
            <a
              href={localizedPath(current, l, defaultLocale) + search}
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

function LinksWithQuery(props: Props) {
  const search = useSearchParams().toString();
  return <Links {...props} search={search ? `?${search}` : ""} />;
}

/**
 * Links to the current page in each offered locale, keeping its query. Plain links that work
 * without JavaScript; on a cached page the query is only known in the browser, so the links
 * rendered with the page carry none until then.
 */
export function LanguageLinks(props: Props) {
  return (
    <Suspense fallback={<Links {...props} search="" />}>
      <LinksWithQuery {...props} />
    </Suspense>
  );
}
