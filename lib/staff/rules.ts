import { hasRole, type MemberRole } from "@/lib/auth/types";

/**
 * Who may do what to whom among a merchant's staff. Pure: the actions and the pages ask the
 * same questions. Owners manage everyone; managers manage staff (below them); staff manage
 * nobody. Store scopes narrow further: a member limited to some stores only hands out and
 * manages access within those stores.
 */

const RANK: Record<MemberRole, number> = { STAFF: 1, MANAGER: 2, OWNER: 3 };

/** May `actor` change or remove a member whose role is `target`? */
export function canManageRole(actor: MemberRole, target: MemberRole): boolean {
  if (actor === "OWNER") return true;
  return hasRole(actor, "MANAGER") && RANK[target] < RANK[actor];
}

/** The roles `actor` may hand out by email invitation. */
export function invitableRoles(actor: MemberRole): MemberRole[] {
  if (actor === "OWNER") return ["OWNER", "MANAGER", "STAFF"];
  if (actor === "MANAGER") return ["STAFF"];
  return [];
}

/** The roles an access code may give (never OWNER: a phrase said aloud is not enough for that). */
export function codeRoles(actor: MemberRole): MemberRole[] {
  return invitableRoles(actor).filter((r) => r !== "OWNER");
}

/** A moderated join request for `requested` is approved by someone with a higher role. */
export function canApprove(actor: MemberRole, requested: MemberRole): boolean {
  return RANK[actor] > RANK[requested];
}

/**
 * Is a scope (null = every store) within the actor's scope? An actor with every store covers
 * everything; a scoped actor covers only non-empty subsets of its own stores.
 */
export function scopeWithin(scope: readonly string[] | null, actorScope: readonly string[] | null): boolean {
  if (actorScope === null) return true;
  if (scope === null || scope.length === 0) return false;
  return scope.every((s) => actorScope.includes(s));
}

export type CodeState = "live" | "expired" | "used" | "revoked";

/** Whether an access code can still be used at `now`. */
export function accessCodeState(code: { expiresAt: Date; revokedAt: Date | null; multiUse: boolean; useCount: number }, now: Date): CodeState {
  if (code.revokedAt) return "revoked";
  if (code.expiresAt.getTime() <= now.getTime()) return "expired";
  if (!code.multiUse && code.useCount >= 1) return "used";
  return "live";
}
