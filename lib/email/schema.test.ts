import { describe, expect, it } from "vitest";
import { enqueueEmailSchema, ignoredMailboxFilters, mailboxFilterSchema } from "./schema";

describe("mailboxFilterSchema", () => {
  it.each([
    [{}, { page: 1 }],
    [{ status: "SENT", template: "sign-in", merchant: "m1", recipient: " lea@ ", page: "3" }, { status: "SENT", template: "sign-in", merchant: "m1", recipient: "lea@", page: 3 }],
    [{ status: "NOPE", template: "unknown", page: "-2" }, { page: 1 }],
    [{ status: ["FAILED", "SENT"], page: ["2", "5"] }, { status: "FAILED", page: 2 }],
    [{ status: "", recipient: "   ", merchant: "" }, { page: 1 }],
    [{ page: "abc" }, { page: 1 }],
  ])("%j -> %j", (input, expected) => {
    const parsed = mailboxFilterSchema.parse(input);
    expect(Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined))).toEqual(expected);
  });
});

describe("enqueueEmailSchema", () => {
  const valid = { to: "lea@example.test", template: "sign-in", locale: "lb", data: {}, idempotencyKey: "k" };

  it("accepts a well-formed envelope", () => {
    expect(enqueueEmailSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ["recipient", { to: "nope" }],
    ["recipient over 254 characters", { to: `${"a".repeat(250)}@x.test` }],
    ["template", { template: "newsletter" }],
    ["locale", { locale: "it" }],
    ["key", { idempotencyKey: "x".repeat(201) }],
  ])("refuses a bad %s", (_label, override) => {
    expect(enqueueEmailSchema.safeParse({ ...valid, ...override }).success).toBe(false);
  });
});

describe("ignoredMailboxFilters", () => {
  it.each([
    [{}, []],
    [{ status: "SENT", page: "2" }, []],
    [{ status: "NOPE", template: "sign-in", page: "-2" }, ["status", "page"]],
    [{ template: "unknown", recipient: "x".repeat(300) }, ["template", "recipient"]],
    [{ status: "", merchant: "  " }, []],
  ])("%j -> %j", (input, expected) => {
    expect(ignoredMailboxFilters(input, mailboxFilterSchema.parse(input))).toEqual(expected);
  });
});
