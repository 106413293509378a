import { z } from "zod";
import { cleanString, stripControlCharacters } from "@/lib/input";
import { normalizeSignInCode } from "./codes";
import { checkEmailAddress } from "@/lib/email-address";
import { MAX_PASSWORD_BYTES } from "./password";

export { MAX_EMAIL_LENGTH } from "@/lib/email-address";

/*
 * The issue messages of the sign-in schemas are keys under `Errors.field` (the sign-in actions'
 * messages): required, invalidEmail, emailTooLong, emailAccentedName, passwordTooLong, invalidCode.
 */


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
const callbackUrlSchema = cleanString()
  .max(2048)
  .optional()
  .catch(undefined)
  .transform((v) => (v ? v : undefined));

const text = (v: unknown) => (typeof v === "string" ? v : "");

export const passwordSignInSchema = z.object({
  email: z.preprocess(text, emailSchema),
  password: z.preprocess(text, passwordSchema),
  callbackUrl: callbackUrlSchema,
});

export const linkRequestSchema = z.object({
  email: z.preprocess(text, emailSchema),
  callbackUrl: callbackUrlSchema,
});

export const codeSignInSchema = z.object({
  email: z.preprocess(text, emailSchema),
  code: z.preprocess(text, codeSchema),
  callbackUrl: callbackUrlSchema,
});

export type PasswordSignInInput = z.infer<typeof passwordSignInSchema>;
export type LinkRequestInput = z.infer<typeof linkRequestSchema>;
export type CodeSignInInput = z.infer<typeof codeSignInSchema>;

/** One value of a page's search param (the first when repeated), bounded in length, without control characters. */
export function searchParam(params: Record<string, string | string[] | undefined>, name: string, max = 2048): string | undefined {
  const value = params[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first && first.length <= max ? stripControlCharacters(first) || undefined : undefined;
}
