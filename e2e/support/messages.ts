/**
 * The app's own translations, so specs assert the translated UI without copying its wording:
 * a spec then fails when a page shows the wrong language or a raw key, not when copy is edited.
 */
import de from "../../messages/de.json" with { type: "json" };
import en from "../../messages/en.json" with { type: "json" };
import fr from "../../messages/fr.json" with { type: "json" };
import lb from "../../messages/lb.json" with { type: "json" };

export const messages = { en, fr, de, lb } as const;
export type Locale = keyof typeof messages;

/** Display names used by the language switcher (lib/locales.ts LOCALE_NAMES). */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  fr: "Français",
  de: "Deutsch",
  lb: "Lëtzebuergesch",
};

/**
 * A message with its simple `{name}` placeholders filled in, for asserting texts such as
 * "Sign in to {store}". Plural and select arguments are not supported.
 */
export function format(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** `text` as a regular expression that matches it literally (inside a longer text). */
export function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}
