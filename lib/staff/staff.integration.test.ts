import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { requireMembership } from "@/lib/auth/loaders";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { testRequest } from "@/tests/doubles/auth";
import { db } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";
import { auditActions, form, memberOf as member, outcome, passwordUser as person, actAs as signedInAs } from "@/tests/integration/actors";
import { createTenant } from "@/tests/integration/fixtures";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import * as actions from "./actions";
import { removeMember } from "./mutations";

const signIn = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock("@/lib/auth/index", async () => ({ ...(await import("@/tests/doubles/auth")), signIn }));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return { headers: async () => testHeaders() };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
// The page's locale, as next-intl settled it for the request; refusals come back as their keys.
const requestLocale = vi.hoisted(() => ({ value: "en" }));
vi.mock("next-intl/server", () => ({ getLocale: async () => requestLocale.value, getTranslations: async () => (key: string) => key }));

/**
 * What an action said, in the terms of the staff rules: done (with the new code's phrase), or
 * the refusal's code under `Staff.errors` and the field it belongs to, if any.
 */
interface Said {
  status: "done" | "error";
  error?: string;
  field?: string;
  phrase?: string;
}

function said(state: FormState<unknown>): Said {
  if (state.status === "ok") return { status: "done", ...(state.data as { phrase?: string } | undefined) };
  const [field, refusal] = Object.entries(state.fieldErrors ?? {})[0] ?? [undefined, state.error];
  const code = refusal?.key.replace(/^Staff\.errors\./, "");
  return { status: "error", ...(code ? { error: code } : {}), ...(field ? { field } : {}) };
}

function saying<A extends unknown[]>(action: (...args: A) => Promise<FormState<unknown>>) {
  return async (...args: A) => said(await action(...args));
}

const changeMemberRoleAction = saying(actions.changeMemberRoleAction);
const createAccessCodeAction = saying(actions.createAccessCodeAction);
const decideJoinRequestAction = saying(actions.decideJoinRequestAction);
const inviteStaffAction = saying(actions.inviteStaffAction);
const joinWithCodeAction = saying(actions.joinWithCodeAction);
const removeMemberAction = saying(actions.removeMemberAction);
/** The invitation page writes the link's token into the form. */
const acceptInvitationAction = (token: string, state: FormState<unknown>, data: FormData) => {
  data.set("token", token);
  return saying(actions.acceptInvitationAction)(state, data);
};

afterAll(async () => {
  await closeRateLimitPool();
});
beforeEach(() => {
  testRequest.host = "localhost:3000";
  testRequest.cookie = "";
  requestLocale.value = "en";
  // Each test its own client address, so the join limit of one test never refuses another's.
  testRequest.ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
});

async function newCode(merchantId: string, fields: Record<string, string | string[]>): Promise<string> {
  const result = await createAccessCodeAction(merchantId, IDLE, form(fields));
  expect(result).toMatchObject({ status: "done", phrase: expect.stringMatching(/^[a-z]+( [a-z]+){2,}$/) });
  return result.phrase!;
}

describe("access codes", () => {
  it("moderated: a staff member joins, waits, a manager approves, and the member gets in", async () => {
    const tenant = await createTenant();
    const manager = await member(tenant, "MANAGER");
    await signedInAs(manager.email);
    const phrase = await newCode(tenant.merchant.id, { role: "STAFF", uses: "multi", days: "3", moderated: "on" });

    const newcomer = await person("newcomer");
    await signedInAs(newcomer.email);
    // Case and separators do not matter.
    const typed = phrase.toUpperCase().replace(/ /g, "-");
    requestLocale.value = "fr";
    expect(await outcome(joinWithCodeAction(IDLE, form({ code: typed })))).toEqual({ redirect: "/fr/account" });
    requestLocale.value = "en";
    expect(await db.membershipRequest.count({ where: { merchantId: tenant.merchant.id, userId: newcomer.id } })).toBe(1);
    expect(await outcome(requireMembership(tenant.merchant.id))).toBe("notFound");
    expect(await joinWithCodeAction(IDLE, form({ code: phrase }))).toMatchObject({ status: "error", error: "alreadyPending" });

    // A staff member cannot approve; the manager can.
    const staff = await member(tenant, "STAFF");
    const request = await db.membershipRequest.findFirstOrThrow({ where: { userId: newcomer.id }, select: { id: true } });
    await signedInAs(staff.email);
    expect(await outcome(decideJoinRequestAction(tenant.merchant.id, IDLE, form({ requestId: request.id, decision: "approve" })))).toBe("forbidden");
    await signedInAs(manager.email);
    expect(await decideJoinRequestAction(tenant.merchant.id, IDLE, form({ requestId: request.id, decision: "approve" }))).toEqual({ status: "done" });

    await signedInAs(newcomer.email);
    expect(await requireMembership(tenant.merchant.id)).toMatchObject({ role: "STAFF", storeIds: null });
    expect((await auditActions(tenant.merchant.id)).map((e) => e.action)).toEqual(["staff.code.create", "staff.code.request", "staff.request.approve"]);
  });

  it("a visitor joins with an unmoderated code by creating an account, limited to the code's stores", async () => {
    const tenant = await createTenant();
    const owner = await member(tenant, "OWNER");
    await signedInAs(owner.email);
    const phrase = await newCode(tenant.merchant.id, { role: "MANAGER", uses: "single", days: "1", storeIds: [tenant.store.id] });
    await signedInAs(null);
    const email = `joiner-${Math.random().toString(36).slice(2, 8)}@example.test`;
    const result = await outcome(joinWithCodeAction(IDLE, form({ code: phrase, name: "Joe", email, password: "a long password" })));
    expect(result).toEqual({ redirect: `/account/m/${tenant.merchant.id}` });
    expect(signIn).toHaveBeenCalledWith("credentials", { email, password: "a long password", redirect: false });
    const membership = await db.membership.findFirstOrThrow({ where: { merchantId: tenant.merchant.id, user: { email } }, select: { role: true, stores: { select: { storeId: true } } } });
    expect(membership).toEqual({ role: "MANAGER", stores: [{ storeId: tenant.store.id }] });
  });

  it("reused, expired and unknown codes are refused with nothing written", async () => {
    const tenant = await createTenant();
    const owner = await member(tenant, "OWNER");
    await signedInAs(owner.email);
    const single = await newCode(tenant.merchant.id, { role: "STAFF", uses: "single", days: "7" });
    const expired = await newCode(tenant.merchant.id, { role: "STAFF", uses: "multi", days: "7" });
    await db.accessCode.update({ where: { phrase: expired }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const first = await person("first");
    await signedInAs(first.email);
    expect(await outcome(joinWithCodeAction(IDLE, form({ code: single })))).toMatchObject({ redirect: expect.any(String) });
    const second = await person("second");
    await signedInAs(second.email);
    expect(await joinWithCodeAction(IDLE, form({ code: single }))).toMatchObject({ status: "error", error: "codeUsed" });
    expect(await joinWithCodeAction(IDLE, form({ code: expired }))).toMatchObject({ status: "error", error: "codeExpired" });
    expect(await joinWithCodeAction(IDLE, form({ code: "nine purple walruses" }))).toMatchObject({ status: "error", error: "codeUnknown" });
    expect(await db.membership.count({ where: { userId: second.id } })).toBe(0);
    expect(await db.accessCode.findUniqueOrThrow({ where: { phrase: expired }, select: { useCount: true } })).toEqual({ useCount: 0 });
  });

  it("a single-use code typed by many people at once makes exactly one member", async () => {
    const tenant = await createTenant();
    const owner = await member(tenant, "OWNER");
    await signedInAs(owner.email);
    const phrase = await newCode(tenant.merchant.id, { role: "STAFF", uses: "single", days: "7" });
    await signedInAs(null);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        outcome(joinWithCodeAction(IDLE, form({ code: phrase, name: `P${i}`, email: `para-${i}-${Math.random().toString(36).slice(2, 7)}@example.test`, password: "a long password" }))),
      ),
    );
    expect(results.filter((r) => typeof r === "object" && r !== null && "redirect" in r)).toHaveLength(1);
    expect(results.filter((r) => typeof r === "object" && r !== null && "error" in r && r.error === "codeUsed")).toHaveLength(5);
    expect(await db.membership.count({ where: { merchantId: tenant.merchant.id, role: "STAFF" } })).toBe(1);
    // The refused attempts created no accounts either.
    expect(await db.user.count({ where: { email: { startsWith: "para-" }, memberships: { none: {} } } })).toBe(0);
  });

  it("managers cannot make manager codes; staff cannot make codes at all", async () => {
    const tenant = await createTenant();
    const manager = await member(tenant, "MANAGER");
    await signedInAs(manager.email);
    expect(await createAccessCodeAction(tenant.merchant.id, IDLE, form({ role: "MANAGER", uses: "single", days: "7" }))).toMatchObject({ error: "roleNotAllowed" });
    expect(await createAccessCodeAction(tenant.merchant.id, IDLE, form({ role: "STAFF", uses: "single", days: "365" }))).toMatchObject({ error: "invalidDays" });
    const staff = await member(tenant, "STAFF");
    await signedInAs(staff.email);
    expect(await outcome(createAccessCodeAction(tenant.merchant.id, IDLE, form({ role: "STAFF", uses: "single", days: "7" })))).toBe("forbidden");
    expect(await db.accessCode.count({ where: { merchantId: tenant.merchant.id } })).toBe(0);
  });
});

describe("email invitations", () => {
  it("an owner invites by email; the outbox has the link; the invitee creates an account and joins once", async () => {
    const tenant = await createTenant();
    const owner = await member(tenant, "OWNER");
    await signedInAs(owner.email);
    const email = `invitee-${Math.random().toString(36).slice(2, 8)}@example.test`;
    requestLocale.value = "de";
    expect(await inviteStaffAction(tenant.merchant.id, IDLE, form({ email: email.toUpperCase(), role: "MANAGER" }))).toEqual({ status: "done" });
    requestLocale.value = "en";
    expect(await inviteStaffAction(tenant.merchant.id, IDLE, form({ email, role: "STAFF" }))).toMatchObject({ error: "alreadyInvited", field: "email" });

    const message = await db.emailMessage.findFirstOrThrow({ where: { to: email, template: "staff-invitation" }, select: { locale: true, data: true, merchantId: true } });
    expect(message).toMatchObject({ locale: "de", merchantId: tenant.merchant.id });
    const url = (message.data as { url: string }).url;
    const token = /\/de\/account\/invitations\/([A-Za-z0-9_-]+)$/.exec(url)?.[1];
    expect(token, url).toBeTruthy();

    await signedInAs(null);
    expect(await outcome(acceptInvitationAction(token!, IDLE, form({ name: "Ina", password: "a long password" })))).toEqual({ redirect: `/account/m/${tenant.merchant.id}` });
    expect(await db.membership.findFirstOrThrow({ where: { merchantId: tenant.merchant.id, user: { email } }, select: { role: true } })).toEqual({ role: "MANAGER" });
    // The link works once.
    expect(await acceptInvitationAction(token!, IDLE, form({ name: "Ina", password: "a long password" }))).toMatchObject({ error: "invitationInvalid" });
    expect((await auditActions(tenant.merchant.id)).map((e) => e.action)).toEqual(["staff.invite", "staff.invitation.accept"]);
  });

  it("managers invite staff only, never to stores outside their own scope; members cannot be invited again", async () => {
    const tenant = await createTenant();
    const secondStore = await db.store.create({ data: { merchantId: tenant.merchant.id, slug: `second-${tenant.tag}`, name: "Second", currency: "EUR", defaultLocale: "en", locales: ["en"] }, select: { id: true } });
    const scoped = await member(tenant, "MANAGER", [tenant.store.id]);
    const staff = await member(tenant, "STAFF");
    await signedInAs(scoped.email);
    expect(await inviteStaffAction(tenant.merchant.id, IDLE, form({ email: "x@example.test", role: "OWNER" }))).toMatchObject({ error: "roleNotAllowed" });
    expect(await inviteStaffAction(tenant.merchant.id, IDLE, form({ email: "x@example.test", role: "STAFF" }))).toMatchObject({ error: "invalidStores" });
    expect(await inviteStaffAction(tenant.merchant.id, IDLE, form({ email: "x@example.test", role: "STAFF", storeIds: [secondStore.id] }))).toMatchObject({ error: "invalidStores" });
    expect(await inviteStaffAction(tenant.merchant.id, IDLE, form({ email: staff.email, role: "STAFF", storeIds: [tenant.store.id] }))).toMatchObject({ error: "alreadyMember" });
    expect(await inviteStaffAction(tenant.merchant.id, IDLE, form({ email: "not an email", role: "STAFF" }))).toMatchObject({ error: "invalidEmail", field: "email" });
    expect(await db.staffInvitation.count({ where: { merchantId: tenant.merchant.id } })).toBe(0);
    expect(await inviteStaffAction(tenant.merchant.id, IDLE, form({ email: "x@example.test", role: "STAFF", storeIds: [tenant.store.id] }))).toEqual({ status: "done" });
  });

  it("a signed-in user with another email cannot take someone else's invitation", async () => {
    const tenant = await createTenant();
    const owner = await member(tenant, "OWNER");
    await signedInAs(owner.email);
    const email = `target-${Math.random().toString(36).slice(2, 8)}@example.test`;
    await inviteStaffAction(tenant.merchant.id, IDLE, form({ email, role: "STAFF" }));
    const url = ((await db.emailMessage.findFirstOrThrow({ where: { to: email }, select: { data: true } })).data as { url: string }).url;
    const token = url.split("/").at(-1)!;
    const thief = await person("thief");
    await signedInAs(thief.email);
    expect(await acceptInvitationAction(token, IDLE, form({}))).toMatchObject({ error: "wrongAccount" });
    expect(await db.membership.count({ where: { userId: thief.id } })).toBe(0);
  });
});

describe("removing members", () => {
  it("a removed member's next request is refused; the last owner is never removed", async () => {
    const tenant = await createTenant();
    const [ownerRow] = await db.membership.findMany({ where: { merchantId: tenant.merchant.id, role: "OWNER" }, select: { id: true } });
    await db.membership.delete({ where: { id: ownerRow!.id } });
    const owner = await member(tenant, "OWNER");
    const manager = await member(tenant, "MANAGER");
    const staff = await member(tenant, "STAFF");

    await signedInAs(staff.email);
    expect(await requireMembership(tenant.merchant.id)).toMatchObject({ role: "STAFF" });

    // A manager removes staff but not the owner or another manager.
    await signedInAs(manager.email);
    expect(await removeMemberAction(tenant.merchant.id, IDLE, form({ membershipId: owner.membershipId }))).toMatchObject({ error: "notAllowed" });
    expect(await removeMemberAction(tenant.merchant.id, IDLE, form({ membershipId: staff.membershipId }))).toEqual({ status: "done" });
    await signedInAs(staff.email);
    expect(await outcome(requireMembership(tenant.merchant.id))).toBe("notFound");

    // The only owner cannot remove themselves.
    await signedInAs(owner.email);
    expect(await removeMemberAction(tenant.merchant.id, IDLE, form({ membershipId: owner.membershipId }))).toMatchObject({ error: "lastOwner" });
    expect(await db.membership.count({ where: { id: owner.membershipId } })).toBe(1);
    expect((await auditActions(tenant.merchant.id)).map((e) => e.action)).toEqual(["staff.remove"]);
  });

  it("two owners removing each other at the same moment: one stays", async () => {
    const tenant = await createTenant();
    await db.membership.deleteMany({ where: { merchantId: tenant.merchant.id } });
    const a = await member(tenant, "OWNER");
    const b = await member(tenant, "OWNER");
    // The gate's output for each owner, then both removals at once (one process plays two browsers).
    const accessA = { merchantId: tenant.merchant.id as MerchantId, userId: a.id, role: "OWNER" as const, storeIds: null };
    const accessB = { merchantId: tenant.merchant.id as MerchantId, userId: b.id, role: "OWNER" as const, storeIds: null };
    const results = await Promise.all([removeMember(accessA, b.membershipId), removeMember(accessB, a.membershipId)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "lastOwner")).toHaveLength(1);
    expect(await db.membership.count({ where: { merchantId: tenant.merchant.id, role: "OWNER" } })).toBe(1);
  });
});

describe("changing roles", () => {
  it("an owner promotes staff to manager of one store; the member's next request sees it; audited", async () => {
    const tenant = await createTenant();
    const owner = await member(tenant, "OWNER");
    const staff = await member(tenant, "STAFF");
    await signedInAs(owner.email);
    expect(await changeMemberRoleAction(tenant.merchant.id, IDLE, form({ membershipId: staff.membershipId, role: "MANAGER", storeIds: [tenant.store.id] }))).toEqual({ status: "done" });
    await signedInAs(staff.email);
    expect(await requireMembership(tenant.merchant.id)).toMatchObject({ role: "MANAGER", storeIds: [tenant.store.id] });
    const [event] = await db.auditEvent.findMany({ where: { merchantId: tenant.merchant.id, action: "staff.role.change" }, select: { actorUserId: true, targetId: true, data: true } });
    expect(event).toMatchObject({ actorUserId: owner.id, targetId: staff.membershipId, data: { from: "STAFF", to: "MANAGER" } });
  });

  it("the last owner is never demoted; managers cannot promote or touch managers; nothing is written", async () => {
    const tenant = await createTenant();
    await db.membership.deleteMany({ where: { merchantId: tenant.merchant.id } });
    const owner = await member(tenant, "OWNER");
    const manager = await member(tenant, "MANAGER");
    const otherManager = await member(tenant, "MANAGER");
    const staff = await member(tenant, "STAFF");
    await signedInAs(owner.email);
    expect(await changeMemberRoleAction(tenant.merchant.id, IDLE, form({ membershipId: owner.membershipId, role: "MANAGER" }))).toMatchObject({ error: "lastOwner" });
    await signedInAs(manager.email);
    expect(await changeMemberRoleAction(tenant.merchant.id, IDLE, form({ membershipId: staff.membershipId, role: "MANAGER" }))).toMatchObject({ error: "roleNotAllowed" });
    expect(await changeMemberRoleAction(tenant.merchant.id, IDLE, form({ membershipId: otherManager.membershipId, role: "STAFF" }))).toMatchObject({ error: "notAllowed" });
    // A manager may still re-scope staff within the stores they manage.
    expect(await changeMemberRoleAction(tenant.merchant.id, IDLE, form({ membershipId: staff.membershipId, role: "STAFF", storeIds: [tenant.store.id] }))).toEqual({ status: "done" });
    const roles = await db.membership.findMany({ where: { merchantId: tenant.merchant.id }, select: { id: true, role: true } });
    expect(Object.fromEntries(roles.map((r) => [r.id, r.role]))).toEqual({
      [owner.membershipId]: "OWNER",
      [manager.membershipId]: "MANAGER",
      [otherManager.membershipId]: "MANAGER",
      [staff.membershipId]: "STAFF",
    });
    expect((await db.auditEvent.findMany({ where: { merchantId: tenant.merchant.id }, select: { action: true } })).map((e) => e.action)).toEqual(["staff.role.change"]);
  });
});
