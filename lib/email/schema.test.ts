import { describe, expect, it } from "vitest";
import { enqueueEmailSchema, mailboxFilterSchema, unreadableMailboxParams } from "./schema";

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

describe("unreadableMailboxParams", () => {
  it.each([
    [{}, { refused: [], pageIgnored: false }],
    [{ status: "SENT", page: "2" }, { refused: [], pageIgnored: false }],
    [{ status: "NOPE", template: "sign-in", page: "-2" }, { refused: ["status"], pageIgnored: true }],
    [{ template: "unknown", recipient: "x".repeat(300) }, { refused: ["template", "recipient"], pageIgnored: false }],
    // An over-long recipient is refused, not dropped (which would list every email).
    [{ recipient: `${"a".repeat(250)}@x.test` }, { refused: ["recipient"], pageIgnored: false }],
    [{ recipient: ` ${"a".repeat(247)}@x.test ` }, { refused: [], pageIgnored: false }],
    [{ merchant: "m".repeat(65) }, { refused: ["merchant"], pageIgnored: false }],
    [{ status: "", merchant: "  " }, { refused: [], pageIgnored: false }],
  ])("%j -> %j", (input, expected) => {
    expect(unreadableMailboxParams(input, mailboxFilterSchema.parse(input))).toEqual(expected);
  });
});
