import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, CODE_LENGTH, generateSignInCode, normalizeSignInCode } from "./codes";

describe("sign-in codes", () => {
  it("leaves out characters that are easy to misread", () => {
    for (const ch of "01ILO") expect(CODE_ALPHABET).not.toContain(ch);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  it("draws every character from the alphabet", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = generateSignInCode();
      expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`));
      for (const ch of code) seen.add(ch);
    }
    // 16,000 draws over 31 characters: every one shows up.
    expect(seen.size).toBe(CODE_ALPHABET.length);
  });

  it("does not repeat itself", () => {
    const codes = new Set(Array.from({ length: 1000 }, generateSignInCode));
    expect(codes.size).toBe(1000);
  });

  it.each([
    ["ABCD2345", "ABCD2345"],
    ["abcd2345", "ABCD2345"],
    ["abcd-2345", "ABCD2345"],
    [" ABCD 2345 ", "ABCD2345"],
    ["ABCD234", null],
    ["ABCD23456", null],
    ["ABCD2340", null],
    ["ABCDI345", null],
    ["ABCD_345", null],
    ["", null],
  ])("%j -> %j", (input, expected) => {
    expect(normalizeSignInCode(input)).toBe(expected);
  });
});
