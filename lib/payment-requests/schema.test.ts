import { describe, expect, it } from "vitest";
import {
  createRequestSchema,
  MAX_REQUEST_LINES,
  NAME_MAX,
  NOTE_MAX,
  parseRequestListQuery,
  payRequestSchema,
  REFERENCE_MAX,
  reminderSettingsSchema,
  requestIdSchema,
  stopRemindersSchema,
  TITLE_MAX,
} from "./schema";

const FORM_KEY = "form_key-0123456789";

/** A valid new-request form: one free-text line, everything else as a merchant leaves it. */
function form(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    storeId: "cstore123",
    payerName: "Léa Muller",
    payerEmail: "lea@example.test",
    payerLocale: "fr",
    forEmail: "",
    reference: "INV-2026-014",
    dueOn: "2026-12-20",
    note: "",
    formKey: FORM_KEY,
    "line.0.productId": "",
    "line.0.title": "Alterations: trousers",
    "line.0.amount": "35",
    "line.0.quantity": "1",
    ...fields,
  };
}

/** The field errors of a refused form, by field. */
function errorsOf(value: unknown): Record<string, string> {
  const result = createRequestSchema.safeParse(value);
  if (result.success) throw new Error(`expected a refusal, got ${JSON.stringify(result.data)}`);
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

function parsed(value: unknown) {
  const result = createRequestSchema.safeParse(value);
  if (!result.success) throw new Error(`expected a valid form, got ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

describe("createRequestSchema", () => {
  it("reads a valid form with its line rows, trimmed, emails normalized", () => {
    expect(
      parsed(
        form({
          payerName: "  Léa Muller ",
          payerEmail: " LEA@Example.TEST ",
          forEmail: "Tom@Example.test",
          reference: " INV-7 ",
          note: "  Thanks!\nSee you soon  ",
          "line.0.title": " Alterations ",
          "line.0.amount": "12,50",
          "line.0.quantity": "2",
          "line.1.productId": "cprod456",
          "line.1.title": "",
          "line.1.amount": "3.5",
          "line.1.quantity": "",
        }),
      ),
    ).toEqual({
      storeId: "cstore123",
      payerName: "Léa Muller",
      payerEmail: "lea@example.test",
      payerLocale: "fr",
      forEmail: "tom@example.test",
      reference: "INV-7",
      dueOn: "2026-12-20",
      note: "Thanks!\nSee you soon",
      formKey: FORM_KEY,
      lines: [
        { row: 0, productId: null, title: "Alterations", amount: "12,50", quantity: 2 },
        // A catalog line may leave its title to the product's; no quantity is one.
        { row: 1, productId: "cprod456", title: "", amount: "3.5", quantity: 1 },
      ],
    });
  });

  it("leaves optional fields null when empty, and the reference empty (one is made up)", () => {
    const input = parsed(form({ payerEmail: "", forEmail: "", reference: "", dueOn: "", note: "" }));
    expect(input).toMatchObject({ payerEmail: null, forEmail: null, reference: "", dueOn: null, note: null });
  });

  it("skips empty rows wherever they are, and keeps the others in order", () => {
    const input = parsed(
      form({
        "line.0.title": "",
        "line.0.amount": "",
        "line.0.quantity": "1",
        "line.3.title": "Hemming",
        "line.3.amount": "10",
        "line.7.title": "   ",
        "line.7.amount": " ",
        "line.7.quantity": "3",
        "line.19.title": "Buttons",
        "line.19.amount": "2",
      }),
    );
    expect(input.lines.map((l) => [l.row, l.title])).toEqual([
      [3, "Hemming"],
      [19, "Buttons"],
    ]);
  });

  it("reads no rows beyond the form's last one", () => {
    const input = parsed(form({ [`line.${MAX_REQUEST_LINES}.title`]: "Extra", [`line.${MAX_REQUEST_LINES}.amount`]: "5" }));
    expect(input.lines).toHaveLength(1);
  });

  it("refuses a form without any line", () => {
    expect(errorsOf(form({ "line.0.title": "", "line.0.amount": "", "line.0.quantity": "" }))).toEqual({ "line.0.title": "noLines" });
  });

  it.each([
    ["a negative amount", "-5", "invalidAmount"],
    ["a zero amount", "0", "invalidAmount"],
    ["zero with decimals", "0,00", "invalidAmount"],
    ["an amount that is not a number", "abc", "invalidAmount"],
    ["an exponent", "1e3", "invalidAmount"],
    ["too many decimals", "1.2345", "invalidAmount"],
    ["a huge amount", "99999999999999999999", "amountTooLarge"],
    ["an amount above what a database integer holds", "2147484", "amountTooLarge"],
    ["a missing amount", "", "required"],
  ])("refuses %s", (_label, amount, error) => {
    expect(errorsOf(form({ "line.0.amount": amount }))).toEqual({ "line.0.amount": error });
  });

  it.each([
    ["zero", "0"],
    ["negative", "-1"],
    ["a fraction", "1.5"],
    ["too many", "1000"],
    ["words", "two"],
  ])("refuses a quantity that is %s", (_label, quantity) => {
    expect(errorsOf(form({ "line.0.quantity": quantity }))).toEqual({ "line.0.quantity": "invalidQuantity" });
  });

  it("accepts the largest quantity", () => {
    expect(parsed(form({ "line.0.quantity": "999" })).lines[0]!.quantity).toBe(999);
  });

  it("needs a title on a line without a product", () => {
    expect(errorsOf(form({ "line.0.title": "" }))).toEqual({ "line.0.title": "required" });
  });

  it("names the row of each problem", () => {
    expect(
      errorsOf(
        form({
          "line.2.title": "Second",
          "line.2.amount": "-1",
          "line.5.productId": "bad id!",
          "line.5.amount": "4",
        }),
      ),
    ).toEqual({ "line.2.amount": "invalidAmount", "line.5.productId": "unknownProduct" });
  });

  it.each(["2026-13-01", "2026-02-30", "20-12-2026", "2026/12/20", "tomorrow", "2026-12-20T10:00", "1999-12-31"])(
    "refuses the due date %s",
    (dueOn) => {
      expect(errorsOf(form({ dueOn }))).toEqual({ dueOn: "invalidDate" });
    },
  );

  it.each(["lea", "lea@", "@example.test", "lea@example", "léa@example.test", "lea example@example.test"])("refuses the payer email %s", (payerEmail) => {
    expect(errorsOf(form({ payerEmail }))).toEqual({ payerEmail: "invalidEmail" });
  });

  it("refuses a bad email of the customer it is for", () => {
    expect(errorsOf(form({ forEmail: "not-an-email" }))).toEqual({ forEmail: "invalidEmail" });
  });

  it("needs the payer's name", () => {
    expect(errorsOf(form({ payerName: "   " }))).toEqual({ payerName: "required" });
  });

  it.each([
    ["payerName", "x".repeat(NAME_MAX + 1)],
    ["reference", "R".repeat(REFERENCE_MAX + 1)],
    ["note", "n".repeat(NOTE_MAX + 1)],
    ["line.0.title", "t".repeat(TITLE_MAX + 1)],
  ])("refuses a %s that is too long", (field, value) => {
    expect(errorsOf(form({ [field]: value }))).toEqual({ [field]: "tooLong" });
  });

  it("takes fields of exactly the longest length", () => {
    const input = parsed(
      form({
        payerName: "x".repeat(NAME_MAX),
        reference: "R".repeat(REFERENCE_MAX),
        note: "n".repeat(NOTE_MAX),
        "line.0.title": "t".repeat(TITLE_MAX),
      }),
    );
    expect(input.payerName).toHaveLength(NAME_MAX);
    expect(input.lines[0]!.title).toHaveLength(TITLE_MAX);
  });

  it("refuses a very long value without keeping it (a megabyte of input is cut first)", () => {
    expect(errorsOf(form({ payerName: "x".repeat(1_000_000), "line.0.title": "t".repeat(1_000_000) }))).toEqual({
      payerName: "tooLong",
      "line.0.title": "tooLong",
    });
  });

  it.each(["xx", "EN", "pt", ""])("refuses the payer language %j", (payerLocale) => {
    expect(errorsOf(form({ payerLocale }))).toEqual({ payerLocale: "invalidChoice" });
  });

  it.each(["", "short", "has space in it!!!!", "x".repeat(65)])("refuses the form key %j", (formKey) => {
    expect(errorsOf(form({ formKey }))).toEqual({ formKey: "required" });
  });

  it("refuses a store id that cannot be one", () => {
    expect(errorsOf(form({ storeId: "../other" }))).toEqual({ storeId: "unknownStore" });
    expect(errorsOf(form({ storeId: "" }))).toEqual({ storeId: "unknownStore" });
  });

  it("removes control characters instead of storing them", () => {
    const input = parsed(form({ payerName: "Léa\u0000 Muller", reference: "INV\u0007-1", "line.0.title": "Hem\u0000ming" }));
    expect(input).toMatchObject({ payerName: "Léa Muller", reference: "INV-1", lines: [{ title: "Hemming" }] });
  });

  it("reports every problem of the form at once", () => {
    expect(
      errorsOf(
        form({
          payerName: "",
          payerEmail: "nope",
          dueOn: "soon",
          "line.0.amount": "0",
          "line.0.quantity": "0",
        }),
      ),
    ).toEqual({
      payerName: "required",
      payerEmail: "invalidEmail",
      dueOn: "invalidDate",
      "line.0.amount": "invalidAmount",
      "line.0.quantity": "invalidQuantity",
    });
  });

  it("never throws on values of the wrong type", () => {
    for (const value of [null, undefined, 42, "text", [], { payerName: 5, "line.0.amount": 12, "line.0.title": ["a"] }]) {
      expect(() => createRequestSchema.safeParse(value)).not.toThrow();
      expect(createRequestSchema.safeParse(value).success).toBe(false);
    }
  });
});

describe("reminderSettingsSchema", () => {
  it.each([
    [{ interval: "7", maxReminders: "3" }, { interval: 7, maxReminders: 3 }],
    [{ interval: "14", maxReminders: "1" }, { interval: 14, maxReminders: 1 }],
    [{ interval: "30", maxReminders: "12" }, { interval: 30, maxReminders: 12 }],
    [{ interval: "off", maxReminders: " 5 " }, { interval: null, maxReminders: 5 }],
  ])("reads %j", (value, expected) => {
    expect(reminderSettingsSchema.parse(value)).toEqual(expected);
  });

  it.each([
    { interval: "1", maxReminders: "3" },
    { interval: "weekly", maxReminders: "3" },
    { interval: "", maxReminders: "3" },
    { interval: 7, maxReminders: "3" },
    { interval: "7", maxReminders: "0" },
    { interval: "7", maxReminders: "13" },
    { interval: "7", maxReminders: "-1" },
    { interval: "7", maxReminders: "2.5" },
    { interval: "7", maxReminders: "" },
    { interval: "7", maxReminders: 3 },
    {},
  ])("refuses %j", (value) => {
    const result = reminderSettingsSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues.every((issue) => issue.message === "invalidChoice")).toBe(true);
  });
});

describe("id schemas", () => {
  it("takes ids and refuses anything else as notFound", () => {
    expect(requestIdSchema.parse({ requestId: "cabc_123-x" })).toEqual({ requestId: "cabc_123-x" });
    for (const requestId of ["", "a b", "x".repeat(65), "../x", 12]) {
      const result = requestIdSchema.safeParse({ requestId });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.message).toBe("notFound");
    }
  });

  it("needs the pay link's token", () => {
    expect(payRequestSchema.safeParse({ requestId: "r1", token: "", email: "" }).success).toBe(false);
    expect(payRequestSchema.parse({ requestId: "r1", token: "tok", email: " " })).toEqual({ requestId: "r1", token: "tok", email: "" });
    expect(stopRemindersSchema.safeParse({ payerId: "p1" }).success).toBe(false);
  });
});

describe("parseRequestListQuery", () => {
  it("has no filter by default", () => {
    expect(parseRequestListQuery({})).toEqual({ status: null, storeId: null, q: "" });
  });

  it.each(["OPEN", "OVERDUE", "PAID", "CANCELLED", "OUTSTANDING"])("reads the status %s", (status) => {
    expect(parseRequestListQuery({ status }).status).toBe(status);
  });

  it("reads the store and the search text, trimmed and cut", () => {
    expect(parseRequestListQuery({ status: "PAID", store: "cstore1", q: "  Léa  " })).toEqual({ status: "PAID", storeId: "cstore1", q: "Léa" });
    expect(parseRequestListQuery({ q: "x".repeat(500) }).q).toHaveLength(100);
  });

  it("ignores what it does not know, and repeated parameters", () => {
    expect(parseRequestListQuery({ status: "open", store: "a b", q: ["one", "two"] })).toEqual({ status: null, storeId: null, q: "" });
    expect(parseRequestListQuery({ status: ["PAID", "OPEN"], store: "x".repeat(65) })).toEqual({ status: null, storeId: null, q: "" });
    expect(parseRequestListQuery({ status: "toString" }).status).toBeNull();
  });
});
