import type { LedgerRowView } from "@/lib/loyalty/data";

export interface HistoryLabels {
  date: string;
  what: string;
  store: string;
  amount: string;
  online: string;
  empty: string;
  kinds: Record<LedgerRowView["kind"], string>;
  reversed: string;
}

/**
 * A card's movements: when, what (with the reward), where, how much. `actions` adds a cell per row (terminal).
 * On a phone the store goes under what happened instead of a column of its own, and the date may wrap,
 * so the amount stays in view without scrolling sideways.
 */
export function HistoryTable({
  rows,
  labels,
  formatDate,
  actions,
  extra,
}: {
  rows: LedgerRowView[];
  labels: HistoryLabels;
  formatDate: (date: Date) => string;
  actions?: (row: LedgerRowView) => React.ReactNode;
  extra?: { header: string; cell: (row: LedgerRowView) => React.ReactNode };
}) {
  if (rows.length === 0) return <p className="text-slate-600">{labels.empty}</p>;
  const place = (row: LedgerRowView) => (
    <>
      {row.storeName ?? "—"}
      {row.orderId && <span className="text-slate-600"> · {labels.online}</span>}
    </>
  );
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="loyalty-history">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">{labels.date}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{labels.what}</th>
            <th scope="col" className="hidden py-2 pr-4 font-medium sm:table-cell">{labels.store}</th>
            {extra && <th scope="col" className="py-2 pr-4 font-medium">{extra.header}</th>}
            <th scope="col" className="py-2 pr-4 text-right font-medium">{labels.amount}</th>
            {actions && <th scope="col" className="py-2"><span className="sr-only">{labels.what}</span></th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100 align-top" data-kind={row.kind}>
              <td className="py-2 pr-4 sm:whitespace-nowrap">{formatDate(row.createdAt)}</td>
              <td className="py-2 pr-4">
                {labels.kinds[row.kind]}
                {row.rewardName && <span className="text-slate-600"> · {row.rewardName}</span>}
                {row.reason && row.kind === "REVERSAL" && row.reason !== "order.refund" && <span className="text-slate-600"> · {row.reason}</span>}
                {row.reversed && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{labels.reversed}</span>}
                <span className="block text-slate-600 sm:hidden">{place(row)}</span>
              </td>
              <td className="hidden py-2 pr-4 sm:table-cell">{place(row)}</td>
              {extra && <td className="py-2 pr-4">{extra.cell(row)}</td>}
              <td className={`py-2 pr-4 text-right font-medium tabular-nums ${row.amount < 0 ? "text-red-700" : "text-green-800"}`}>
                {row.amount > 0 ? `+${row.amount}` : `−${Math.abs(row.amount)}`}
              </td>
              {actions && <td className="py-2">{actions(row)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
