import type { ReactNode } from "react";
import type { GiftCardLedgerKind, GiftCardLedgerRowView } from "@/lib/gift-cards/types";

export interface GiftCardLedgerLabels {
  date: string;
  what: string;
  store: string;
  staff: string;
  amount: string;
  balanceAfter: string;
  online: string;
  empty: string;
  reversal: string;
  reversed: string;
  kinds: Record<GiftCardLedgerKind, string>;
}

/**
 * A gift card's movements, newest first: when, what (with a correction's reason), where, who,
 * how much and the balance after. `actions` adds a cell per row (a manager's reversal).
 */
export function GiftCardLedgerTable({
  rows,
  labels,
  formatDate,
  formatMoney,
  actions,
}: {
  rows: GiftCardLedgerRowView[];
  labels: GiftCardLedgerLabels;
  formatDate: (date: Date) => string;
  formatMoney: (cents: number) => string;
  actions?: (row: GiftCardLedgerRowView) => ReactNode;
}) {
  if (rows.length === 0) return <p className="text-slate-600">{labels.empty}</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="gift-card-history">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">{labels.date}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{labels.what}</th>
            <th scope="col" className="hidden py-2 pr-4 font-medium sm:table-cell">{labels.store}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{labels.staff}</th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">{labels.amount}</th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">{labels.balanceAfter}</th>
            {actions && <th scope="col" className="py-2"><span className="sr-only">{labels.what}</span></th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100 align-top" data-kind={row.kind}>
              <td className="py-2 pr-4 sm:whitespace-nowrap">{formatDate(row.createdAt)}</td>
              <td className="py-2 pr-4">
                {row.reversesId ? labels.reversal : labels.kinds[row.kind]}
                {row.orderId && <span className="text-slate-600"> · {labels.online}</span>}
                {row.reason && row.kind === "ADJUST" && <span className="text-slate-600"> · {row.reason}</span>}
                {row.reversed && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{labels.reversed}</span>}
              </td>
              <td className="hidden py-2 pr-4 sm:table-cell">{row.storeName ?? "—"}</td>
              <td className="py-2 pr-4 wrap-anywhere">{row.staffEmail ?? "—"}</td>
              <td className={`py-2 pr-4 text-right font-medium tabular-nums whitespace-nowrap ${row.amountCents < 0 ? "text-red-700" : "text-green-800"}`}>
                {row.amountCents > 0 ? `+${formatMoney(row.amountCents)}` : `−${formatMoney(-row.amountCents)}`}
              </td>
              <td className="py-2 pr-4 text-right tabular-nums whitespace-nowrap">{formatMoney(row.balanceAfterCents)}</td>
              {actions && <td className="py-2">{actions(row)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
