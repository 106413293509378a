import { describe, expect, it } from "vitest";
import { formatMoney } from "./money";

// Intl separates amount and symbol with a narrow no-break space in some locales.
const normalize = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatMoney", () => {
  it.each([
    [5900, "EUR", "fr", "59,00 €"],
    [5900, "EUR", "de", "59,00 €"],
    [5900, "EUR", "en", "€59.00"],
    [199, "EUR", "lb", "1,99 €"],
    [0, "EUR", "en", "€0.00"],
    [1500, "JPY", "en", "JP¥1,500"],
    [123456, "CHF", "de", "1.234,56 CHF"],
  ] as const)("%i %s in %s -> %s", (cents, currency, locale, expected) => {
    expect(normalize(formatMoney(cents, currency, locale))).toBe(expected);
  });

  it("refuses fractions of a minor unit", () => {
    expect(() => formatMoney(10.5, "EUR", "en")).toThrow(TypeError);
  });
});
