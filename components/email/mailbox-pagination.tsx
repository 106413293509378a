import { getTranslations } from "next-intl/server";

const linkClass = "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50";

/** Previous / next links that keep the current filters. */
export async function MailboxPagination({ page, pageCount, hrefOfPage }: { page: number; pageCount: number; hrefOfPage: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("Mailbox.pagination");
  return (
    <nav aria-label={t("label")} className="mt-4 flex items-center justify-between gap-4">
      {page > 1 ? (
        <a href={hrefOfPage(page - 1)} rel="prev" className={linkClass}>
          {t("previous")}
        </a>
      ) : (
        <span />
      )}
      <p className="text-sm text-slate-600" aria-current="page">
        {t("page", { page, pages: pageCount })}
      </p>
      {page < pageCount ? (
        <a href={hrefOfPage(page + 1)} rel="next" className={linkClass}>
          {t("next")}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
