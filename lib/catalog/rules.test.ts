import { describe, expect, it } from "vitest";
import { isOnSale, isValidSlug, normalizeSlug, listingPageNumber, pageCount, pageWindow, pickTranslation, storefrontListingPath } from "./rules";

describe("slugs", () => {
  it.each([
    ["summer-dress", true],
    ["a", true],
    ["dress-2026", true],
    ["42", true],
    ["a".repeat(80), true],
    ["a".repeat(81), false],
    ["", false],
    ["Summer-Dress", false],
    ["summer--dress", false],
    ["-summer", false],
    ["summer-", false],
    ["summer dress", false],
    ["summer_dress", false],
    ["été", false],
    ["../etc", false],
    ["a/b", false],
  ])("%j is valid: %s", (slug, valid) => {
    expect(isValidSlug(slug)).toBe(valid);
  });

  it("lower-cases and trims what merchants type", () => {
    expect(normalizeSlug("  Summer-Dress ")).toBe("summer-dress");
    expect(isValidSlug(normalizeSlug("Summer-Dress"))).toBe(true);
  });
});

describe("pickTranslation", () => {
  const translations = [
    { locale: "fr", title: "Robe" },
    { locale: "en", title: "Dress" },
    { locale: "de", title: "  " },
  ];
  it.each([
    ["en", "fr", "Dress"],
    ["fr", "en", "Robe"],
    ["lb", "fr", "Robe"],
    ["de", "en", "Dress"],
  ] as const)("in %s with default %s -> %s", (locale, defaultLocale, title) => {
    expect(pickTranslation(translations, locale, defaultLocale)?.title).toBe(title);
  });
  it("finds nothing without the locale or the default", () => {
    expect(pickTranslation([{ locale: "de", title: "Kleid" }], "en", "fr")).toBeUndefined();
  });
});

describe("isOnSale", () => {
  it.each([
    ["PUBLIC", null, true],
    ["HIDDEN", null, true],
    ["DRAFT", null, false],
    ["PUBLIC", new Date(), false],
    ["HIDDEN", new Date(), false],
  ] as const)("%s archived %s -> %s", (visibility, archivedAt, onSale) => {
    expect(isOnSale({ visibility, archivedAt })).toBe(onSale);
  });
});

describe("pagination", () => {
  it.each([
    ["1", 1],
    ["2", 2],
    ["40", 40],
    ["999999", 999999],
    ["", null],
    ["0", null],
    ["-1", null],
    ["1.5", null],
    ["abc", null],
    ["01", null],
    ["9999999", null],
  ])("/page/%s -> %s", (raw, page) => {
    expect(listingPageNumber(raw)).toBe(page);
  });

  it.each([
    [1, "en", "/"],
    [1, "fr", "/fr"],
    [2, "en", "/page/2"],
    [40, "fr", "/fr/page/40"],
  ] as const)("page %i in %s -> %s", (page, locale, path) => {
    expect(storefrontListingPath(page, locale, "en")).toBe(path);
  });

  it.each([
    [1, 1, [1]],
    [1, 3, [1, 2, 3]],
    [1, 167, [1, 2, 3, "gap", 167]],
    [40, 167, [1, "gap", 38, 39, 40, 41, 42, "gap", 167]],
    [4, 167, [1, 2, 3, 4, 5, 6, "gap", 167]],
    [167, 167, [1, "gap", 165, 166, 167]],
    [5, 7, [1, 2, 3, 4, 5, 6, 7]],
  ] as const)("page %i of %i shows %j", (page, count, shown) => {
    expect(pageWindow(page, count)).toEqual(shown);
  });

  it.each([
    [0, 1],
    [1, 1],
    [12, 1],
    [13, 2],
    [24, 2],
    [25, 3],
  ])("%i products make %i pages of 12", (total, pages) => {
    expect(pageCount(total)).toBe(pages);
  });
});
