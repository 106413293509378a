import { describe, expect, it } from "vitest";
import { normalizeSlug, slugProblem, suggestSlug } from "./rules";

describe("slugProblem", () => {
  it.each([
    ["", "required"],
    ["a", "slugFormat"],
    ["-shop", "slugFormat"],
    ["shop-", "slugFormat"],
    ["my_shop", "slugFormat"],
    ["my.shop", "slugFormat"],
    ["x".repeat(64), "slugFormat"],
    ["admin", "slugReserved"],
    ["www", "slugReserved"],
    ["api", "slugReserved"],
    ["terminal", "slugReserved"],
    ["bakery-schmit", null],
    ["a1", null],
    ["x".repeat(63), null],
  ] as const)("%j -> %s", (slug, problem) => {
    expect(slugProblem(slug)).toBe(problem);
  });

  it("normalizes what people type before checking", () => {
    expect(slugProblem(normalizeSlug("  Admin "))).toBe("slugReserved");
    expect(normalizeSlug(" My-Shop ")).toBe("my-shop");
  });
});

describe("suggestSlug", () => {
  it.each([
    ["Café Léa", "cafe-lea"],
    ["  Bäckerei Schmit & Söhne ", "backerei-schmit-sohne"],
    ["!!!", ""],
  ])("%j -> %j", (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
  });
});
