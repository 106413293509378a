import { z } from "zod";
import { cleanString } from "@/lib/input";
import { formEmailSchema, newAccountName, newAccountPassword, type NewAccountInput } from "@/lib/onboarding/schema";
import { normalizePhrase } from "./phrases";

export const ROLE_VALUES = ["OWNER", "MANAGER", "STAFF"] as const;
export const MAX_CODE_DAYS = 90;

/*
 * The staff forms' schemas read FormData entries (lib/actions/pipeline): each issue's message is
 * a key under `Staff.errors`, the text the form shows.
 */

const storeIds = z.preprocess(
  (v) => (Array.isArray(v) ? v : v ? [v] : []),
  z.array(cleanString({ error: "invalidStores" }).trim().min(1).max(64), { error: "invalidStores" }).max(100, "invalidStores"),
);

const staffEmail = formEmailSchema({ missing: "required", tooLong: "invalidEmail" });

export const inviteSchema = z.object({
  email: staffEmail,
  role: z.enum(ROLE_VALUES, "invalidChoice"),
  storeIds,
});
export type InviteInput = z.infer<typeof inviteSchema>;

export const changeRoleSchema = z.object({
  membershipId: cleanString({ error: "notFound" }).trim().min(1).max(64).regex(/^[a-z0-9]+$/i),
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
  .string({ error: "required" })
  .max(300, "codeUnknown")
  .transform((v, ctx) => {
    const phrase = normalizePhrase(v);
    if (!phrase) {
      ctx.addIssue({ code: "custom", message: "required" });
      return z.NEVER;
    }
    return phrase;
  });

/** The id of a row a staff form acts on (a hidden field): anything else is a row that does not exist. */
export const idSchema = cleanString({ error: "notFound" }).trim().min(1).max(64).regex(/^[a-z0-9]+$/i);

export const invitationIdSchema = z.object({ invitationId: idSchema });
export const accessCodeIdSchema = z.object({ codeId: idSchema });
export const membershipIdSchema = z.object({ membershipId: idSchema });
export const joinDecisionSchema = z.object({ requestId: idSchema, decision: z.preprocess((v) => v === "approve", z.boolean()) });

/** The access-code form: the phrase, plus a new account (name, email, password) when nobody is signed in. */
export function joinWithCodeSchema(needsAccount: boolean): z.ZodType<{ code: string; account: NewAccountInput | null }> {
  const code = z.object({ code: phraseSchema });
  return needsAccount
    ? code
        .extend({ name: newAccountName, email: staffEmail, password: newAccountPassword })
        .transform(({ code, ...account }) => ({ code, account }))
    : code.transform(({ code }) => ({ code, account: null }));
}

/** An emailed invitation's form: its token (from the link), plus name and password for a new account. */
export function acceptInvitationSchema(needsAccount: boolean): z.ZodType<{ token: string; account: Omit<NewAccountInput, "email"> | null }> {
  const token = z.object({ token: z.string({ error: "invitationInvalid" }).regex(/^[A-Za-z0-9_-]{20,100}$/, "invitationInvalid") });
  return needsAccount
    ? token.extend({ name: newAccountName, password: newAccountPassword }).transform(({ token, ...account }) => ({ token, account }))
    : token.transform(({ token }) => ({ token, account: null }));
}
