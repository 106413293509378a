import { describe, expect, it } from "vitest";
import { accessCodeState, canApprove, canManageRole, codeRoles, invitableRoles, scopeWithin } from "./rules";

describe("staff rules", () => {
  it.each([
    ["OWNER", "OWNER", true],
    ["OWNER", "MANAGER", true],
    ["OWNER", "STAFF", true],
    ["MANAGER", "OWNER", false],
    ["MANAGER", "MANAGER", false],
    ["MANAGER", "STAFF", true],
    ["STAFF", "STAFF", false],
  ] as const)("%s manages %s: %s", (actor, target, allowed) => {
    expect(canManageRole(actor, target)).toBe(allowed);
  });

  it.each([
    ["OWNER", "MANAGER", true],
    ["OWNER", "STAFF", true],
    ["MANAGER", "STAFF", true],
    ["MANAGER", "MANAGER", false],
    ["STAFF", "STAFF", false],
  ] as const)("%s approves a %s request: %s", (actor, requested, allowed) => {
    expect(canApprove(actor, requested)).toBe(allowed);
  });

  it("roles handed out follow the hierarchy; codes never make owners", () => {
    expect(invitableRoles("OWNER")).toEqual(["OWNER", "MANAGER", "STAFF"]);
    expect(invitableRoles("MANAGER")).toEqual(["STAFF"]);
    expect(invitableRoles("STAFF")).toEqual([]);
    expect(codeRoles("OWNER")).toEqual(["MANAGER", "STAFF"]);
  });

  it.each([
    [null, null, true],
    [["a"], null, true],
    [null, ["a"], false],
    [[], ["a"], false],
    [["a"], ["a", "b"], true],
    [["a", "c"], ["a", "b"], false],
  ] as const)("scope %j within %j: %s", (scope, actorScope, within) => {
    expect(scopeWithin(scope, actorScope)).toBe(within);
  });

  const now = new Date("2026-12-01T12:00:00Z");
  const later = new Date("2026-12-02T12:00:00Z");
  it.each([
    [{ expiresAt: later, revokedAt: null, multiUse: false, useCount: 0 }, "live"],
    [{ expiresAt: later, revokedAt: null, multiUse: false, useCount: 1 }, "used"],
    [{ expiresAt: later, revokedAt: null, multiUse: true, useCount: 40 }, "live"],
    [{ expiresAt: now, revokedAt: null, multiUse: true, useCount: 0 }, "expired"],
    [{ expiresAt: later, revokedAt: now, multiUse: true, useCount: 0 }, "revoked"],
  ])("code %j is %s", (code, state) => {
    expect(accessCodeState(code, now)).toBe(state);
  });
});
