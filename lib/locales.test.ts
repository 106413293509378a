import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/lib/locales";

describe("negotiateLocale", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.8", "fr"],
    ["de-LU", "de"],
    ["lb", "lb"],
    ["es-ES,de;q=0.5", "de"],
    ["es,it", "en"],
    ["fr;q=0,de;q=0.1", "de"],
    ["garbage;;;,", "en"],
  ] as const)("%s -> %s", (header, expected) => {
    expect(negotiateLocale(header, ["en", "fr", "de", "lb"], "en")).toBe(expected);
  });

  it("only offers what the store offers", () => {
    expect(negotiateLocale("de,fr;q=0.9", ["fr", "en"], "fr")).toBe("fr");
  });
});
