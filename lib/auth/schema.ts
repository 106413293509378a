import { z } from "zod";
import { cleanString, stripControlCharacters } from "@/lib/input";
import { isLocale, PLATFORM_DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { normalizeSignInCode } from "./codes";
import { checkEmailAddress } from "@/lib/email-address";
import { MAX_PASSWORD_BYTES } from "./password";

export { MAX_EMAIL_LENGTH } from "@/lib/email-address";

/** Field error codes; the UI translates them under `Errors.field`. */
export type FieldErrorCode = "required" | "invalidEmail" | "emailTooLong" | "emailAccentedName" | "passwordTooLong" | "invalidCode" | "codeRejected";


/** An email address typed in a form: canonical on success, else one field error code. */
export const emailSchema = z
  .string()
  .max(10_000, "emailTooLong")
  .transform((value, ctx) => {
    const checked = checkEmailAddress(value);
    if (checked.ok) return checked.email;
    ctx.addIssue({ code: "custom", message: checked.problem });
    return z.NEVER;
  });

export const passwordSchema = cleanString().superRefine((value, ctx) => {
  if (!value) ctx.addIssue({ code: "custom", message: "required" });
  else if (new TextEncoder().encode(value).length > MAX_PASSWORD_BYTES) ctx.addIssue({ code: "custom", message: "passwordTooLong" });
});

export const codeSchema = z
  .string()
  .max(64, "invalidCode")
  .transform((value, ctx) => {
    if (!value.trim()) {
      ctx.addIssue({ code: "custom", message: "required" });
      return z.NEVER;
    }
    const code = normalizeSignInCode(value);
    if (!code) {
      ctx.addIssue({ code: "custom", message: "invalidCode" });
      return z.NEVER;
    }
    return code;
  });

/** A same-site path or URL to return to; anything odd is dropped here and checked again on redirect. */
const callbackUrlSchema = z
  .string()
  .max(2048)
  .optional()
  .catch(undefined)
  .transform((v) => (v ? v : undefined));

const localeSchema = z
  .string()
  .optional()
  .transform((v): Locale => (isLocale(v) ? v : PLATFORM_DEFAULT_LOCALE));

const text = (v: unknown) => (typeof v === "string" ? v : "");

export const passwordSignInSchema = z.object({
  email: z.preprocess(text, emailSchema),
  password: z.preprocess(text, passwordSchema),
  callbackUrl: callbackUrlSchema,
  locale: localeSchema,
});

export const linkRequestSchema = z.object({
  email: z.preprocess(text, emailSchema),
  callbackUrl: callbackUrlSchema,
  locale: localeSchema,
});

export const codeSignInSchema = z.object({
  email: z.preprocess(text, emailSchema),
  code: z.preprocess(text, codeSchema),
  callbackUrl: callbackUrlSchema,
  locale: localeSchema,
});

export type PasswordSignInInput = z.infer<typeof passwordSignInSchema>;
export type LinkRequestInput = z.infer<typeof linkRequestSchema>;
export type CodeSignInInput = z.infer<typeof codeSignInSchema>;

/** The first error code of each field, for field-level messages. */
export function fieldErrors<K extends string>(error: z.ZodError): Partial<Record<K, FieldErrorCode>> {
  const out: Partial<Record<K, FieldErrorCode>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== "string" || field in out) continue;
    out[field as K] = (isFieldErrorCode(issue.message) ? issue.message : "required") as FieldErrorCode;
  }
  return out;
}

function isFieldErrorCode(value: string): value is FieldErrorCode {
  return ["required", "invalidEmail", "emailTooLong", "emailAccentedName", "passwordTooLong", "invalidCode"].includes(value);
}

/** Reads a FormData's string fields into a plain object for the schemas above. */
export function formFields(formData: FormData, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((n) => [n, formData.get(n) ?? undefined]));
}

/** One value of a page's search param (the first when repeated), bounded in length, without control characters. */
export function searchParam(params: Record<string, string | string[] | undefined>, name: string, max = 2048): string | undefined {
  const value = params[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first && first.length <= max ? stripControlCharacters(first) || undefined : undefined;
}
