import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanMultilineString, cleanString, containsPattern, hasControlCharacters, stripControlCharacters } from "./input";

describe("stripControlCharacters", () => {
  const cases: Array<[string, boolean, string]> = [
    ["BIENVENUE10", false, "BIENVENUE10"],
    ["AB\u0000CD", false, "ABCD"],
    ["a\nb\tc\rd", false, "abcd"],
    ["a\nb\tc\r\nd", true, "a\nb\tc\r\nd"],
    ["\u0000\u0001\u001f\u007f", true, ""],
    ["Léa Müller ✓ 日本", false, "Léa Müller ✓ 日本"],
    ["\u0085 and \u200b stay", false, "\u0085 and \u200b stay"],
  ];
  for (const [input, multiline, expected] of cases) {
    it(`${JSON.stringify(input)} (${multiline ? "multi-line" : "single line"})`, () => {
      expect(stripControlCharacters(input, { multiline })).toBe(expected);
    });
  }
});

describe("text inputs", () => {
  it("never let a control character through, whatever comes in", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (raw) => {
        const single = cleanString().trim().max(500).safeParse(raw);
        if (single.success) expect(hasControlCharacters(single.data)).toBe(false);
        const multi = cleanMultilineString().max(500).safeParse(raw);
        if (multi.success) expect(multi.data.replace(/[\n\r\t]/g, "")).toSatisfy((v: string) => !hasControlCharacters(v));
      }),
    );
  });

  it("strip before the other checks, so a NUL alone is an empty value", () => {
    expect(cleanString().min(1).safeParse("\u0000").success).toBe(false);
    expect(cleanString().trim().min(1).safeParse(" \u0000A ").data).toBe("A");
  });

  it("an error message given to the string is the message of each of its issues (a form's message key)", () => {
    const id = cleanString({ error: "invalid" }).trim().min(1).max(3);
    for (const raw of [undefined, 42, "", "\u0000", "abcd"]) expect(id.safeParse(raw).error?.issues.map((i) => i.message)).toEqual(["invalid"]);
    expect(id.safeParse("ab").data).toBe("ab");
  });
});

describe("containsPattern", () => {
  it("finds the text anywhere and takes %, _ and \\ literally", () => {
    expect(containsPattern("lea")).toBe("%lea%");
    expect(containsPattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });
});
