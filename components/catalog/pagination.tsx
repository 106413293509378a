import { getTranslations } from "next-intl/server";
import { pageWindow } from "@/lib/catalog/rules";

/**
 * Previous / next links and the page numbers of a listing (the first, the last and those around
 * the current one), as a labelled navigation landmark. `hrefOf(page)` builds each page's URL.
 */
export async function Pagination({ page, pageCount, hrefOf }: { page: number; pageCount: number; hrefOf: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("Catalog.pagination");
  const link = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50";
  return (
    <nav aria-label={t("label")} className="mt-8 flex flex-wrap items-center justify-center gap-2">
      {page > 1 ? (
        <a href={hrefOf(page - 1)} rel="prev" className={link}>
          {t("previous")}
        </a>
      ) : (
        <span aria-disabled="true" className={`${link} text-slate-400`}>
          {t("previous")}
        </span>
      )}
      <ul className="flex flex-wrap gap-1">
        {pageWindow(page, pageCount).map((n, i) =>
          n === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 py-1.5 text-sm text-slate-500">
              …
            </li>
          ) : (
            <li key={n}>
              <a
                href={hrefOf(n)}
                aria-current={n === page ? "page" : undefined}
                aria-label={t("page", { page: n })}
                className={`${link} ${n === page ? "bg-brand-600 font-semibold text-white hover:bg-brand-700" : ""}`}
              >
                {n}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <a href={hrefOf(page + 1)} rel="next" className={link}>
          {t("next")}
        </a>
      ) : (
        <span aria-disabled="true" className={`${link} text-slate-400`}>
          {t("next")}
        </span>
      )}
    </nav>
  );
}
