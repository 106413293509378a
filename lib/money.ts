import { INTL_TAGS, type Locale } from "@/lib/locales";

/**
 * Money as integer minor units of an ISO currency: how many digits a currency has, amounts as
 * people type them turned into minor units (and back) without ever going through a float, and
 * display. Pure module (table-tested in money.test.ts).
 */

/** Integer minor units of a currency. Never a float. */
export type Cents = number;

/** The largest amount a money column holds (PostgreSQL `integer`). */
export const MAX_MINOR_UNITS = 2_147_483_647;

/**
 * Stripe's smallest charge is 0.50 in the major unit of most currencies: 50 minor units. Orders
 * owing less are completed without a payment step (lib/payments/minimum.ts), and no gift card is
 * sold for less (lib/catalog).
 */
export const PAYMENT_MINIMUM_CENTS = 50;

const digitsCache = new Map<string, number>();

/** How many minor-unit digits a currency has (EUR 2, JPY 0, BHD 3), from the platform's Intl data. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

export type MoneyParseResult = { ok: true; cents: Cents } | { ok: false; reason: "required" | "format" | "tooManyDecimals" | "tooLarge" };

/**
 * An amount as typed ("12,50", "12.50", "12"): a decimal with at most `digits` decimals, "." or
 * "," as the separator, no sign, no exponent, no thousands separators, at most `max` minor units.
 * The digits are concatenated, never multiplied, so no float rounding can creep in.
 */
export function parseMoney(raw: string, digits: number, max: number = MAX_MINOR_UNITS): MoneyParseResult {
  const value = raw.trim();
  if (!value) return { ok: false, reason: "required" };
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(value);
  if (!match) return { ok: false, reason: "format" };
  const whole = match[1]!;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return { ok: false, reason: "tooManyDecimals" };
  const units = (whole + fraction.padEnd(digits, "0")).replace(/^0+(?=\d)/, "");
  // Compared as text first: a 400-digit input must not even become a BigInt.
  if (units.length > String(max).length || BigInt(units) > BigInt(max)) return { ok: false, reason: "tooLarge" };
  return { ok: true, cents: Number(units) };
}

/**
 * Minor units as a plain decimal in major units, the way forms and CSV files take them
 * ("1234" with 2 digits -> "12.34", -5 -> "-0.05", 500 with 0 digits -> "500"). No floats.
 */
export function minorToDecimal(amount: Cents, digits: number): string {
  if (!Number.isSafeInteger(amount)) throw new TypeError(`Expected an integer amount, got ${amount}`);
  if (digits === 0) return String(amount);
  const sign = amount < 0 ? "-" : "";
  const abs = String(Math.abs(amount)).padStart(digits + 1, "0");
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats minor units for display, e.g. 5900 EUR in fr -> "59,00 €". */
export function formatMoney(amountCents: Cents, currency: string, locale: Locale): string {
  if (!Number.isSafeInteger(amountCents)) throw new TypeError(`Money must be an integer number of minor units, got ${amountCents}`);
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(INTL_TAGS[locale], { style: "currency", currency });
    formatters.set(key, formatter);
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amountCents / 10 ** digits);
}
