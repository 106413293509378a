import { MAX_LINE_QUANTITY } from "./types";

/**
 * A quantity as typed in the cart's box: digits only (no sign, fraction or exponent) for a whole
 * number from 1 to MAX_LINE_QUANTITY, else null. The box never removes a line: "Remove" does.
 * Pure and free of zod: the cart's client component imports it, and zod in a browser bundle
 * probes for eval, which the Content-Security-Policy refuses.
 */
export function parseTypedQuantity(raw: string): number | null {
  const typed = raw.trim();
  if (!/^\d{1,6}$/.test(typed)) return null;
  const quantity = Number(typed);
  return quantity >= 1 && quantity <= MAX_LINE_QUANTITY ? quantity : null;
}
