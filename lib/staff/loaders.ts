import "server-only";
import { forbidden } from "next/navigation";
import { requireMembership } from "@/lib/auth/loaders";
import { hasRole } from "@/lib/auth/types";
import { findInvitationByHash, listAccessCodes, listJoinRequests, listMembers, listOpenInvitations, listPendingRequestsOfUser, listStoresOf, userWithEmailExists } from "./data";
import { hashInvitationToken } from "./mutations";
import { accessCodeState, canApprove, canManageRole, codeRoles, invitableRoles, scopeWithin } from "./rules";

/**
 * The staff page of a merchant: managers and owners (staff: 403, other merchants: 404). Each
 * row says what this viewer may do with it, from the same rules the mutations apply.
 */
export async function loadStaffPage(merchantId: string) {
  const access = await requireMembership(merchantId);
  if (!hasRole(access.role, "MANAGER")) forbidden();
  const [members, requests, invitations, codes, stores] = await Promise.all([
    listMembers(access.merchantId),
    listJoinRequests(access.merchantId),
    listOpenInvitations(access.merchantId),
    listAccessCodes(access.merchantId),
    listStoresOf(access.merchantId),
  ]);
  const now = new Date();
  const scope = (ids: string[]) => (ids.length > 0 ? ids : null);
  return {
    access,
    stores: access.storeIds ? stores.filter((s) => access.storeIds!.includes(s.id as never)) : stores,
    storeNames: new Map(stores.map((s) => [s.id, s.name])),
    invitableRoles: invitableRoles(access.role),
    codeRoles: codeRoles(access.role),
    members: members.map((m) => {
      const self = m.user.id === access.userId;
      const storeIds = m.stores.map((s) => s.storeId);
      const manageable = canManageRole(access.role, m.role) && scopeWithin(scope(storeIds), access.storeIds);
      return { ...m, self, storeIds, canRemove: self || manageable, canChange: manageable };
    }),
    requests: requests.map((r) => ({ ...r, canDecide: canApprove(access.role, r.role) && scopeWithin(scope(r.storeIds), access.storeIds) })),
    invitations: invitations.map((i) => ({ ...i, expired: i.expiresAt.getTime() <= now.getTime(), canRevoke: invitableRoles(access.role).includes(i.role) })),
    codes: codes.map((c) => ({ ...c, state: accessCodeState(c, now), canRevoke: codeRoles(access.role).includes(c.role) })),
  };
}

export type StaffPage = Awaited<ReturnType<typeof loadStaffPage>>;

/**
 * An open invitation by the secret of its link, or null when it is unknown, used, withdrawn or
 * expired. Shows only what the invited person needs: the merchant's name, the role, the email.
 */
export async function loadInvitation(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const invitation = await findInvitationByHash(hashInvitationToken(token));
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) return null;
  return {
    email: invitation.email,
    role: invitation.role,
    merchantName: invitation.merchant.name,
    hasAccount: await userWithEmailExists(invitation.email),
  };
}

/** The join requests the signed-in user waits on. */
export async function loadPendingRequests(userId: string) {
  return listPendingRequestsOfUser(userId);
}
