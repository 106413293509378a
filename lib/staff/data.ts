import "server-only";
import { db } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";

/** Everyone at a merchant, with their store scopes, for the staff page. */
export function listMembers(merchantId: MerchantId) {
  return db.membership.findMany({
    where: { merchantId },
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, email: true, name: true } },
      stores: { where: { merchantId }, select: { storeId: true } },
    },
    orderBy: [{ createdAt: "asc" }],
  });
}

export function listJoinRequests(merchantId: MerchantId) {
  return db.membershipRequest.findMany({
    where: { merchantId },
    select: { id: true, role: true, storeIds: true, createdAt: true, user: { select: { email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
}

/** Invitations not yet accepted or revoked (expired ones included, marked by the page). */
export function listOpenInvitations(merchantId: MerchantId) {
  return db.staffInvitation.findMany({
    where: { merchantId, acceptedAt: null, revokedAt: null },
    select: { id: true, email: true, role: true, storeIds: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export function listAccessCodes(merchantId: MerchantId) {
  return db.accessCode.findMany({
    where: { merchantId, revokedAt: null },
    select: { id: true, phrase: true, role: true, storeIds: true, multiUse: true, moderated: true, expiresAt: true, useCount: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

export function listStoresOf(merchantId: MerchantId) {
  return db.store.findMany({ where: { merchantId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** An invitation by the hash of its link's secret, with its merchant's name. */
export function findInvitationByHash(tokenHash: string) {
  return db.staffInvitation.findUnique({
    where: { tokenHash },
    select: { id: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, merchant: { select: { id: true, name: true } } },
  });
}

/** The join requests a user waits on (for their /account page). */
export function listPendingRequestsOfUser(userId: string) {
  return db.membershipRequest.findMany({
    where: { userId },
    select: { id: true, role: true, merchant: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
}

export async function userWithEmailExists(email: string): Promise<boolean> {
  return (await db.user.count({ where: { email } })) > 0;
}
