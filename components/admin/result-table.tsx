import type { ReactNode } from "react";
import { Pagination } from "@/components/catalog/pagination";

export interface ResultColumn {
  label: string;
  /** Right-aligned (counts, amounts). */
  numeric?: boolean;
}

/**
 * One page of search results: the total (announced when it changes), the table with its caption
 * and column headers, the rows the caller renders, and the pagination.
 */
export function ResultTable({
  caption,
  total,
  columns,
  page,
  hrefOf,
  alignTop = false,
  children,
}: {
  caption: string;
  total: string;
  columns: ResultColumn[];
  page: { page: number; pageCount: number };
  hrefOf: (page: number) => string;
  alignTop?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <p className="text-sm text-slate-600" aria-live="polite">
        {total}
      </p>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" className={c.numeric ? "px-3 py-2 text-right" : "px-3 py-2"}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className={alignTop ? "divide-y divide-slate-100 bg-white align-top" : "divide-y divide-slate-100 bg-white"}>{children}</tbody>
        </table>
      </div>
      <Pagination page={page.page} pageCount={page.pageCount} hrefOf={hrefOf} />
    </>
  );
}
