import "server-only";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { generateSignInCode } from "@/lib/auth/codes";
import { authSecretOrThrow } from "@/lib/auth/config";
import { sessionHost } from "@/lib/auth/host-binding";
import { hashVerificationToken, VERIFICATION_MAX_AGE_SECONDS, verificationSecret } from "@/lib/auth/verification";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { PLATFORM_DEFAULT_LOCALE, type Locale } from "@/lib/locales";
import { routingChanged } from "@/lib/tenancy/mutations";
import { localizedPath } from "@/lib/tenancy/urls";

/**
 * The admin area's writes. Each takes the acting platform admin's user id (the caller passed
 * requirePlatformAdmin()) and writes its audit event in the same transaction as the change.
 */

export type AdminMutationResult<Done extends string> = { ok: true; done: Done } | { ok: false; reason: "notFound" | "unchanged" | "lastAdmin" };

/**
 * Suspends or reactivates a merchant. Suspension closes every storefront of the merchant (the
 * storefront reads the merchant's status on each request) and the account area to its members
 * (requireMembership reads it on each request); the routing caches of every process are dropped
 * on commit. Setting the status it already has changes nothing and records nothing.
 */
export async function setMerchantStatus(
  actorUserId: string,
  merchantId: string,
  status: "ACTIVE" | "SUSPENDED",
): Promise<AdminMutationResult<"suspended" | "reactivated">> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "Merchant" WHERE id = ${merchantId} FOR UPDATE`;
    const current = rows[0];
    if (!current) return { ok: false, reason: "notFound" } as const;
    if (current.status === status) return { ok: false, reason: "unchanged" } as const;
    await tx.merchant.update({ where: { id: merchantId }, data: { status, updatedAt: new Date() } });
    await recordAuditEvent(tx, {
      merchantId,
      actorUserId,
      action: status === "SUSPENDED" ? "merchant.suspend" : "merchant.reactivate",
      targetType: "Merchant",
      targetId: merchantId,
    });
    await routingChanged(tx);
    return { ok: true, done: status === "SUSPENDED" ? "suspended" : "reactivated" } as const;
  });
}

/**
 * Grants or revokes the platform admin right. The platform never loses its last admin: every
 * admin row is locked (in id order) before counting, so two admins revoking each other at the
 * same time cannot both succeed. This holds for an admin revoking their own right too.
 */
export async function setPlatformAdmin(
  actorUserId: string,
  userId: string,
  grant: boolean,
): Promise<AdminMutationResult<"adminGranted" | "adminRevoked">> {
  return db.$transaction(async (tx) => {
    if (grant) {
      const target = await tx.$queryRaw<{ isPlatformAdmin: boolean }[]>`SELECT "isPlatformAdmin" FROM "User" WHERE id = ${userId} FOR UPDATE`;
      if (!target[0]) return { ok: false, reason: "notFound" } as const;
      if (target[0].isPlatformAdmin) return { ok: false, reason: "unchanged" } as const;
    } else {
      // Only the admin rows, in id order: two revocations lock them in the same order, so one
      // waits for the other instead of deadlocking, then counts what the first one left.
      const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE "isPlatformAdmin" ORDER BY id FOR UPDATE`;
      if (!admins.some((a) => a.id === userId)) {
        const exists = await tx.user.count({ where: { id: userId } });
        return { ok: false, reason: exists ? "unchanged" : "notFound" } as const;
      }
      if (admins.length <= 1) return { ok: false, reason: "lastAdmin" } as const;
    }
    await tx.user.update({ where: { id: userId }, data: { isPlatformAdmin: grant, updatedAt: new Date() } });
    await recordAuditEvent(tx, {
      merchantId: null,
      actorUserId,
      action: grant ? "user.admin.grant" : "user.admin.revoke",
      targetType: "User",
      targetId: userId,
    });
    return { ok: true, done: grant ? "adminGranted" : "adminRevoked" } as const;
  });
}

/**
 * "Reset sign-in": emails the user a fresh one-time sign-in link and code for the apex, exactly
 * like the ones the sign-in page sends (the same Auth.js verification token, valid for the same
 * time), through the outbox. The password, if any, is left alone.
 */
export async function sendSignInLink(actorUserId: string, userId: string, locale: Locale): Promise<AdminMutationResult<"signInLinkSent">> {
  const e = env();
  const host = sessionHost(e.PLATFORM_ROOT_DOMAIN);
  if (!host) throw new Error(`PLATFORM_ROOT_DOMAIN ${JSON.stringify(e.PLATFORM_ROOT_DOMAIN)} is not a host name`);
  const origin = `${e.PLATFORM_PROTOCOL}://${host}`;
  const secret = verificationSecret(authSecretOrThrow(), host);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, isPlatformAdmin: true } });
    if (!user) return { ok: false, reason: "notFound" } as const;
    const code = generateSignInCode();
    await tx.verificationToken.create({
      data: {
        identifier: user.email,
        token: hashVerificationToken(code, secret),
        expires: new Date(Date.now() + VERIFICATION_MAX_AGE_SECONDS * 1000),
      },
    });
    const home = `${origin}${localizedPath(user.isPlatformAdmin ? "/admin" : "/account", locale, PLATFORM_DEFAULT_LOCALE)}`;
    const url = `${origin}/api/auth/callback/email?${new URLSearchParams({ callbackUrl: home, token: code, email: user.email })}`;
    const { id: messageId } = await enqueueEmail(
      {
        to: user.email,
        template: "sign-in",
        locale,
        data: { url, code, storeName: null },
        merchantId: null,
        idempotencyKey: `admin-sign-in:${hashVerificationToken(code, secret)}`,
      },
      tx,
    );
    await recordAuditEvent(tx, {
      merchantId: null,
      actorUserId,
      action: "user.sign-in-link",
      targetType: "User",
      targetId: userId,
      data: { emailMessageId: messageId },
    });
    return { ok: true, done: "signInLinkSent" } as const;
  });
}
