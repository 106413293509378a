import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CARD_ALPHABET, generateCardNumber, parseCardNumber } from "./card-number";

const fixed = (byte: number) => (n: number) => new Uint8Array(n).fill(byte);
const sequence = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7) % 30);

describe("generateCardNumber", () => {
  it("prints as three groups of four from the alphabet and parses back", () => {
    for (let i = 0; i < 200; i++) {
      const number = generateCardNumber((n) => randomBytes(n));
      expect(number).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      expect(parseCardNumber(number)).toBe(number);
    }
  });

  it("is random: 2,000 numbers never collide", () => {
    const seen = new Set(Array.from({ length: 2000 }, () => generateCardNumber((n) => randomBytes(n))));
    expect(seen.size).toBe(2000);
  });

  it("skips bytes that would bias the alphabet", () => {
    // 255 is above the largest unbiased byte (240): only the byte after it counts.
    let calls = 0;
    const number = generateCardNumber((n) => (calls++ === 0 ? new Uint8Array(n).fill(255) : new Uint8Array(n).fill(1)));
    expect(number.replace(/-/g, "").slice(0, 11)).toBe(CARD_ALPHABET[1]!.repeat(11));
  });

  it("is deterministic for fixed bytes", () => {
    expect(generateCardNumber(fixed(0))).toBe(generateCardNumber(fixed(0)));
  });
});

describe("parseCardNumber", () => {
  const valid = generateCardNumber(sequence);
  const compact = valid.replace(/-/g, "");
  it.each([
    ["as printed", valid, valid],
    ["lower case with spaces", ` ${compact.toLowerCase().match(/.{4}/g)!.join(" ")} `, valid],
    ["without dashes", compact, valid],
    ["empty", "", null],
    ["too short", compact.slice(0, 11), null],
    ["too long", compact + "2", null],
    ["a look-alike letter O", "O" + compact.slice(1), null],
    ["punctuation", compact.slice(0, 11) + "!", null],
    ["an email address", "lea@example.test", null],
  ])("%s", (_label, input, expected) => {
    expect(parseCardNumber(input)).toBe(expected);
  });

  it("refuses every single-character typo", () => {
    for (let position = 0; position < 12; position++) {
      for (const ch of CARD_ALPHABET) {
        if (ch === compact[position]) continue;
        const typo = compact.slice(0, position) + ch + compact.slice(position + 1);
        const parsed = parseCardNumber(typo);
        // Only the letter exactly 29 places away in value can slip through the modulus.
        if (parsed !== null) expect(Math.abs(CARD_ALPHABET.indexOf(ch) - CARD_ALPHABET.indexOf(compact[position]!)) % 29).toBe(0);
      }
    }
  });

  it("refuses swapped neighbours", () => {
    const body = generateCardNumber(sequence).replace(/-/g, "");
    expect(new Set(body).size).toBeGreaterThan(10);
    for (let i = 0; i < 11; i++) {
      if (body[i] === body[i + 1]) continue;
      const swapped = body.slice(0, i) + body[i + 1] + body[i] + body.slice(i + 2);
      expect(parseCardNumber(swapped), `swap at ${i}`).toBeNull();
    }
  });
});
