import { describe, expect, it } from "vitest";
import { currencyDigits, formatMoney, MAX_MINOR_UNITS, minorToDecimal, parseMoney } from "./money";

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

describe("parseMoney", () => {
  it.each([
    ["12", 2, { ok: true, cents: 1200 }],
    ["12.5", 2, { ok: true, cents: 1250 }],
    ["12,50", 2, { ok: true, cents: 1250 }],
    ["12.50", 2, { ok: true, cents: 1250 }],
    [" 12.50 ", 2, { ok: true, cents: 1250 }],
    ["0.01", 2, { ok: true, cents: 1 }],
    ["0", 2, { ok: true, cents: 0 }],
    ["007.10", 2, { ok: true, cents: 710 }],
    ["0.1", 2, { ok: true, cents: 10 }],
    // 0.1 + 0.2 style float errors cannot happen: the digits are concatenated, never multiplied.
    ["19.99", 2, { ok: true, cents: 1999 }],
    ["1234567.89", 2, { ok: true, cents: 123456789 }],
    ["21474836.47", 2, { ok: true, cents: MAX_MINOR_UNITS }],
    ["500", 0, { ok: true, cents: 500 }],
    ["1.234", 3, { ok: true, cents: 1234 }],
    ["", 2, { ok: false, reason: "required" }],
    ["   ", 2, { ok: false, reason: "required" }],
    ["-1", 2, { ok: false, reason: "format" }],
    ["+1", 2, { ok: false, reason: "format" }],
    ["1e3", 2, { ok: false, reason: "format" }],
    ["12.", 2, { ok: false, reason: "format" }],
    [".5", 2, { ok: false, reason: "format" }],
    ["1.000,50", 2, { ok: false, reason: "format" }],
    ["1 000", 2, { ok: false, reason: "format" }],
    ["12 €", 2, { ok: false, reason: "format" }],
    ["NaN", 2, { ok: false, reason: "format" }],
    ["Infinity", 2, { ok: false, reason: "format" }],
    ["0x10", 2, { ok: false, reason: "format" }],
    ["١٢", 2, { ok: false, reason: "format" }],
    ["12.345", 2, { ok: false, reason: "tooManyDecimals" }],
    ["12.5", 0, { ok: false, reason: "tooManyDecimals" }],
    ["21474836.48", 2, { ok: false, reason: "tooLarge" }],
    ["2147483648", 0, { ok: false, reason: "tooLarge" }],
    ["99999999999", 2, { ok: false, reason: "tooLarge" }],
    ["9".repeat(400), 2, { ok: false, reason: "tooLarge" }],
    ["0".repeat(30) + "1.00", 2, { ok: true, cents: 100 }],
  ] as const)("%j with %i decimals -> %j", (raw, digits, expected) => {
    expect(parseMoney(raw, digits)).toEqual(expected);
  });
});

describe("parseMoney with a smaller limit", () => {
  it.each([
    ["1000", 2, 100_000, { ok: true, cents: 100_000 }],
    ["1000.01", 2, 100_000, { ok: false, reason: "tooLarge" }],
    ["999999999999", 2, 100_000, { ok: false, reason: "tooLarge" }],
  ] as const)("%j with %i decimals, at most %i", (raw, digits, max, expected) => {
    expect(parseMoney(raw, digits, max)).toEqual(expected);
  });
});

describe("currencyDigits", () => {
  it.each([
    ["EUR", 2],
    ["USD", 2],
    ["JPY", 0],
    ["BHD", 3],
  ])("%s has %i", (currency, digits) => {
    expect(currencyDigits(currency)).toBe(digits);
  });
});

describe("minorToDecimal", () => {
  it.each([
    [1234, 2, "12.34"],
    [5, 2, "0.05"],
    [0, 2, "0.00"],
    [-5, 2, "-0.05"],
    [1500, 0, "1500"],
    [1234, 3, "1.234"],
  ])("%i with %i digits -> %s", (amount, digits, expected) => {
    expect(minorToDecimal(amount, digits)).toBe(expected);
  });

  it.each([
    [1250, 2, "12.50"],
    [1, 2, "0.01"],
    [0, 2, "0.00"],
    [500, 0, "500"],
    [1234, 3, "1.234"],
    [MAX_MINOR_UNITS, 2, "21474836.47"],
  ])("%i with %i decimals -> %s, and back through parseMoney", (cents, digits, text) => {
    expect(minorToDecimal(cents, digits)).toBe(text);
    expect(parseMoney(text, digits)).toEqual({ ok: true, cents });
  });

  it("refuses fractions", () => {
    expect(() => minorToDecimal(1.5, 2)).toThrow(TypeError);
    expect(() => minorToDecimal(12.5, 2)).toThrow(TypeError);
  });
});
