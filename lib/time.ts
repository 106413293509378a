/**
 * Time in a store's zone: the one place that turns instants into local days and wall times and
 * back. Pure module (Intl data, no library, no server-only code): pages, components, emails,
 * schemas and mutations all use it. Every function names its zone; nothing here reads the
 * process's own zone (the unit tests run in Asia/Kathmandu to catch that).
 *
 * Vocabulary: an instant is a `Date`; a day key is a calendar day written "YYYY-MM-DD"; a local
 * date-time is what `<input type="datetime-local">` holds, "YYYY-MM-DDTHH:MM".
 */

/**
 * The zone of a store that has not chosen one (also the schema's default and the seeds'), and
 * the stated zone of what belongs to no one store: the platform's own pages and a merchant's
 * stores when they do not share one zone.
 */
export const DEFAULT_TIME_ZONE = "Europe/Luxembourg";

const ZONE_NAME = /^(?:UTC|[A-Z][A-Za-z_-]+(?:\/[A-Z0-9][A-Za-z0-9_+-]*){1,2})$/;

/**
 * True for an IANA zone name the platform knows ("Europe/Luxembourg", "America/Argentina/Salta",
 * "UTC"), written as IANA writes it. Offsets ("+01:00"), abbreviations ("CET") and lower-case
 * spellings are refused, so what is stored is what PostgreSQL's `AT TIME ZONE` and Intl both read.
 */
export function isTimeZone(value: string): boolean {
  if (!ZONE_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The zones a store may choose from, sorted, `current` included even if Intl lists it under another name. */
export function timeZoneOptions(current?: string): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add("UTC");
  if (current && isTimeZone(current)) zones.add(current);
  return [...zones].sort();
}

/** The zone of what covers several stores: theirs when they share one, else DEFAULT_TIME_ZONE. */
export function sharedTimeZone(zones: readonly string[]): string {
  const first = zones[0];
  return first && zones.every((z) => z === first) ? first : DEFAULT_TIME_ZONE;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `instant` in `timeZone`, field by field. */
function wallClock(instant: number, timeZone: string) {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** The offset of `timeZone` from UTC at `instant`, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the wall clock of `timeZone` shows the given UTC-encoded wall time. */
function instantOfWallTime(wall: number, timeZone: string): Date {
  const first = wall - zoneOffsetMs(wall, timeZone);
  // A second pass settles instants next to a daylight-saving change.
  return new Date(wall - zoneOffsetMs(first, timeZone));
}

/** The calendar day of `instant` in `timeZone`, as a day key ("YYYY-MM-DD"). */
export function dayKey(instant: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** Today's day key in `timeZone`. */
export function todayKey(timeZone: string, now: Date = new Date()): string {
  return dayKey(now, timeZone);
}

/** `day` moved by `delta` days (day keys; whole calendar days, whatever the zone's clock does). */
export function addDays(day: string, delta: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + delta)).toISOString().slice(0, 10);
}

/** A day key as UTC midnight, for calendar dates stored without a time (a birthday, a PostgreSQL `date`). */
export function dayKeyToUtcDate(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The day key of a calendar date read from the database (UTC midnight): dayKeyToUtcDate's inverse. */
export function utcDateToDayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The instant the calendar day containing `now` started in `timeZone` (daily limits count per
 * local day). In a zone whose clocks skip midnight, the day starts at the first instant it has.
 */
export function startOfDay(now: Date, timeZone: string): Date {
  const w = wallClock(now.getTime(), timeZone);
  const offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(now.getTime() / 1000) * 1000;
  const wallMidnight = Date.UTC(w.year, w.month - 1, w.day);
  // The offset of "now" is right except on a daylight-saving day before the change: check once more.
  const guess = wallMidnight - offset;
  const hour = wallClock(guess, timeZone).hour;
  return hour === 0 ? new Date(guess) : new Date(guess + (hour > 12 ? (24 - hour) * 3_600_000 : -hour * 3_600_000));
}

/** The instant a day key's day starts in `timeZone` (a report's or a filter's first instant). */
export function startOfDayKey(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return instantOfWallTime(Date.UTC(y, m - 1, d), timeZone);
}

/**
 * A local date-time ("2026-12-31T23:59", seconds optional) read as wall time in `timeZone`.
 * Null for a value that is not a real date and time.
 */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  const check = new Date(guess);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return instantOfWallTime(guess, timeZone);
}

/** The local date-time of `instant` in `timeZone` ("YYYY-MM-DDTHH:MM"), for editing in a form. */
export function toLocalDateTime(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}

/** `instant` as wall time in `timeZone`, "YYYY-MM-DD HH:MM:SS" (what spreadsheets read as a date). */
export function formatSortableDateTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant.getTime(), timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
}
