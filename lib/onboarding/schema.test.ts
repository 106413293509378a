import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { signUpFormSchema } from "./schema";

const errors = en.Onboarding.errors as Record<string, string>;
const valid = { merchantName: "Café Léa SARL", storeName: "Café Léa", slug: "cafe-lea", currency: "EUR", defaultLocale: "fr", locales: "en" };
const account = { name: "Léa", email: "lea@example.test", password: "a long password" };

/** The field of each issue and its message, which the sign-up action reads as a key under `Onboarding.errors`. */
function issues(needsAccount: boolean, input: unknown): Record<string, string> {
  const result = signUpFormSchema(needsAccount).safeParse(input);
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("signUpFormSchema", () => {
  it.each([
    ["nothing at all", {}],
    ["not an object", "x"],
    ["missing account fields", valid],
    ["wrong types", { ...account, merchantName: 42, slug: ["a"], currency: "XXX", defaultLocale: "tlh", locales: Array.from({ length: 11 }, () => "en") }],
    ["too long", { ...valid, ...account, name: "x".repeat(2000), email: `${"a".repeat(300)}@example.test`, password: "p".repeat(100) }],
    ["bad email", { ...valid, ...account, email: "josé@example.test" }],
  ])("every issue of %s is a text of Onboarding.errors, one per field", (_, input) => {
    const found = issues(true, input);
    expect(Object.keys(found).length).toBeGreaterThan(0);
    for (const [field, message] of Object.entries(found)) {
      expect(field).not.toContain(".");
      expect(errors, `${field}: ${message}`).toHaveProperty(message);
    }
  });

  it("names each problem as the form shows it", () => {
    expect(issues(true, { ...valid, name: "", email: "not-an-email", password: "short" })).toEqual({ name: "required", email: "invalidEmail", password: "passwordTooShort" });
    expect(issues(true, { ...valid, ...account, email: `${"a".repeat(300)}@example.test` })).toEqual({ email: "tooLong" });
    expect(issues(false, { ...valid, slug: "admin" })).toEqual({ slug: "slugReserved" });
  });

  it("reads FormData entries: one checked locale or several, account fields only when asked for", () => {
    expect(signUpFormSchema(false).parse({ ...valid, ...account, locales: "lb" })).toEqual({
      merchant: { merchantName: "Café Léa SARL", storeName: "Café Léa", slug: "cafe-lea", currency: "EUR", defaultLocale: "fr", locales: ["fr", "lb"] },
      account: null,
    });
    expect(signUpFormSchema(true).parse({ ...valid, ...account, locales: ["de", "en"] })).toMatchObject({
      merchant: { locales: ["en", "fr", "de"] },
      account: { name: "Léa", email: "lea@example.test", password: "a long password" },
    });
  });
});
