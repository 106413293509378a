import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./csv";

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
