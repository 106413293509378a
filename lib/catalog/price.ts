/**
 * Prices as merchants type them, turned into integer minor units without ever going through a
 * float: "12,50" and "12.50" are both 1250 in a two-decimal currency. Pure module.
 */

/** The largest price a product row holds (PostgreSQL `integer`). */
export const MAX_PRICE_CENTS = 2_147_483_647;

export type PriceParseResult =
  | { ok: true; cents: number }
  | { ok: false; reason: "required" | "priceFormat" | "priceTooManyDecimals" | "priceTooLarge" };

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

/**
 * Parses a decimal price with at most `digits` decimals ("." or "," as the separator, no sign,
 * no exponent, no thousands separators) into minor units.
 */
export function parsePrice(raw: string, digits: number): PriceParseResult {
  const value = raw.trim();
  if (!value) return { ok: false, reason: "required" };
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(value);
  if (!match) return { ok: false, reason: "priceFormat" };
  const whole = match[1]!;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return { ok: false, reason: "priceTooManyDecimals" };
  const units = (whole + fraction.padEnd(digits, "0")).replace(/^0+(?=\d)/, "");
  // Compared as text first: a 400-digit input must not even become a BigInt.
  if (units.length > String(MAX_PRICE_CENTS).length || BigInt(units) > BigInt(MAX_PRICE_CENTS)) {
    return { ok: false, reason: "priceTooLarge" };
  }
  return { ok: true, cents: Number(units) };
}

/** The form value of a stored price: 1250 with 2 digits -> "12.50", 500 with 0 digits -> "500". */
export function formatPriceInput(cents: number, digits: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new TypeError(`Not a price in minor units: ${cents}`);
  if (digits === 0) return String(cents);
  const text = String(cents).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
