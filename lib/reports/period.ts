/**
 * Report periods: calendar days in one time zone. Pure module (table-tested in period.test.ts).
 *
 * Stores have no time zone of their own yet, so every report (and the audit log's date filters)
 * reads days in the platform's zone, Europe/Luxembourg. When stores get a zone, a one-store
 * report passes that store's zone as `timeZone`; an all-stores report keeps the merchant's.
 */
export const REPORT_TIME_ZONE = "Europe/Luxembourg";

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

/** The calendar day of `instant` in `timeZone`, as YYYY-MM-DD. */
export function dayInZone(instant: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** `day` moved by `delta` days (both YYYY-MM-DD). */
export function addDays(day: string, delta: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + delta)).toISOString().slice(0, 10);
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
