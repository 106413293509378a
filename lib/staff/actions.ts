"use server";

import { headers } from "next/headers";
import { fail, failFields, ok, type Outcome } from "@/lib/actions/pipeline";
import { merchantAction, publicAction } from "@/lib/auth/action-clients";
import { signIn } from "@/lib/auth/index";
import { clientIp, consumePoint, createLimiter } from "@/lib/auth/rate-limit";
import { cacheTags } from "@/lib/cache";
import { PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
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
import {
  acceptInvitationSchema,
  accessCodeIdSchema,
  accessCodeSchema,
  changeRoleSchema,
  invitationIdSchema,
  inviteSchema,
  joinDecisionSchema,
  joinWithCodeSchema,
  membershipIdSchema,
} from "./schema";

/**
 * The staff actions. Every merchant-side action is on the merchant client at MANAGER (another
 * merchant: 404, staff: 403); what a manager may do to whom is decided by the mutation
 * (lib/staff/rules). Expected refusals come back as texts under `Staff.errors` and write nothing.
 */

const staffManager = merchantAction({ role: "MANAGER" });

/** A refusal of the mutation: its field's when it names one, else the form's. */
function refusal(result: Extract<StaffResult, { ok: false }>): Outcome<never> {
  const key = `Staff.errors.${result.error}` as const;
  return result.field ? failFields({ [result.field]: key }) : fail(key);
}

export const inviteStaffAction = staffManager({
  schema: inviteSchema,
  messages: "Staff.errors",
  handler: async (input, ctx) => {
    const result = await inviteByEmail(ctx.access, input, { config: urlConfig(), locale: ctx.locale });
    return result.ok ? ok(undefined, { invalidate: [cacheTags.account(ctx.merchantId)] }) : refusal(result);
  },
});

export const revokeInvitationAction = staffManager({
  schema: invitationIdSchema,
  messages: "Staff.errors",
  handler: async ({ invitationId }, ctx) => {
    const result = await revokeInvitation(ctx.access, invitationId);
    return result.ok ? ok(undefined, { invalidate: [cacheTags.account(ctx.merchantId)] }) : refusal(result);
  },
});

/** A new access code; its phrase comes back as data, shown once. */
export const createAccessCodeAction = staffManager({
  schema: accessCodeSchema,
  messages: "Staff.errors",
  handler: async (input, ctx) => {
    const result = await createAccessCode(ctx.access, input);
    return result.ok ? ok({ phrase: result.phrase }, { invalidate: [cacheTags.account(ctx.merchantId)] }) : refusal(result);
  },
});

export const revokeAccessCodeAction = staffManager({
  schema: accessCodeIdSchema,
  messages: "Staff.errors",
  handler: async ({ codeId }, ctx) => {
    const result = await revokeAccessCode(ctx.access, codeId);
    return result.ok ? ok(undefined, { invalidate: [cacheTags.account(ctx.merchantId)] }) : refusal(result);
  },
});

export const decideJoinRequestAction = staffManager({
  schema: joinDecisionSchema,
  messages: "Staff.errors",
  handler: async ({ requestId, decision }, ctx) => {
    const result = await decideJoinRequest(ctx.access, requestId, decision);
    return result.ok ? ok(undefined, { invalidate: [cacheTags.account(ctx.merchantId)] }) : refusal(result);
  },
});

export const removeMemberAction = staffManager({
  schema: membershipIdSchema,
  messages: "Staff.errors",
  handler: async ({ membershipId }, ctx) => {
    const result = await removeMember(ctx.access, membershipId);
    if (!result.ok) return refusal(result);
    // Whoever removed themselves has no business here any more.
    return ok(undefined, {
      invalidate: [cacheTags.account(ctx.merchantId)],
      redirectTo: result.self ? localizedPath("/account", ctx.locale, PLATFORM_DEFAULT_LOCALE) : undefined,
    });
  },
});

/** A member's role and store scope, from the member's row on the staff page. */
export const changeMemberRoleAction = staffManager({
  schema: changeRoleSchema,
  messages: "Staff.errors",
  handler: async ({ membershipId, role, storeIds }, ctx) => {
    const result = await changeMemberRole(ctx.access, membershipId, role, storeIds);
    return result.ok ? ok(undefined, { invalidate: [cacheTags.account(ctx.merchantId)] }) : refusal(result);
  },
});

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
export const joinWithCodeAction = publicAction({
  schema: (ctx) => joinWithCodeSchema(!ctx.user),
  messages: "Staff.errors",
  handler: async (input, ctx) => {
    if (!(await joinAttemptAllowed())) return fail("Staff.errors.rateLimited");
    const { code, account } = input;
    const result = await joinWithCode(code, ctx.user ? { userId: ctx.user.userId } : { newAccount: account! });
    if (!result.ok) return refusal(result);
    if (!ctx.user && account) await signIn("credentials", { email: account.email, password: account.password, redirect: false });
    return ok(undefined, {
      invalidate: [cacheTags.account(result.merchantId)],
      redirectTo: localizedPath(result.pending ? "/account" : `/account/m/${encodeURIComponent(result.merchantId)}`, ctx.locale, PLATFORM_DEFAULT_LOCALE),
    });
  },
});

/** Accepts an emailed invitation (its token a field of the form), as the signed-in user or as a new account with the invited email. */
export const acceptInvitationAction = publicAction({
  schema: (ctx) => acceptInvitationSchema(!ctx.user),
  messages: "Staff.errors",
  handler: async (input, ctx) => {
    const { account } = input;
    const result = ctx.user
      ? await acceptInvitation(input.token, { userId: ctx.user.userId, email: ctx.user.email })
      : await acceptInvitation(input.token, { newAccount: account! });
    if (!result.ok) return refusal(result);
    if (!ctx.user && account) await signIn("credentials", { email: result.email, password: account.password, redirect: false });
    return ok(undefined, {
      invalidate: [cacheTags.account(result.merchantId)],
      redirectTo: localizedPath(`/account/m/${encodeURIComponent(result.merchantId)}`, ctx.locale, PLATFORM_DEFAULT_LOCALE),
    });
  },
});
