/**
 * CSV for the orders export (RFC 4180, comma-separated, CRLF line ends). Pure module.
 */

/**
 * One field: quoted when it holds a comma, quote or line break. Text that a spreadsheet would
 * run as a formula (starting with = + - @, a tab or a carriage return) gets a leading
 * apostrophe, so a buyer's email or a product title can never execute in the merchant's
 * spreadsheet.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: ReadonlyArray<string | number | null>): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** Minor units as a plain decimal number in major units ("1234" with 2 digits -> "12.34"), no floats. */
export function minorToDecimal(amount: number, digits: number): string {
  if (!Number.isSafeInteger(amount)) throw new TypeError(`Expected an integer amount, got ${amount}`);
  if (digits === 0) return String(amount);
  const sign = amount < 0 ? "-" : "";
  const abs = String(Math.abs(amount)).padStart(digits + 1, "0");
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** An instant as local wall time in `timeZone`, "YYYY-MM-DD HH:MM:SS" (what spreadsheets read as a date). */
export function csvDateTime(instant: Date | null, timeZone: string): string | null {
  if (!instant) return null;
  // Swedish formats dates the ISO way.
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(instant);
}
