"use client";

import { usePathname } from "next/navigation";

/**
 * The store's section links of the merchant area; the current section is marked for screen
 * readers. Computed in the browser so it stays right after client-side navigations (a form
 * that redirects), where the layout is not rendered again. `marker` is the locale-independent
 * part of each section's path ("/stores/<id>/products").
 */
export function StoreNav({ label, items }: { label: string; items: Array<{ href: string; label: string; marker: string }> }) {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1 border-b border-slate-200">
        {items.map((item) => {
          const current = pathname.endsWith(item.marker) || pathname.includes(`${item.marker}/`);
          return (
            <li key={item.href}>
              <a
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium ${
                  current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"
                }`}
              >
                {item.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
