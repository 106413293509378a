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
