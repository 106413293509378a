import type { ReactNode } from "react";

export interface DataColumn {
  label: string;
  /** Right-aligned (counts, amounts). */
  numeric?: boolean;
}

/** A list in the account and admin areas: a scrolling table with its column headers and the rows the caller renders. */
export function DataTable({ columns, caption, children }: { columns: DataColumn[]; caption?: string; children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            {columns.map((c, i) => (
              <th key={c.label} scope="col" className={["py-2", i < columns.length - 1 ? "pr-4" : "", c.numeric ? "text-right" : ""].filter(Boolean).join(" ")}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
