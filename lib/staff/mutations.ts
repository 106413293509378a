import "server-only";
import { createHash, randomBytes, randomInt } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { hashPassword } from "@/lib/auth/password";
import type { MemberRole, MembershipAccess } from "@/lib/auth/types";
import { db, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import type { Locale } from "@/lib/locales";
import type { NewAccountInput } from "@/lib/onboarding/schema";
import { absoluteUrl, platformAddress, type UrlConfig } from "@/lib/tenancy/urls";
import { generatePhrase, phraseWordCount } from "./phrases";
import { accessCodeState, canApprove, canManageRole, codeRoles, invitableRoles, scopeWithin } from "./rules";
import type { AccessCodeInput, InviteInput } from "./schema";
import type { StaffError } from "./types";

/**
 * Staff writes. Actors come from requireMembership (MANAGER or above for the staff page); every
 * row is looked up with the actor's merchant in its `where`, every change is written with its
 * audit event in one transaction, and refusals are results that write nothing.
 */

export type StaffResult<T = object> = ({ ok: true } & T) | { ok: false; error: StaffError; field?: string };

export const INVITATION_VALID_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_PHRASE_ATTEMPTS = 30;
/** Transactions that wait on row locks under load (many people typing one code at once). */
const LOCKING_TX = { maxWait: 20_000, timeout: 30_000 } as const;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** The store scope of a grant: [] means every store; refused unless within the actor's scope and the merchant's stores. */
async function checkScope(tx: Tx, actor: MembershipAccess, storeIds: string[]): Promise<boolean> {
  const unique = [...new Set(storeIds)];
  if (!scopeWithin(unique.length > 0 ? unique : null, actor.storeIds)) return false;
  if (unique.length === 0) return true;
  return (await tx.store.count({ where: { merchantId: actor.merchantId, id: { in: unique } } })) === unique.length;
}

async function addMembership(tx: Tx, merchantId: string, userId: string, role: MemberRole, storeIds: string[]) {
  const membership = await tx.membership.create({ data: { userId, merchantId, role }, select: { id: true } });
  const stores = await tx.store.findMany({ where: { merchantId, id: { in: storeIds } }, select: { id: true } });
  if (stores.length > 0) {
    await tx.membershipStore.createMany({ data: stores.map((s) => ({ membershipId: membership.id, storeId: s.id, merchantId })) });
  }
  return membership;
}

async function isMember(tx: Tx, merchantId: string, email: string): Promise<boolean> {
  return (await tx.membership.count({ where: { merchantId, user: { email } } })) > 0;
}

/**
 * Invites `input.email` by email: an invitation row holding the hash of a random secret, and the
 * email with the link (through the outbox, in the same transaction), in `link.locale`. Refused: a role above what the actor may give, stores outside the actor's
 * scope, an address that is already a member or already has an open invitation.
 */
export async function inviteByEmail(actor: MembershipAccess, input: InviteInput, link: { config: UrlConfig; locale: Locale }): Promise<StaffResult> {
  if (!invitableRoles(actor.role).includes(input.role)) return { ok: false, error: "roleNotAllowed", field: "role" };
  const token = randomBytes(32).toString("base64url");
  return db.$transaction(async (tx) => {
    if (!(await checkScope(tx, actor, input.storeIds))) return { ok: false, error: "invalidStores", field: "storeIds" } as const;
    if (await isMember(tx, actor.merchantId, input.email)) return { ok: false, error: "alreadyMember", field: "email" } as const;
    const open = await tx.staffInvitation.count({
      where: { merchantId: actor.merchantId, email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    });
    if (open > 0) return { ok: false, error: "alreadyInvited", field: "email" } as const;
    const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: actor.merchantId }, select: { name: true } });
    const invitation = await tx.staffInvitation.create({
      data: {
        merchantId: actor.merchantId,
        email: input.email,
        role: input.role,
        storeIds: [...new Set(input.storeIds)],
        tokenHash: hashInvitationToken(token),
        invitedById: actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_VALID_DAYS * DAY_MS),
      },
      select: { id: true },
    });
    await enqueueEmail(
      {
        to: input.email,
        template: "staff-invitation",
        locale: link.locale,
        merchantId: actor.merchantId,
        idempotencyKey: `staff-invitation:${invitation.id}`,
        data: { url: absoluteUrl(platformAddress(link.config), `/account/invitations/${token}`, link.locale, link.config), merchantName: merchant.name, role: input.role, days: INVITATION_VALID_DAYS },
      },
      tx,
    );
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "staff.invite",
      targetType: "invitation",
      targetId: invitation.id,
      data: { email: input.email, role: input.role, storeIds: input.storeIds },
    });
    return { ok: true } as const;
  });
}

/** Withdraws an open invitation of the actor's merchant (one the actor could have sent). */
export async function revokeInvitation(actor: MembershipAccess, invitationId: string): Promise<StaffResult> {
  return db.$transaction(async (tx) => {
    const invitation = await tx.staffInvitation.findFirst({
      where: { id: invitationId, merchantId: actor.merchantId, acceptedAt: null, revokedAt: null },
      select: { id: true, role: true, storeIds: true },
    });
    if (!invitation) return { ok: false, error: "notFound" } as const;
    if (!invitableRoles(actor.role).includes(invitation.role)) return { ok: false, error: "notAllowed" } as const;
    await tx.staffInvitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, { merchantId: actor.merchantId, actorUserId: actor.userId, action: "staff.invitation.revoke", targetType: "invitation", targetId: invitation.id });
    return { ok: true } as const;
  });
}

/**
 * Accepts an invitation for the signed-in user (whose email must be the invited one) or for a
 * new account created here with the invited email. Single use under the invitation's row lock.
 */
export async function acceptInvitation(
  token: string,
  who: { userId: string; email: string } | { newAccount: Omit<NewAccountInput, "email"> },
): Promise<StaffResult<{ merchantId: string; userId: string; email: string }>> {
  const passwordHash = "newAccount" in who ? await hashPassword(who.newAccount.password) : null;
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string; merchantId: string; email: string; role: MemberRole; storeIds: string[]; expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }>>`
      SELECT "id", "merchantId", "email", "role"::text AS "role", "storeIds", "expiresAt", "acceptedAt", "revokedAt"
      FROM "StaffInvitation" WHERE "tokenHash" = ${hashInvitationToken(token)} FOR UPDATE`;
    const invitation = rows[0];
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) {
      return { ok: false, error: "invitationInvalid" } as const;
    }
    // Every check before the first write: a refusal returns from the transaction, which commits.
    if (await isMember(tx, invitation.merchantId, invitation.email)) return { ok: false, error: "alreadyMember" } as const;
    let userId: string;
    if ("newAccount" in who) {
      if ((await tx.user.count({ where: { email: invitation.email } })) > 0) return { ok: false, error: "emailTaken" } as const;
      userId = (await tx.user.create({ data: { email: invitation.email, name: who.newAccount.name, passwordHash, emailVerified: new Date() }, select: { id: true } })).id;
    } else {
      if (who.email !== invitation.email) return { ok: false, error: "wrongAccount" } as const;
      userId = who.userId;
    }
    const membership = await addMembership(tx, invitation.merchantId, userId, invitation.role, invitation.storeIds);
    await tx.membershipRequest.deleteMany({ where: { merchantId: invitation.merchantId, userId } });
    await tx.staffInvitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    await recordAuditEvent(tx, {
      merchantId: invitation.merchantId,
      actorUserId: userId,
      action: "staff.invitation.accept",
      targetType: "membership",
      targetId: membership.id,
      data: { invitationId: invitation.id, role: invitation.role },
    });
    return { ok: true, merchantId: invitation.merchantId, userId, email: invitation.email } as const;
  }, LOCKING_TX);
}

/**
 * Creates an access code with a fresh phrase. Phrases are unique for ever; a collision is
 * retried with a new phrase (and more words after a few), so codes never run out.
 */
export async function createAccessCode(actor: MembershipAccess, input: AccessCodeInput): Promise<StaffResult<{ phrase: string }>> {
  if (!codeRoles(actor.role).includes(input.role)) return { ok: false, error: "roleNotAllowed", field: "role" };
  return db.$transaction(async (tx) => {
    if (!(await checkScope(tx, actor, input.storeIds))) return { ok: false, error: "invalidStores", field: "storeIds" } as const;
    const expiresAt = new Date(Date.now() + input.days * DAY_MS);
    for (let attempt = 0; attempt < MAX_PHRASE_ATTEMPTS; attempt++) {
      const phrase = generatePhrase(randomInt, phraseWordCount(attempt));
      // ON CONFLICT DO NOTHING: a collision returns no row instead of aborting the transaction.
      const [created] = await tx.accessCode.createManyAndReturn({
        data: [{ merchantId: actor.merchantId, phrase, role: input.role, storeIds: [...new Set(input.storeIds)], multiUse: input.multiUse, moderated: input.moderated, expiresAt, createdById: actor.userId }],
        skipDuplicates: true,
        select: { id: true },
      });
      if (!created) continue;
      await recordAuditEvent(tx, {
        merchantId: actor.merchantId,
        actorUserId: actor.userId,
        action: "staff.code.create",
        targetType: "accessCode",
        targetId: created.id,
        data: { role: input.role, storeIds: input.storeIds, multiUse: input.multiUse, moderated: input.moderated, days: input.days },
      });
      return { ok: true, phrase } as const;
    }
    throw new Error("Could not find a free access code phrase");
  });
}

export async function revokeAccessCode(actor: MembershipAccess, codeId: string): Promise<StaffResult> {
  return db.$transaction(async (tx) => {
    const code = await tx.accessCode.findFirst({ where: { id: codeId, merchantId: actor.merchantId, revokedAt: null }, select: { id: true, role: true } });
    if (!code) return { ok: false, error: "notFound" } as const;
    if (!codeRoles(actor.role).includes(code.role)) return { ok: false, error: "notAllowed" } as const;
    await tx.accessCode.update({ where: { id: code.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, { merchantId: actor.merchantId, actorUserId: actor.userId, action: "staff.code.revoke", targetType: "accessCode", targetId: code.id });
    return { ok: true } as const;
  });
}

/**
 * Joins a merchant with an access code: the signed-in user, or a new account created here. An
 * unmoderated code makes a membership at once; a moderated one files a request that someone
 * with a higher role approves. Under the code's row lock, so a single-use code is used once
 * however many people type it at the same moment.
 */
export async function joinWithCode(
  phrase: string,
  who: { userId: string } | { newAccount: NewAccountInput },
): Promise<StaffResult<{ merchantId: string; userId: string; pending: boolean }>> {
  const passwordHash = "newAccount" in who ? await hashPassword(who.newAccount.password) : null;
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string; merchantId: string; role: MemberRole; storeIds: string[]; multiUse: boolean; moderated: boolean; expiresAt: Date; useCount: number; revokedAt: Date | null }>>`
      SELECT "id", "merchantId", "role"::text AS "role", "storeIds", "multiUse", "moderated", "expiresAt", "useCount", "revokedAt"
      FROM "AccessCode" WHERE "phrase" = ${phrase} FOR UPDATE`;
    const code = rows[0];
    if (!code) return { ok: false, error: "codeUnknown", field: "code" } as const;
    const state = accessCodeState(code, new Date());
    if (state === "revoked") return { ok: false, error: "codeUnknown", field: "code" } as const;
    if (state === "expired") return { ok: false, error: "codeExpired", field: "code" } as const;
    if (state === "used") return { ok: false, error: "codeUsed", field: "code" } as const;

    let userId: string;
    if ("newAccount" in who) {
      if ((await tx.user.count({ where: { email: who.newAccount.email } })) > 0) return { ok: false, error: "emailTaken", field: "email" } as const;
      userId = (await tx.user.create({ data: { email: who.newAccount.email, name: who.newAccount.name, passwordHash }, select: { id: true } })).id;
    } else {
      userId = who.userId;
      if ((await tx.membership.count({ where: { merchantId: code.merchantId, userId } })) > 0) return { ok: false, error: "alreadyMember" } as const;
      if ((await tx.membershipRequest.count({ where: { merchantId: code.merchantId, userId } })) > 0) return { ok: false, error: "alreadyPending" } as const;
    }
    await tx.accessCode.update({ where: { id: code.id }, data: { useCount: { increment: 1 } } });
    if (code.moderated) {
      const request = await tx.membershipRequest.create({
        data: { merchantId: code.merchantId, userId, accessCodeId: code.id, role: code.role, storeIds: code.storeIds },
        select: { id: true },
      });
      await recordAuditEvent(tx, { merchantId: code.merchantId, actorUserId: userId, action: "staff.code.request", targetType: "membershipRequest", targetId: request.id, data: { accessCodeId: code.id, role: code.role } });
      return { ok: true, merchantId: code.merchantId, userId, pending: true } as const;
    }
    const membership = await addMembership(tx, code.merchantId, userId, code.role, code.storeIds);
    await recordAuditEvent(tx, { merchantId: code.merchantId, actorUserId: userId, action: "staff.code.join", targetType: "membership", targetId: membership.id, data: { accessCodeId: code.id, role: code.role } });
    return { ok: true, merchantId: code.merchantId, userId, pending: false } as const;
  }, LOCKING_TX);
}

/** Approves (a membership is made) or rejects (the request goes) a join request; approvers rank above the requested role. */
export async function decideJoinRequest(actor: MembershipAccess, requestId: string, approve: boolean): Promise<StaffResult> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string; userId: string; role: MemberRole; storeIds: string[] }>>`
      SELECT "id", "userId", "role"::text AS "role", "storeIds" FROM "MembershipRequest"
      WHERE "id" = ${requestId} AND "merchantId" = ${actor.merchantId} FOR UPDATE`;
    const request = rows[0];
    if (!request) return { ok: false, error: "notFound" } as const;
    if (!canApprove(actor.role, request.role) || !scopeWithin(request.storeIds.length > 0 ? request.storeIds : null, actor.storeIds)) {
      return { ok: false, error: "notAllowed" } as const;
    }
    await tx.membershipRequest.delete({ where: { id: request.id } });
    let targetId = request.id;
    if (approve) {
      const membership = await addMembership(tx, actor.merchantId, request.userId, request.role, request.storeIds);
      targetId = membership.id;
    }
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: approve ? "staff.request.approve" : "staff.request.reject",
      targetType: approve ? "membership" : "membershipRequest",
      targetId,
      data: { userId: request.userId, role: request.role },
    });
    return { ok: true } as const;
  }, LOCKING_TX);
}

/**
 * Removes a member. Owners remove anyone, managers remove staff within their stores. The last
 * owner is never removed: the merchant's owner rows are locked (in id order) first, so two
 * owners removing each other at the same moment cannot both succeed. The gates read
 * memberships on every request, so the removed member's next request is refused.
 */
export async function removeMember(actor: MembershipAccess, membershipId: string): Promise<StaffResult<{ self: boolean }>> {
  return db.$transaction(async (tx) => {
    const owners = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Membership" WHERE "merchantId" = ${actor.merchantId} AND "role" = 'OWNER' ORDER BY "id" FOR UPDATE`;
    const target = await tx.membership.findFirst({
      where: { id: membershipId, merchantId: actor.merchantId },
      select: { id: true, userId: true, role: true, stores: { select: { storeId: true } } },
    });
    if (!target) return { ok: false, error: "notFound" } as const;
    const self = target.userId === actor.userId;
    const targetScope = target.stores.length > 0 ? target.stores.map((s) => s.storeId) : null;
    if (!self && (!canManageRole(actor.role, target.role) || !scopeWithin(targetScope, actor.storeIds))) return { ok: false, error: "notAllowed" } as const;
    if (target.role === "OWNER" && owners.length <= 1) return { ok: false, error: "lastOwner" } as const;
    await tx.membership.delete({ where: { id: target.id } });
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "staff.remove",
      targetType: "membership",
      targetId: target.id,
      data: { userId: target.userId, role: target.role },
    });
    return { ok: true, self } as const;
  }, LOCKING_TX);
}

/**
 * Changes a member's role and store scope ([] = every store). Owners change anyone; managers
 * only re-scope staff within their own stores (they can hand out no role above STAFF). The last
 * owner is never demoted: the owner rows are locked first, as for removals.
 */
export async function changeMemberRole(actor: MembershipAccess, membershipId: string, role: MemberRole, storeIds: string[]): Promise<StaffResult> {
  if (!invitableRoles(actor.role).includes(role)) return { ok: false, error: "roleNotAllowed", field: "role" };
  return db.$transaction(async (tx) => {
    const owners = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Membership" WHERE "merchantId" = ${actor.merchantId} AND "role" = 'OWNER' ORDER BY "id" FOR UPDATE`;
    const target = await tx.membership.findFirst({
      where: { id: membershipId, merchantId: actor.merchantId },
      select: { id: true, userId: true, role: true, stores: { select: { storeId: true } } },
    });
    if (!target) return { ok: false, error: "notFound" } as const;
    const targetScope = target.stores.length > 0 ? target.stores.map((s) => s.storeId) : null;
    if (!canManageRole(actor.role, target.role) || !scopeWithin(targetScope, actor.storeIds)) return { ok: false, error: "notAllowed" } as const;
    if (!(await checkScope(tx, actor, storeIds))) return { ok: false, error: "invalidStores", field: "storeIds" } as const;
    if (target.role === "OWNER" && role !== "OWNER" && owners.length <= 1) return { ok: false, error: "lastOwner" } as const;
    const stores = [...new Set(storeIds)];
    await tx.membership.update({ where: { id: target.id }, data: { role } });
    await tx.membershipStore.deleteMany({ where: { membershipId: target.id, merchantId: actor.merchantId } });
    if (stores.length > 0) {
      await tx.membershipStore.createMany({ data: stores.map((storeId) => ({ membershipId: target.id, storeId, merchantId: actor.merchantId })) });
    }
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "staff.role.change",
      targetType: "membership",
      targetId: target.id,
      data: { userId: target.userId, from: target.role, to: role, storeIds: stores },
    });
    return { ok: true } as const;
  }, LOCKING_TX);
}
