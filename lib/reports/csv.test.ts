import { describe, expect, it } from "vitest";
import { csvDateTime, csvField, csvLine, minorToDecimal } from "./csv";

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""],
    ["+33 6", "'+33 6"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["", ""],
  ])("%j -> %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("writes numbers as they are and null as an empty field", () => {
    expect(csvField(-250)).toBe("-250");
    expect(csvField(null)).toBe("");
    expect(csvLine(["FH-1", null, 3])).toBe("FH-1,,3\r\n");
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

  it("refuses fractions", () => {
    expect(() => minorToDecimal(1.5, 2)).toThrow(TypeError);
  });
});

describe("csvDateTime", () => {
  it("writes local wall time in the report's zone", () => {
    expect(csvDateTime(new Date("2026-12-01T23:30:05Z"), "Europe/Luxembourg")).toBe("2026-12-02 00:30:05");
    expect(csvDateTime(new Date("2026-07-01T12:00:00Z"), "Europe/Luxembourg")).toBe("2026-07-01 14:00:00");
    expect(csvDateTime(null, "Europe/Luxembourg")).toBeNull();
  });
});
