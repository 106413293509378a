import { createTranslator, type IntlError } from "use-intl/core";
import type { Locale } from "@/lib/locales";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import lb from "@/messages/lb.json";

/**
 * Emails are rendered outside any request (in the worker, or for the admin preview), so they
 * get their own translator over the same catalogs as the pages: the catalog test covers them.
 */
export type EmailMessages = typeof en;

const CATALOGS: Record<Locale, EmailMessages> = { en, fr: fr as EmailMessages, de: de as EmailMessages, lb: lb as EmailMessages };

export type EmailTranslator = ReturnType<typeof createTranslator<EmailMessages, "Emails">>;

export interface EmailTranslatorOptions {
  /** Called for missing keys and bad placeholders (tests turn these into failures). */
  onError?: (error: IntlError) => void;
}

/** A translator for the `Emails` namespace in `locale`. */
export function emailTranslator(locale: Locale, options: EmailTranslatorOptions = {}): EmailTranslator {
  return createTranslator({
    locale,
    messages: CATALOGS[locale],
    namespace: "Emails",
    // No message formats a date today; one that does must be given the store's zone.
    timeZone: DEFAULT_TIME_ZONE,
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
