import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { acceptInvitationSchema, accessCodeSchema, changeRoleSchema, invitationIdSchema, inviteSchema, joinDecisionSchema, joinWithCodeSchema } from "./schema";

const errors = en.Staff.errors as Record<string, string>;

/** Each issue's field and message: the staff actions read the message as a key under `Staff.errors`. */
function issues(schema: { safeParse(input: unknown): { error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, input: unknown) {
  return Object.fromEntries((schema.safeParse(input).error?.issues ?? []).map((i) => [i.path.map(String).join("."), i.message]));
}

const garbage: unknown[] = [{}, { email: 42, role: ["a", "b"], storeIds: [1, ""], days: "abc", uses: "many", membershipId: "!", code: 7, name: 3, password: {}, token: "short" }];

describe("staff form schemas", () => {
  const schemas = {
    inviteSchema,
    changeRoleSchema,
    accessCodeSchema,
    invitationIdSchema,
    joinDecisionSchema,
    joinWithCode: joinWithCodeSchema(true),
    joinWithCodeSignedIn: joinWithCodeSchema(false),
    acceptInvitation: acceptInvitationSchema(true),
  };
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}: every issue of a malformed form is a text of Staff.errors`, () => {
      for (const input of garbage) {
        for (const [field, message] of Object.entries(issues(schema, input))) expect(errors, `${name} ${field}: ${message}`).toHaveProperty(message);
      }
    });
  }

  it("names each problem as the forms show it", () => {
    expect(issues(inviteSchema, { email: "not an email", role: "STAFF" })).toEqual({ email: "invalidEmail" });
    expect(issues(inviteSchema, { email: `${"a".repeat(300)}@example.test`, role: "STAFF" })).toEqual({ email: "invalidEmail" });
    expect(issues(inviteSchema, { role: "STAFF" })).toEqual({ email: "required" });
    expect(issues(invitationIdSchema, {})).toEqual({ invitationId: "notFound" });
    expect(issues(joinWithCodeSchema(true), { code: "", name: "", email: "a@example.test", password: "short" })).toEqual({ code: "required", name: "required", password: "passwordTooShort" });
    expect(issues(acceptInvitationSchema(false), { token: "../etc" })).toEqual({ token: "invitationInvalid" });
  });

  it("reads FormData entries: one store or several, the decision as a yes or no", () => {
    expect(inviteSchema.parse({ email: "A@Example.test", role: "STAFF", storeIds: "s1" })).toMatchObject({ storeIds: ["s1"] });
    expect(changeRoleSchema.parse({ membershipId: "m1", role: "MANAGER", storeIds: ["s1", "s2"] })).toMatchObject({ storeIds: ["s1", "s2"] });
    expect(joinDecisionSchema.parse({ requestId: "r1", decision: "approve" })).toEqual({ requestId: "r1", decision: true });
    expect(joinDecisionSchema.parse({ requestId: "r1", decision: "deny" })).toEqual({ requestId: "r1", decision: false });
    expect(joinWithCodeSchema(false).parse({ code: "nine purple walruses", name: "ignored" })).toEqual({ code: "nine purple walruses", account: null });
  });
});
