import { PLATFORM_DEFAULT_LOCALE, type Locale } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

/**
 * The links between the pages of one section of the merchant area (gift cards, payment
 * requests): the current page is marked, not linked-looking.
 */
export function SectionNav<Key extends string>({
  label,
  links,
  current,
  locale,
}: {
  label: string;
  links: ReadonlyArray<{ key: Key; href: string; text: string }>;
  current: Key | null;
  locale: Locale;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-4 text-sm">
      {links.map((l) => (
        <a
          key={l.key}
          href={localizedPath(l.href, locale, PLATFORM_DEFAULT_LOCALE)}
          aria-current={current === l.key ? "page" : undefined}
          className={current === l.key ? "font-semibold text-slate-900" : "font-medium text-brand-700 underline"}
        >
          {l.text}
        </a>
      ))}
    </nav>
  );
}
