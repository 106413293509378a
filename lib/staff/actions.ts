"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { forbidden, notFound, redirect } from "next/navigation";
import { signIn } from "@/lib/auth/index";
import { loadSession, requireMembership } from "@/lib/auth/loaders";
import { clientIp, consumePoint, createLimiter } from "@/lib/auth/rate-limit";
import { hasRole, type MembershipAccess } from "@/lib/auth/types";
import { isLocale, PLATFORM_DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { newAccountSchema } from "@/lib/onboarding/schema";
import { urlConfig } from "@/lib/tenancy/request";
import { localizedPath } from "@/lib/tenancy/urls";
import {
  acceptInvitation,
  changeMemberRole,
  createAccessCode,
  decideJoinRequest,
  inviteByEmail,
  joinWithCode,
  removeMember,
  revokeAccessCode,
  revokeInvitation,
  type StaffResult,
} from "./mutations";
import { accessCodeSchema, changeRoleSchema, firstIssues, idSchema, inviteSchema, phraseSchema, staffFormFields } from "./schema";
import type { StaffError, StaffFormState } from "./types";

/**
 * The staff actions. Every merchant-side action passes requireMembership (another merchant: 404)
 * and needs MANAGER or above (staff: 403); what a manager may do to whom is decided by the
 * mutation (lib/staff/rules). Expected refusals come back as translated error codes and write
 * nothing.
 */

const KNOWN_ERRORS = new Set<string>([
  "required", "invalidEmail", "emailAccentedName", "invalidChoice", "invalidDays", "invalidStores", "roleNotAllowed", "alreadyMember", "alreadyInvited",
  "alreadyPending", "lastOwner", "notAllowed", "notFound", "codeUnknown", "codeExpired", "codeUsed", "invitationInvalid", "wrongAccount",
  "emailTaken", "rateLimited", "tooLong", "passwordTooShort", "passwordTooLong",
]);

function localeOf(formData: FormData): Locale {
  const raw = formData.get("locale");
  return isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
}

function typed(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && k !== "password" && !k.startsWith("$")) out[k] = v.slice(0, 300);
  return out;
}

function invalid(issues: Record<string, string>, formData: FormData): StaffFormState {
  const [field, message] = Object.entries(issues)[0] ?? ["form", "required"];
  const error = (message === "emailTooLong" ? "invalidEmail" : KNOWN_ERRORS.has(message) ? message : "required") as StaffError;
  return { status: "error", error, field, values: typed(formData) };
}

function outcome(result: StaffResult, formData?: FormData): StaffFormState {
  if (result.ok) return { status: "done" };
  return { status: "error", error: result.error, ...(result.field ? { field: result.field } : {}), ...(formData ? { values: typed(formData) } : {}) };
}

async function requireStaffManager(merchantId: string): Promise<MembershipAccess> {
  const access = await requireMembership(merchantId);
  if (!hasRole(access.role, "MANAGER")) forbidden();
  return access;
}

function revalidateStaff() {
  revalidatePath("/[locale]/account", "layout");
}

export async function inviteStaffAction(merchantId: string, _prev: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const access = await requireStaffManager(merchantId);
  const parsed = inviteSchema.safeParse(staffFormFields(formData));
  if (!parsed.success) return invalid(firstIssues(parsed.error), formData);
  const result = await inviteByEmail(access, parsed.data, { config: urlConfig(), locale: localeOf(formData) });
  if (result.ok) revalidateStaff();
  return outcome(result, formData);
}

export async function revokeInvitationAction(merchantId: string, _prev: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const access = await requireStaffManager(merchantId);
  const id = idSchema.safeParse(formData.get("invitationId"));
  if (!id.success) return { status: "error", error: "notFound" };
  const result = await revokeInvitation(access, id.data);
  if (result.ok) revalidateStaff();
  return outcome(result);
}

export async function createAccessCodeAction(merchantId: string, _prev: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const access = await requireStaffManager(merchantId);
  const parsed = accessCodeSchema.safeParse(staffFormFields(formData));
  if (!parsed.success) return invalid(firstIssues(parsed.error), formData);
  const result = await createAccessCode(access, parsed.data);
  if (!result.ok) return outcome(result, formData);
  revalidateStaff();
  return { status: "done", phrase: result.phrase };
}

export async function revokeAccessCodeAction(merchantId: string, _prev: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const access = await requireStaffManager(merchantId);
  const id = idSchema.safeParse(formData.get("codeId"));
  if (!id.success) return { status: "error", error: "notFound" };
  const result = await revokeAccessCode(access, id.data);
  if (result.ok) revalidateStaff();
  return outcome(result);
}

export async function decideJoinRequestAction(merchantId: string, _prev: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const access = await requireStaffManager(merchantId);
  const id = idSchema.safeParse(formData.get("requestId"));
  if (!id.success) return { status: "error", error: "notFound" };
  const result = await decideJoinRequest(access, id.data, formData.get("decision") === "approve");
  if (result.ok) revalidateStaff();
  return outcome(result);
}

export async function removeMemberAction(merchantId: string, _prev: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const access = await requireStaffManager(merchantId);
  const id = idSchema.safeParse(formData.get("membershipId"));
  if (!id.success) return { status: "error", error: "notFound" };
  const result = await removeMember(access, id.data);
  if (!result.ok) return outcome(result);
  revalidateStaff();
  // Whoever removed themselves has no business here any more.
  if (result.self) redirect(localizedPath("/account", localeOf(formData), PLATFORM_DEFAULT_LOCALE));
  return { status: "done" };
}

/** A member's role and store scope, from the member's row on the staff page. */
export async function changeMemberRoleAction(merchantId: string, _prev: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const access = await requireStaffManager(merchantId);
  const parsed = changeRoleSchema.safeParse(staffFormFields(formData));
  if (!parsed.success) return invalid(firstIssues(parsed.error), formData);
  const result = await changeMemberRole(access, parsed.data.membershipId, parsed.data.role, parsed.data.storeIds);
  if (result.ok) revalidateStaff();
  return outcome(result);
}

// Wrong codes per client address: phrases are easy to say, so they must not be easy to guess.
const JOIN_LIMIT = { points: 20, durationSeconds: 15 * 60 };
const g = globalThis as unknown as { patronJoinLimiter?: ReturnType<typeof createLimiter> };

async function joinAttemptAllowed(): Promise<boolean> {
  const limiter = (g.patronJoinLimiter ??= createLimiter("staff:join:ip", JOIN_LIMIT));
  return (await consumePoint(limiter, clientIp(await headers()))).ok;
}

/**
 * Joins a team with an access code: the signed-in user, or a new account made from the same
 * form (name, email, password), which is then signed in. Wrong codes count against a per-address
 * limit. Success: the merchant's area, or /account where a moderated request shows as waiting.
 */
export async function joinWithCodeAction(_prev: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const fields = staffFormFields(formData);
  const user = await loadSession();
  const phrase = phraseSchema.safeParse(fields.code ?? "");
  if (!phrase.success) return { status: "error", error: "required", field: "code", values: typed(formData) };
  const account = user ? null : newAccountSchema.safeParse(fields);
  if (account && !account.success) return invalid(firstIssues(account.error), formData);
  if (!(await joinAttemptAllowed())) return { status: "error", error: "rateLimited", values: typed(formData) };
  const result = await joinWithCode(phrase.data, user ? { userId: user.userId } : { newAccount: account!.data! });
  if (!result.ok) return outcome(result, formData);
  if (!user) await signIn("credentials", { email: account!.data!.email, password: account!.data!.password, redirect: false });
  revalidateStaff();
  const locale = localeOf(formData);
  redirect(localizedPath(result.pending ? "/account" : `/account/m/${encodeURIComponent(result.merchantId)}`, locale, PLATFORM_DEFAULT_LOCALE));
}

/** Accepts an emailed invitation, as the signed-in user or as a new account with the invited email. */
export async function acceptInvitationAction(token: string, _prev: StaffFormState, formData: FormData): Promise<StaffFormState> {
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) notFound();
  const user = await loadSession();
  let result;
  let password: string | null = null;
  if (user) {
    result = await acceptInvitation(token, { userId: user.userId, email: user.email });
  } else {
    const fields = staffFormFields(formData);
    const parsed = newAccountSchema.omit({ email: true }).safeParse(fields);
    if (!parsed.success) return invalid(firstIssues(parsed.error), formData);
    password = parsed.data.password;
    result = await acceptInvitation(token, { newAccount: parsed.data });
  }
  if (!result.ok) return outcome(result, formData);
  if (!user && password) await signIn("credentials", { email: result.email, password, redirect: false });
  revalidateStaff();
  redirect(localizedPath(`/account/m/${encodeURIComponent(result.merchantId)}`, localeOf(formData), PLATFORM_DEFAULT_LOCALE));
}
