import { describe, expect, it } from "vitest";
import { currencyDigits, formatPriceInput, MAX_PRICE_CENTS, parsePrice } from "./price";

describe("parsePrice", () => {
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
    ["21474836.47", 2, { ok: true, cents: MAX_PRICE_CENTS }],
    ["500", 0, { ok: true, cents: 500 }],
    ["1.234", 3, { ok: true, cents: 1234 }],
    ["", 2, { ok: false, reason: "required" }],
    ["   ", 2, { ok: false, reason: "required" }],
    ["-1", 2, { ok: false, reason: "priceFormat" }],
    ["+1", 2, { ok: false, reason: "priceFormat" }],
    ["1e3", 2, { ok: false, reason: "priceFormat" }],
    ["12.", 2, { ok: false, reason: "priceFormat" }],
    [".5", 2, { ok: false, reason: "priceFormat" }],
    ["1.000,50", 2, { ok: false, reason: "priceFormat" }],
    ["1 000", 2, { ok: false, reason: "priceFormat" }],
    ["12 €", 2, { ok: false, reason: "priceFormat" }],
    ["NaN", 2, { ok: false, reason: "priceFormat" }],
    ["Infinity", 2, { ok: false, reason: "priceFormat" }],
    ["0x10", 2, { ok: false, reason: "priceFormat" }],
    ["١٢", 2, { ok: false, reason: "priceFormat" }],
    ["12.345", 2, { ok: false, reason: "priceTooManyDecimals" }],
    ["12.5", 0, { ok: false, reason: "priceTooManyDecimals" }],
    ["21474836.48", 2, { ok: false, reason: "priceTooLarge" }],
    ["2147483648", 0, { ok: false, reason: "priceTooLarge" }],
    ["99999999999", 2, { ok: false, reason: "priceTooLarge" }],
    ["9".repeat(400), 2, { ok: false, reason: "priceTooLarge" }],
    ["0".repeat(30) + "1.00", 2, { ok: true, cents: 100 }],
  ] as const)("%j with %i decimals -> %j", (raw, digits, expected) => {
    expect(parsePrice(raw, digits)).toEqual(expected);
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

describe("formatPriceInput", () => {
  it.each([
    [1250, 2, "12.50"],
    [1, 2, "0.01"],
    [0, 2, "0.00"],
    [500, 0, "500"],
    [1234, 3, "1.234"],
    [MAX_PRICE_CENTS, 2, "21474836.47"],
  ])("%i with %i decimals -> %s, and back", (cents, digits, text) => {
    expect(formatPriceInput(cents, digits)).toBe(text);
    expect(parsePrice(text, digits)).toEqual({ ok: true, cents });
  });

  it("refuses non-integers", () => {
    expect(() => formatPriceInput(12.5, 2)).toThrow(TypeError);
    expect(() => formatPriceInput(-1, 2)).toThrow(TypeError);
  });
});
