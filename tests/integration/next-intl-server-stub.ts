import { createTranslator } from "next-intl";
import en from "@/messages/en.json";

/**
 * next-intl/server outside a Next request: integration tests call server actions directly, where
 * no request locale exists. The request is in English, and refusals are translated from
 * messages/en.json, so tests see the texts a visitor reads.
 */
export async function getLocale(): Promise<string> {
  return "en";
}

export async function getTranslations(options?: string | { namespace?: string }) {
  const namespace = typeof options === "string" ? options : options?.namespace;
  return createTranslator({ locale: "en", messages: en, namespace: namespace as never });
}
