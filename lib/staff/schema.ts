import { z } from "zod";
import { cleanString } from "@/lib/input";
import { emailSchema } from "@/lib/auth/schema";
import { normalizePhrase } from "./phrases";

export const ROLE_VALUES = ["OWNER", "MANAGER", "STAFF"] as const;
export const MAX_CODE_DAYS = 90;

const storeIds = z.preprocess(
  (v) => (Array.isArray(v) ? v : v ? [v] : []),
  z.array(cleanString().trim().min(1).max(64)).max(100),
);

export const inviteSchema = z.object({
  email: emailSchema,
  role: z.enum(ROLE_VALUES, "invalidChoice"),
  storeIds,
});
export type InviteInput = z.infer<typeof inviteSchema>;

export const changeRoleSchema = z.object({
  membershipId: cleanString().trim().min(1, "notFound").max(64, "notFound").regex(/^[a-z0-9]+$/i, "notFound"),
  role: z.enum(ROLE_VALUES, "invalidChoice"),
  storeIds,
});

export const accessCodeSchema = z
  .object({
  role: z.enum(["MANAGER", "STAFF"], "invalidChoice"),
  storeIds,
  uses: z.preprocess((v) => v ?? "single", z.enum(["single", "multi"], "invalidChoice")),
  moderated: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  days: z.preprocess(
    (v) => (typeof v === "string" && v.trim() ? Number(v) : 7),
    z.number("invalidDays").int("invalidDays").min(1, "invalidDays").max(MAX_CODE_DAYS, "invalidDays"),
  ),
  })
  .transform(({ uses, ...rest }) => ({ ...rest, multiUse: uses === "multi" }));
export type AccessCodeInput = z.infer<typeof accessCodeSchema>;

export const phraseSchema = z
  .string()
  .max(300, "codeUnknown")
  .transform((v, ctx) => {
    const phrase = normalizePhrase(v);
    if (!phrase) {
      ctx.addIssue({ code: "custom", message: "required" });
      return z.NEVER;
    }
    return phrase;
  });

export const idSchema = cleanString().trim().min(1).max(64).regex(/^[a-z0-9]+$/i);

/** The staff forms' fields as strings, the store ids as a list. */
export function staffFormFields(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v !== "string" || k.startsWith("$")) continue;
    if (k === "storeIds") continue;
    out[k] = v.slice(0, 1000);
  }
  out.storeIds = formData.getAll("storeIds").filter((v): v is string => typeof v === "string");
  return out;
}

/** The first message of the first issue of each field. */
export function firstIssues(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (!(field in out)) out[field] = issue.message;
  }
  return out;
}
