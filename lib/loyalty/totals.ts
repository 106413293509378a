/**
 * Weekly totals for the merchant's chart. Pure: the rows come from data.ts (one per store and
 * week, weeks as the Monday's date "YYYY-MM-DD").
 */

export interface WeekTotal {
  week: string;
  issued: number;
  redeemed: number;
}

/** "2026-11-30" minus `weeks` weeks, as a date string (calendar arithmetic in UTC: no time-zone drift). */
export function weeksBefore(week: string, weeks: number): string {
  const [y, m, d] = week.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - weeks * 7)).toISOString().slice(0, 10);
}

/**
 * The `count` weeks ending with `currentWeek`, oldest first, with every store added up and empty weeks as zeros, so the chart shows
 * quiet weeks as gaps instead of hiding them.
 */
export function chartWeeks(rows: ReadonlyArray<WeekTotal>, currentWeek: string, count = 8): WeekTotal[] {
  const sums = new Map<string, WeekTotal>();
  for (const row of rows) {
    const total = sums.get(row.week) ?? { week: row.week, issued: 0, redeemed: 0 };
    total.issued += row.issued;
    total.redeemed += row.redeemed;
    sums.set(row.week, total);
  }
  return Array.from({ length: count }, (_, i) => {
    const week = weeksBefore(currentWeek, count - 1 - i);
    return sums.get(week) ?? { week, issued: 0, redeemed: 0 };
  });
}
