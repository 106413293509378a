import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/lib/locales";
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
 * Words two languages genuinely share: loans, cognates, brand names and abbreviations. A message
 * identical to the other language's message for the same key passes only when every word of it is
 * listed for that pair; a copied sentence or a word left in the other language fails. Messages
 * without letters (numbers, "—", "{quantity} × {title}") have nothing to translate and pass.
 */
const SHARED_WORDS: Partial<Record<`${Locale}/${Locale}`, readonly string[]>> = {
  // Luxembourgish writes these as German does (lod.lu); the rest are names, formats and sample input.
  "lb/de": [
    "Aktiv", "als", "Artikel", "Audit-Protokoll", "Bestellnummer", "Betrag", "Bestellung", "Bestellungen", "Bild", "bis", "Bis", "Bonus", "Buchung", "Code", "Datum",
    "Demo-Konten", "Digital", "Domain", "E-Mail", "Empfänger", "Format", "Gesammelt", "Guthaben", "Konten", "Korrektur", "Geschäft", "Händler", "Kontakt", "Kontakt-E-Mail",
    "Kontaktdaten", "Land", "Logo", "Manager", "Nummer", "oder", "Prozess", "Online-Bestellung", "Plattform", "Plattform-Admin", "QR-Code", "Rechnung", "Recht", "Referenz",
    "scannen", "Slogan", "Status", "Telefon", "Testmodus", "Titel", "Typ", "Verwaltung",
    "Patron", "Stripe", "JJJJ", "MM", "z.", "B.", "Bäckerei", "claire@", "coupon", "Fashion", "merchant.suspend",
  ],
  // French loans in everyday Luxembourgish.
  "lb/fr": ["Bonus", "Client", "Code", "Logo", "Message", "Montant", "Produit", "Remboursement", "Remise", "Slogan", "Stock", "Total", "Patron", "Stripe", "MM"],
  // Cognates spelled alike in French and English.
  "fr/en": [
    "Action", "Actions", "Bonus", "Code", "Conditions", "Contact", "Correction", "Date", "Description", "image", "Image", "Images", "Invitation", "Logo", "Message", "Migrations", "Page",
    "Pages", "Pagination", "Points", "Public", "Stock", "Total", "Transaction", "Type", "Patron", "Stripe", "MM",
  ],
  // Loans and cognates spelled alike in German and English.
  "de/en": ["Bonus", "Code", "Details", "Digital", "Domain", "Domains", "Format", "Integration", "Logo", "Manager", "Name", "Status", "Patron", "Stripe", "MM"],
};

/** Sample input shown in fields (an email address, a payment reference prefix) and "OK": the same in every language. */
const SAMPLE_INPUT = ["lea@example.com", "cs_", "OK"];

/** The words of a message, placeholders and punctuation left out. */
function wordsOf(message: string): string[] {
  const text = message.replace(/\{[^{}]*\}/g, " ");
  return text
    .split(/[\s,:;()!?"“”„«»…]+/)
    .filter((w) => /\p{L}/u.test(w))
    .map((w) => (/^\p{L}\.$/u.test(w) ? w : w.replace(/\.$/, "")));
}

describe("each catalog is written in its own language", () => {
  const leavesOf = Object.fromEntries(LOCALES.map((l) => [l, leaves(catalogs[l])])) as Record<Locale, Map<string, string>>;

  it.each(Object.keys(SHARED_WORDS) as Array<keyof typeof SHARED_WORDS>)("%s: no message is the other language's, except for shared words", (pair) => {
    const [a, b] = pair.split("/") as [Locale, Locale];
    const shared = new Set([...SHARED_WORDS[pair]!, ...SAMPLE_INPUT]);
    const copied = [...leavesOf[a]].filter(([key, message]) => leavesOf[b].get(key) === message && !wordsOf(message).every((w) => shared.has(w)));
    expect(copied.map(([key, message]) => `${key}: ${message}`)).toEqual([]);
  });

  it("Luxembourgish uses its own forms, not German ones", () => {
    // German spellings and words that Luxembourgish writes otherwise (gëlteg, Punkten, Dir, Är, an, net ...).
    const german = /(?<!\p{L})(gülteg|gültig|Pflichtfeld|storniert|Storniert|Historique|Saldo|Sie|Ihre?|und|nicht|ist|für|mit|auf|werden|haben)(?!\p{L})/u;
    const found = [...leaves(lb)].filter(([, message]) => german.test(message.replace(/\{[^{}]*\}/g, " ")));
    expect(found.map(([key, message]) => `${key}: ${message}`)).toEqual([]);
  });

  it.each(["fr", "lb"] as const)("%s writes the apostrophe as ’, as its typography wants", (locale) => {
    const straight = [...leaves(catalogs[locale])].filter(([, message]) => message.includes("'"));
    expect(straight.map(([key, message]) => `${key}: ${message}`)).toEqual([]);
  });
});

/**
 * Features the product does not have yet, in each language's words. The landing page may only
 * promise what exists; when one of these ships, take it off this list.
 */
const NOT_YET: Record<(typeof LOCALES)[number], RegExp> = {
  en: /wallet/i,
  fr: /wallet|portefeuille/i,
  de: /wallet/i,
  lb: /wallet/i,
};

describe("the landing page's claims", () => {
  it.each(LOCALES)("%s promises no feature that does not exist yet", (locale) => {
    const landing = leaves((catalogs[locale] as { Landing: unknown }).Landing);
    for (const [key, message] of landing) expect(message, `Landing.${key}`).not.toMatch(NOT_YET[locale]);
  });
});
