/**
 * Report periods: calendar days (day keys of lib/time.ts) in the report's time zone, which the
 * caller chose: a one-store report the store's, an all-stores report the stores' shared one.
 * Pure module (table-tested in period.test.ts).
 */
import { addDays } from "@/lib/time";

/** The longest period a report covers, in days (a year, leap day included). */
export const MAX_PERIOD_DAYS = 366;

/** The period shown when none is chosen: the last 30 days, today included. */
export const DEFAULT_PERIOD_DAYS = 30;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written as YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (y < 2000 || y > 2999) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Days from `from` to `to`, both included. */
export function periodLength(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

/** Every day of the period, in order. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export interface Period {
  from: string;
  to: string;
}

export type PeriodError = "invalidDate" | "rangeOrder" | "rangeTooLong";

/**
 * The period a report asks for: both days given and valid, `from` not after `to`, at most
 * MAX_PERIOD_DAYS long. Missing days default to the DEFAULT_PERIOD_DAYS ending today (or ending
 * on `to`, or starting on `from`).
 */
export function parsePeriod(
  input: { from?: string; to?: string },
  today: string,
): { ok: true; period: Period } | { ok: false; error: PeriodError } {
  const from = input.from?.trim() || undefined;
  const to = input.to?.trim() || undefined;
  if ((from && !isCalendarDate(from)) || (to && !isCalendarDate(to))) return { ok: false, error: "invalidDate" };
  const end = to ?? (from ? minDay(addDays(from, DEFAULT_PERIOD_DAYS - 1), today) : today);
  const start = from ?? addDays(end, -(DEFAULT_PERIOD_DAYS - 1));
  if (start > end) return { ok: false, error: "rangeOrder" };
  if (periodLength(start, end) > MAX_PERIOD_DAYS) return { ok: false, error: "rangeTooLong" };
  return { ok: true, period: { from: start, to: end } };
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}
