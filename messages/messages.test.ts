import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import de from "./de.json";
import en from "./en.json";
import fr from "./fr.json";
import lb from "./lb.json";

const catalogs: Record<(typeof LOCALES)[number], unknown> = { en, fr, de, lb };

function leaves(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else {
    out.set(prefix, String(value));
  }
  return out;
}

/** ICU argument names used in a message, e.g. {store} and {count, plural, ...}. */
function argumentsOf(message: string): string[] {
  return [...message.matchAll(/\{\s*([a-zA-Z0-9_]+)\s*[,}]/g)].map((m) => m[1]!).sort();
}

describe("message catalogs", () => {
  const reference = leaves(en);

  it.each(LOCALES)("%s has exactly the keys of en", (locale) => {
    const keys = [...leaves(catalogs[locale]).keys()].sort();
    expect(keys).toEqual([...reference.keys()].sort());
  });

  it.each(LOCALES)("%s has no empty message and uses the same placeholders as en", (locale) => {
    for (const [key, message] of leaves(catalogs[locale])) {
      expect(message.trim(), key).not.toBe("");
      expect(argumentsOf(message), key).toEqual(argumentsOf(reference.get(key)!));
    }
  });
});

/**
 * Features the product does not have yet, in each language's words. The landing page may only
 * promise what exists; when one of these ships, take it off this list.
 */
const NOT_YET: Record<(typeof LOCALES)[number], RegExp> = {
  en: /gift ?cards?|store credit/i,
  fr: /cartes? cadeaux?|crédit boutique|avoirs? en boutique/i,
  de: /geschenkkarten?|geschenkgutschein|guthabenkonto/i,
  lb: /kaddokaarten?|kaddobong/i,
};

describe("the landing page's claims", () => {
  it.each(LOCALES)("%s promises no feature that does not exist yet", (locale) => {
    const landing = leaves((catalogs[locale] as { Landing: unknown }).Landing);
    for (const [key, message] of landing) expect(message, `Landing.${key}`).not.toMatch(NOT_YET[locale]);
  });
});
