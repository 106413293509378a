import { INTL_TAGS, type Locale } from "@/lib/i18n/locales";

/** Integer minor units of a currency. Never a float. */
export type Cents = number;

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
