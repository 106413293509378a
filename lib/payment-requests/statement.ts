/**
 * The grouped reminder's content, pure: one statement per payer with every item they still
 * owe the merchant (soonest due first, undated last) and the total per currency (a merchant's
 * stores may sell in several).
 */

export interface OwedItem {
  requestId: string;
  payerId: string;
  storeId: string;
  reference: string;
  /** The first line's title, and how many lines there are. */
  title: string;
  lineCount: number;
  currency: string;
  totalCents: number;
  /** YYYY-MM-DD, or null. */
  dueOn: string | null;
  overdue: boolean;
  createdAt: Date;
}

export interface CurrencyTotal {
  currency: string;
  totalCents: number;
}

export interface Statement<Item extends OwedItem = OwedItem> {
  payerId: string;
  items: Item[];
  totals: CurrencyTotal[];
}

/** Items by due date (undated last), then by creation. */
export function compareOwed(a: OwedItem, b: OwedItem): number {
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.requestId < b.requestId ? -1 : 1);
}

/** The sum of each currency's items, currencies in alphabetical order. */
export function totalsByCurrency(items: readonly Pick<OwedItem, "currency" | "totalCents">[]): CurrencyTotal[] {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(item.currency, (sums.get(item.currency) ?? 0) + item.totalCents);
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, totalCents]) => ({ currency, totalCents }));
}

/** One statement per payer, payers in the order their first item appears. */
export function groupByPayer<Item extends OwedItem>(items: readonly Item[]): Statement<Item>[] {
  const byPayer = new Map<string, Item[]>();
  for (const item of items) {
    const list = byPayer.get(item.payerId);
    if (list) list.push(item);
    else byPayer.set(item.payerId, [item]);
  }
  return [...byPayer.entries()].map(([payerId, list]) => {
    const sorted = [...list].sort(compareOwed);
    return { payerId, items: sorted, totals: totalsByCurrency(sorted) };
  });
}
