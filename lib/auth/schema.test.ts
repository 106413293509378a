import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { codeSignInSchema, linkRequestSchema, passwordSignInSchema } from "./schema";

/** The first issue message of each field, as the sign-in actions show it (a text of `Errors.field`). */
function errorsOf(schema: typeof passwordSignInSchema | typeof linkRequestSchema | typeof codeSignInSchema, input: unknown) {
  const parsed = schema.safeParse(input);
  const out: Record<string, string> = {};
  for (const issue of parsed.error?.issues ?? []) {
    expect(Object.keys(en.Errors.field), `${issue.path.join(".")}: ${issue.message}`).toContain(issue.message);
    out[String(issue.path[0])] ??= issue.message;
  }
  return out;
}

describe("passwordSignInSchema", () => {
  it("normalizes the email and keeps the password as typed", () => {
    const parsed = passwordSignInSchema.parse({ email: "  Claire@FashionGroup.TEST ", password: " secret " });
    expect(parsed).toEqual({ email: "claire@fashiongroup.test", password: " secret ", callbackUrl: undefined });
  });

  it.each([
    [{ email: "", password: "x" }, { email: "required" }],
    [{ password: "x" }, { email: "required" }],
    [{ email: "not-an-email", password: "x" }, { email: "invalidEmail" }],
    [{ email: "a@b", password: "x" }, { email: "invalidEmail" }],
    [{ email: `${"a".repeat(250)}@b.lu`, password: "x" }, { email: "emailTooLong" }],
    [{ email: "x".repeat(20_000), password: "x" }, { email: "emailTooLong" }],
    [{ email: "a@example.test", password: "" }, { password: "required" }],
    [{ email: "a@example.test", password: "x".repeat(73) }, { password: "passwordTooLong" }],
    // 24 three-byte characters are 72 bytes: allowed; 25 are not
    [{ email: "a@example.test", password: "€".repeat(25) }, { password: "passwordTooLong" }],
    [{ email: "", password: "" }, { email: "required", password: "required" }],
    [{ email: ["a@example.test"], password: 5 }, { email: "required", password: "required" }],
  ])("%j -> %j", (input, expected) => {
    expect(errorsOf(passwordSignInSchema, input)).toEqual(expected);
  });

  it("accepts a password of exactly 72 bytes", () => {
    expect(passwordSignInSchema.safeParse({ email: "a@example.test", password: "€".repeat(24) }).success).toBe(true);
  });

  it("drops an over-long callback", () => {
    const parsed = passwordSignInSchema.parse({ email: "a@example.test", password: "x", callbackUrl: "/".repeat(3000) });
    expect(parsed.callbackUrl).toBeUndefined();
  });
});

describe("codeSignInSchema", () => {
  it.each([
    [{ email: "a@example.test", code: "abcd-2345" }, {}],
    [{ email: "a@example.test", code: "" }, { code: "required" }],
    [{ email: "a@example.test", code: "ABCD234" }, { code: "invalidCode" }],
    [{ email: "a@example.test", code: "x".repeat(100) }, { code: "invalidCode" }],
    [{ email: "nope", code: "ABCD2345" }, { email: "invalidEmail" }],
  ])("%j -> %j", (input, expected) => {
    expect(errorsOf(codeSignInSchema, input)).toEqual(expected);
  });

  it("normalizes the code", () => {
    expect(codeSignInSchema.parse({ email: "a@example.test", code: "abcd 2345" }).code).toBe("ABCD2345");
  });
});
