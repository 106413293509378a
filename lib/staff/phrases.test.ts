import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generatePhrase, normalizePhrase, phraseSpace, phraseWordCount, PHRASE_WORDS } from "./phrases";

describe("access code phrases", () => {
  it("word lists have no duplicates and only plain lower-case letters", () => {
    for (const list of Object.values(PHRASE_WORDS)) {
      expect(new Set(list).size).toBe(list.length);
      for (const word of list) expect(word).toMatch(/^[a-z]+$/);
    }
    expect(PHRASE_WORDS.adjectives).toHaveLength(128);
    expect(PHRASE_WORDS.nouns).toHaveLength(128);
  });

  it("a phrase is a number, adjectives and a noun", () => {
    const first = () => 0;
    expect(generatePhrase(first)).toBe("two able acorns");
    expect(generatePhrase(first, 4)).toBe("two able able acorns");
    const phrase = generatePhrase(randomInt, 3);
    expect(phrase.split(" ")).toHaveLength(3);
    expect(normalizePhrase(phrase)).toBe(phrase);
  });

  it.each([
    [0, 3],
    [4, 3],
    [5, 4],
    [10, 5],
  ])("attempt %i uses %i words, so collisions make the space grow", (attempt, words) => {
    expect(phraseWordCount(attempt)).toBe(words);
  });

  it("the space is large and grows 128-fold with each word", () => {
    expect(phraseSpace(3)).toBe(11 * 128 * 128);
    expect(phraseSpace(4)).toBe(phraseSpace(3) * 128);
  });

  it.each([
    ["Three Spicy Napkins", "three spicy napkins"],
    ["  three-spicy   napkins. ", "three spicy napkins"],
    ["THREE_SPICY_NAPKINS", "three spicy napkins"],
    ["3 spicy napkins", "spicy napkins"],
    ["", ""],
    ["!!!", ""],
  ])("normalizes %j to %j", (raw, phrase) => {
    expect(normalizePhrase(raw)).toBe(phrase);
  });
});
