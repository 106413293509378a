import { z } from "zod";
import { cleanString } from "@/lib/input";
import { emailSchema } from "@/lib/auth/schema";
import { isLocale, LOCALES, type Locale } from "@/lib/i18n/locales";
import { normalizeSlug, slugProblem, STORE_CURRENCIES, type StoreCurrency } from "./rules";

/** Field problems of the sign-up form, translated under `Onboarding.errors.<code>`. */
export type OnboardingFieldError =
  | "required"
  | "tooLong"
  | "invalidEmail"
  | "emailAccentedName"
  | "emailTaken"
  | "passwordTooShort"
  | "passwordTooLong"
  | "slugFormat"
  | "slugReserved"
  | "slugTaken"
  | "invalidChoice";

export const ONBOARDING_FIELDS = ["name", "email", "password", "merchantName", "storeName", "slug", "currency", "defaultLocale", "locales"] as const;
export type OnboardingField = (typeof ONBOARDING_FIELDS)[number];

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_BYTES = 72;

/** A new account's fields (only when nobody is signed in). */
export interface NewAccountInput {
  name: string;
  email: string;
  password: string;
}

/** The merchant and its first store. */
export interface NewMerchantInput {
  merchantName: string;
  storeName: string;
  slug: string;
  currency: StoreCurrency;
  defaultLocale: Locale;
  /** Always includes the default locale, in the platform's order. */
  locales: Locale[];
}

const text = (max: number) =>
  cleanString()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().min(1, "required").max(max, "tooLong"));

const merchantShape = {
  merchantName: text(120),
  storeName: text(120),
  slug: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const slug = normalizeSlug(v ?? "");
      const problem = slugProblem(slug);
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return slug;
    }),
  currency: z.enum(STORE_CURRENCIES, "invalidChoice"),
  defaultLocale: z.enum(LOCALES, "invalidChoice"),
  locales: z.array(z.string()).max(10),
};

function withLocales<T extends { defaultLocale: Locale; locales: string[] }>(value: T): Omit<T, "locales"> & { locales: Locale[] } {
  const chosen = new Set(value.locales.filter(isLocale));
  chosen.add(value.defaultLocale);
  return { ...value, locales: LOCALES.filter((l) => chosen.has(l)) };
}

export const newMerchantSchema = z.object(merchantShape).transform((v): NewMerchantInput => withLocales(v));

export const newAccountSchema = z.object({
  name: text(120),
  email: emailSchema,
  password: cleanString().superRefine((value, ctx) => {
    if (!value) ctx.addIssue({ code: "custom", message: "required" });
    else if (value.length < MIN_PASSWORD_LENGTH) ctx.addIssue({ code: "custom", message: "passwordTooShort" });
    else if (new TextEncoder().encode(value).length > MAX_PASSWORD_BYTES) ctx.addIssue({ code: "custom", message: "passwordTooLong" });
  }),
});

/** The first error code of each field. */
export function onboardingFieldErrors(error: z.ZodError): Partial<Record<OnboardingField, OnboardingFieldError>> {
  const out: Partial<Record<OnboardingField, OnboardingFieldError>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0]) as OnboardingField;
    if (!ONBOARDING_FIELDS.includes(field) || out[field]) continue;
    const message = issue.message === "emailTooLong" ? "tooLong" : issue.message;
    out[field] = (KNOWN.has(message) ? message : field === "email" ? "invalidEmail" : "required") as OnboardingFieldError;
  }
  return out;
}

const KNOWN = new Set<string>(["required", "tooLong", "invalidEmail", "emailAccentedName", "passwordTooShort", "passwordTooLong", "slugFormat", "slugReserved", "slugTaken", "invalidChoice"]);

/** The sign-up form's fields from FormData, as strings (the locales as a list). */
export function onboardingFormFields(formData: FormData): Record<string, unknown> {
  const one = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v.slice(0, 1000) : undefined;
  };
  return {
    name: one("name"),
    email: one("email"),
    password: one("password"),
    merchantName: one("merchantName"),
    storeName: one("storeName"),
    slug: one("slug"),
    currency: one("currency"),
    defaultLocale: one("defaultLocale"),
    locales: formData.getAll("locales").filter((v): v is string => typeof v === "string"),
  };
}
