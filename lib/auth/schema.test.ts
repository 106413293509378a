import { describe, expect, it } from "vitest";
import { codeSignInSchema, fieldErrors, linkRequestSchema, passwordSignInSchema } from "./schema";

function errorsOf(schema: typeof passwordSignInSchema | typeof linkRequestSchema | typeof codeSignInSchema, input: unknown) {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
}

describe("passwordSignInSchema", () => {
  it("normalizes the email and keeps the password as typed", () => {
    const parsed = passwordSignInSchema.parse({ email: "  Claire@FashionGroup.TEST ", password: " secret ", locale: "de" });
    expect(parsed).toEqual({ email: "claire@fashiongroup.test", password: " secret ", locale: "de", callbackUrl: undefined });
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

  it("falls back to English for an unknown locale and drops an over-long callback", () => {
    const parsed = passwordSignInSchema.parse({ email: "a@example.test", password: "x", locale: "xx", callbackUrl: "/".repeat(3000) });
    expect(parsed.locale).toBe("en");
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
