import { z } from "zod";
import { cleanString } from "@/lib/input";
import { checkEmailAddress } from "@/lib/email-address";
import { isLocale, LOCALES, type Locale } from "@/lib/locales";
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
  cleanString({ error: "required" })
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
  locales: z.array(z.string(), { error: "invalidChoice" }).max(10, "invalidChoice"),
};

function withLocales<T extends { defaultLocale: Locale; locales: string[] }>(value: T): Omit<T, "locales"> & { locales: Locale[] } {
  const chosen = new Set(value.locales.filter(isLocale));
  chosen.add(value.defaultLocale);
  return { ...value, locales: LOCALES.filter((l) => chosen.has(l)) };
}

/** A new account's password: its problems are keys under `Onboarding.errors`. */
const passwordField = cleanString({ error: "required" }).superRefine((value, ctx) => {
  if (!value) ctx.addIssue({ code: "custom", message: "required" });
  else if (value.length < MIN_PASSWORD_LENGTH) ctx.addIssue({ code: "custom", message: "passwordTooShort" });
  else if (new TextEncoder().encode(value).length > MAX_PASSWORD_BYTES) ctx.addIssue({ code: "custom", message: "passwordTooLong" });
});

/** A new account's name and password, as the sign-up and staff forms ask for them. */
export const newAccountName = text(120);
export const newAccountPassword = passwordField;

/**
 * An email typed into a form: the forms' rules (lib/auth/email-address), canonical form. Each
 * problem is the form's message key: its own name, but `missing` for no value at all and
 * `tooLong` for an address too long.
 */
export function formEmailSchema(keys: { missing: string; tooLong: string }) {
  return z
    .string({ error: keys.missing })
    .max(10_000, keys.tooLong)
    .transform((value, ctx) => {
      const checked = checkEmailAddress(value);
      if (checked.ok) return checked.email;
      ctx.addIssue({ code: "custom", message: checked.problem === "emailTooLong" ? keys.tooLong : checked.problem });
      return z.NEVER;
    });
}

const signUpEmail = formEmailSchema({ missing: "invalidEmail", tooLong: "tooLong" });

/** What the sign-up action gets: the merchant and its first store, and the new account when nobody is signed in. */
export interface SignUpInput {
  merchant: NewMerchantInput;
  account: NewAccountInput | null;
}

/** The sign-up form's fields as the schema reads them: one string each (at most 1000 characters), the locales as a list. */
function signUpFields(raw: unknown): Record<string, unknown> {
  const entries = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string");
  const one = (name: string) => {
    const v = list(entries[name])[0];
    return v === undefined ? undefined : v.slice(0, 1000);
  };
  return {
    ...Object.fromEntries(["name", "email", "password", "merchantName", "storeName", "slug", "currency", "defaultLocale"].map((name) => [name, one(name)])),
    locales: list(entries.locales),
  };
}

function merchantOf(v: z.output<typeof merchantObject>): NewMerchantInput {
  return withLocales({ merchantName: v.merchantName, storeName: v.storeName, slug: v.slug, currency: v.currency, defaultLocale: v.defaultLocale, locales: v.locales });
}

const merchantObject = z.object(merchantShape);

/**
 * The sign-up form (FormData entries or an object): the merchant and its store, plus name, email
 * and password when `needsAccount` (nobody is signed in). Issue messages are keys under
 * `Onboarding.errors`, one per field.
 */
export function signUpFormSchema(needsAccount: boolean): z.ZodType<SignUpInput> {
  const schema = needsAccount
    ? merchantObject
        .extend({ name: newAccountName, email: signUpEmail, password: newAccountPassword })
        .transform((v): SignUpInput => ({ merchant: merchantOf(v), account: { name: v.name, email: v.email, password: v.password } }))
    : merchantObject.transform((v): SignUpInput => ({ merchant: merchantOf(v), account: null }));
  return z.preprocess(signUpFields, schema);
}

/** The live slug check's question: whatever was typed (at most 100 characters), normalized as a store address. */
export const slugCheckSchema = z.object({
  slug: z.preprocess((v) => (typeof v === "string" ? v.slice(0, 100) : ""), cleanString()).transform((v) => normalizeSlug(v)),
});
