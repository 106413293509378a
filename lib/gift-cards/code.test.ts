import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GIFT_CARD_ALPHABET, GIFT_CARD_CODE_LENGTH, codeLast4, formatGiftCardCode, generateGiftCardCode, hashGiftCardCode, parseGiftCardCode } from "./code";

const bytes = (values: number[]) => () => Uint8Array.from(values);

describe("gift-card codes", () => {
  it("are 16 characters of the unambiguous alphabet, shown in groups of four", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateGiftCardCode(randomBytes);
      expect(code).toHaveLength(GIFT_CARD_CODE_LENGTH);
      expect([...code].every((ch) => GIFT_CARD_ALPHABET.includes(ch))).toBe(true);
      expect(formatGiftCardCode(code)).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      expect(parseGiftCardCode(code)).toEqual({ ok: true, code });
    }
    expect(GIFT_CARD_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it("draw without bias by skipping bytes above the last whole multiple of the alphabet", () => {
    // 248 = 8 * 31 is the first byte refused; 0 maps to "2", 30 to "Z".
    const code = generateGiftCardCode(bytes([248, 255, ...Array.from({ length: 28 }, (_, i) => i)]));
    expect(code.slice(0, 15)).toBe(GIFT_CARD_ALPHABET.slice(0, 15));
  });

  it("are read case-insensitively, with or without dashes and spaces", () => {
    const code = generateGiftCardCode(randomBytes);
    const grouped = formatGiftCardCode(code);
    for (const typed of [grouped, grouped.toLowerCase(), code.toLowerCase(), ` ${grouped.replace(/-/g, " ")} `]) {
      expect(parseGiftCardCode(typed)).toEqual({ ok: true, code });
    }
  });

  it("catch every single wrong character and every swap of neighbours with the check character", () => {
    const code = generateGiftCardCode(randomBytes);
    for (let i = 0; i < code.length; i++) {
      for (const ch of GIFT_CARD_ALPHABET) {
        if (ch === code[i]) continue;
        const typo = code.slice(0, i) + ch + code.slice(i + 1);
        expect(parseGiftCardCode(typo)).toEqual({ ok: false, reason: "typo" });
      }
    }
    for (let i = 0; i + 1 < code.length; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(parseGiftCardCode(swapped)).toEqual({ ok: false, reason: "typo" });
    }
  });

  it.each([
    ["", "malformed"],
    ["ABCD-EFGH", "malformed"],
    ["ABCD-EFGH-JKMN-PQRS-T", "malformed"],
    // O, 0, 1, I and L are not in the alphabet: refused rather than guessed.
    ["OOOO-0000-1111-IIII", "malformed"],
    ["ABCD-EFGH-JKMN-PQR!", "malformed"],
  ])("refuse %j as %s", (typed, reason) => {
    expect(parseGiftCardCode(typed)).toEqual({ ok: false, reason });
  });

  it("are stored as a SHA-256 hash and their last four characters only", () => {
    const code = "7KQM4XRT9HCPWV2D";
    expect(hashGiftCardCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashGiftCardCode(code)).toBe(hashGiftCardCode(code));
    expect(hashGiftCardCode(code)).not.toContain(code.toLowerCase());
    expect(codeLast4(code)).toBe("WV2D");
  });
});
