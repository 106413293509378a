import { z } from "zod";
import { cleanMultilineString, cleanString } from "@/lib/input";
import { checkEmailAddress } from "@/lib/email-address";
import type { Locale } from "@/lib/locales";
import { IMAGE_TYPES } from "@/lib/storage/keys";
import { isTimeZone } from "@/lib/time";
import { parseCountryList } from "./countries";

export const STORE_NAME_MAX = 120;
export const TAGLINE_MAX = 160;
export const DESCRIPTION_MAX = 2000;
export const CLOSED_MESSAGE_MAX = 500;
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export interface StoreTexts {
  name: string;
  tagline: string;
  description: string;
  closedMessage: string;
}

export interface StoreSettingsInput {
  /** Per offered locale; a locale whose name is empty has no texts of its own (the default's show). */
  texts: Partial<Record<Locale, StoreTexts>>;
  contactEmail: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
  /** ISO codes checkout offers, at least one. */
  shippingCountries: string[];
  status: "OPEN" | "CLOSED";
  /** Orders above zero but below the payment minimum: complete them unpaid (WAIVE) or refuse them. */
  smallOrderPolicy: "WAIVE" | "REFUSE";
  /** IANA zone the store counts its days in; absent when the form did not send one (kept as it is). */
  timeZone?: string;
  logo: File | null;
  removeLogo: boolean;
}

const text = (max: number, multiline = false) =>
  z.preprocess((v) => (typeof v === "string" ? v : ""), (multiline ? cleanMultilineString() : cleanString()).trim().max(max, "tooLong"));
const optional = (max: number, multiline = false) => text(max, multiline).transform((v) => v || null);

/**
 * The settings form of a store offering `locales`, as its fields are named ("name.fr",
 * "contactEmail", "logo"): the default locale's name is required, the other locales' texts are
 * optional. A logo is optional (checked again by its bytes on save). Each issue's message is a key
 * under `StoreSettings.errors`.
 */
export function storeSettingsSchema(store: { defaultLocale: Locale; locales: readonly Locale[] }) {
  const perLocale: Record<string, z.ZodType<string>> = {};
  for (const l of store.locales) {
    const required = l === store.defaultLocale;
    perLocale[`name.${l}`] = text(STORE_NAME_MAX).refine((v) => !required || v.length > 0, "required");
    perLocale[`tagline.${l}`] = text(TAGLINE_MAX);
    perLocale[`description.${l}`] = text(DESCRIPTION_MAX, true);
    perLocale[`closedMessage.${l}`] = text(CLOSED_MESSAGE_MAX, true);
  }
  return z
    .object({
      ...perLocale,
      contactEmail: optional(254).transform((v, ctx) => {
        if (v === null) return null;
        // Shown to customers as the merchant typed it; only checked here.
        const checked = checkEmailAddress(v);
        if (checked.ok) return v;
        ctx.addIssue({ code: "custom", message: checked.problem === "emailAccentedName" ? checked.problem : "invalidEmail" });
        return z.NEVER;
      }),
      contactPhone: optional(40),
      contactAddress: optional(500, true),
      shippingCountries: text(1000).transform((raw, ctx) => {
        const parsed = parseCountryList(raw);
        if (parsed.ok) return parsed.codes;
        ctx.addIssue({ code: "custom", message: parsed.error === "required" ? "required" : "invalidCountry" });
        return z.NEVER;
      }),
      status: z.enum(["OPEN", "CLOSED"], "invalidChoice"),
      smallOrderPolicy: z.enum(["WAIVE", "REFUSE"], "invalidChoice").default("WAIVE"),
      timeZone: z.preprocess(
        (v) => (typeof v === "string" && v.trim() ? v.trim() : undefined),
        z.string().max(64, "invalidTimeZone").refine(isTimeZone, "invalidTimeZone").optional(),
      ),
      logo: z.preprocess(
        (v) => (v instanceof File && v.size > 0 ? v : null),
        z
          .instanceof(File, { message: "imageType" })
          .refine((f) => f.size <= MAX_LOGO_BYTES, "imageTooLarge")
          .refine((f) => f.type in IMAGE_TYPES, "imageType")
          .nullable(),
      ),
      removeLogo: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    })
    .transform((v): StoreSettingsInput => {
      const fields = v as unknown as Record<string, string>;
      const texts: Partial<Record<Locale, StoreTexts>> = {};
      for (const l of store.locales) {
        const name = fields[`name.${l}`];
        if (name) texts[l] = { name, tagline: fields[`tagline.${l}`] ?? "", description: fields[`description.${l}`] ?? "", closedMessage: fields[`closedMessage.${l}`] ?? "" };
      }
      const { contactEmail, contactPhone, contactAddress, shippingCountries, status, smallOrderPolicy, timeZone, logo, removeLogo } = v;
      return { texts, contactEmail, contactPhone, contactAddress, shippingCountries, status, smallOrderPolicy, timeZone, logo, removeLogo };
    });
}

/**
 * The texts a storefront shows in `locale`: that locale's row, else the default locale's row,
 * field by field (an empty tagline in French shows the default's), else the store's name. Pure.
 */
export function storeTextsFor(
  rows: ReadonlyArray<{ locale: string } & StoreTexts>,
  locale: Locale,
  defaultLocale: Locale,
  fallbackName: string,
): StoreTexts {
  const own = rows.find((r) => r.locale === locale);
  const base = rows.find((r) => r.locale === defaultLocale);
  const pick = (key: keyof StoreTexts) => own?.[key] || base?.[key] || "";
  return { name: pick("name") || fallbackName, tagline: pick("tagline"), description: pick("description"), closedMessage: pick("closedMessage") };
}
