import { describe, expect, it } from "vitest";
import { validThrough } from "./display";
import type { z } from "zod";
import { addGiftCardSchema, balanceAdjustmentSchema, codeFormSchema, counterDebitSchema, parseSignedAmount, reverseRedemptionSchema } from "./schema";

describe("parseSignedAmount", () => {
  it.each([
    ["12,50", 2, { ok: true, cents: 1250 }],
    ["12.5", 2, { ok: true, cents: 1250 }],
    ["+12", 2, { ok: true, cents: 1200 }],
    ["-12,50", 2, { ok: true, cents: -1250 }],
    ["\u22120.05", 2, { ok: true, cents: -5 }],
    ["- 3", 2, { ok: true, cents: -300 }],
    ["500", 0, { ok: true, cents: 500 }],
    ["1.234", 3, { ok: true, cents: 1234 }],
    ["0", 2, { ok: false, error: "invalidAmount" }],
    ["-0,00", 2, { ok: false, error: "invalidAmount" }],
    ["", 2, { ok: false, error: "required" }],
    ["-", 2, { ok: false, error: "required" }],
    ["12,505", 2, { ok: false, error: "invalidAmount" }],
    ["1e3", 2, { ok: false, error: "invalidAmount" }],
    ["--5", 2, { ok: false, error: "invalidAmount" }],
    ["1 000", 2, { ok: false, error: "invalidAmount" }],
    ["99999999999", 2, { ok: false, error: "amountTooLarge" }],
  ] as const)("%j with %i decimals -> %j", (raw, digits, expected) => {
    expect(parseSignedAmount(raw, digits)).toEqual(expected);
  });
});

describe("the counter's forms", () => {
  it("a debit takes a positive amount only, in the currency's decimals", () => {
    expect(counterDebitSchema(2).safeParse({ amount: "7,25" })).toMatchObject({ success: true, data: { amountCents: 725 } });
    expect(counterDebitSchema(0).safeParse({ amount: "7" })).toMatchObject({ success: true, data: { amountCents: 7 } });
    for (const amount of ["-7", "\u22127", "0", "7,255", "", "seven"]) {
      expect(counterDebitSchema(2).safeParse({ amount }).success, amount).toBe(false);
    }
    expect(counterDebitSchema(2).safeParse({}).error?.issues[0]).toMatchObject({ path: ["amount"], message: "required" });
  });

  it("an adjustment takes a signed amount and a reason", () => {
    expect(balanceAdjustmentSchema(2).safeParse({ amount: "-5", reason: " Till count " })).toMatchObject({ success: true, data: { deltaCents: -500, reason: "Till count" } });
    expect(balanceAdjustmentSchema(2).safeParse({ amount: "5", reason: "  " }).error?.issues[0]).toMatchObject({ path: ["reason"], message: "required" });
    expect(balanceAdjustmentSchema(2).safeParse({ amount: "0", reason: "x" }).error?.issues[0]).toMatchObject({ path: ["amount"], message: "invalidAmount" });
  });

  it("a reversal needs a reason of at most 300 characters", () => {
    expect(reverseRedemptionSchema.safeParse({ reason: "Wrong amount typed" }).success).toBe(true);
    expect(reverseRedemptionSchema.safeParse({ reason: "x".repeat(301) }).error?.issues[0]?.message).toBe("tooLong");
    expect(reverseRedemptionSchema.safeParse({}).error?.issues[0]?.message).toBe("required");
  });

  it("a code is trimmed and kept as typed; parsing it is the handler's", () => {
    expect(codeFormSchema.safeParse({ code: "  7kqm-4xrt \u0000" })).toMatchObject({ success: true, data: { code: "7kqm-4xrt" } });
    expect(codeFormSchema.safeParse({ code: " " }).error?.issues[0]?.message).toBe("required");
    expect(codeFormSchema.safeParse({ code: "A".repeat(65) }).error?.issues[0]?.message).toBe("invalidCode");
  });
});

describe("validThrough", () => {
  it("is the last millisecond before the card stops paying", () => {
    expect(validThrough(new Date("2027-01-01T00:00:00.000Z")).toISOString()).toBe("2026-12-31T23:59:59.999Z");
  });
});

const TODAY = "2026-12-07";
const parse = (fields: Record<string, unknown>) => addGiftCardSchema(TODAY).safeParse(fields);

function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".")] ??= issue.message;
  return out;
}

const forMe = { productId: "prod1", amount: "25", recipient: "me", locale: "fr" };
const forLea = { ...forMe, recipient: "other", recipientName: " Léa Muller ", recipientEmail: " Lea@Exämple.LU ", message: "Joyeux anniversaire !", deliverOn: "2026-12-24", locale: "de" };

describe("addGiftCardSchema", () => {
  it("delivers a card for the buyer when the order is paid, one card by default", () => {
    expect(parse({ ...forMe, recipientName: "ignored", message: "ignored", deliverOn: "2027-01-01" }).data).toEqual({
      productId: "prod1",
      amount: "25",
      quantity: 1,
      purchase: { recipient: null, message: null, deliverOn: null, locale: "fr" },
    });
  });

  it("keeps a recipient with a normalized email, the message and the day", () => {
    expect(parse({ ...forLea, quantity: "2" }).data).toEqual({
      productId: "prod1",
      amount: "25",
      quantity: 2,
      purchase: { recipient: { name: "Léa Muller", email: "lea@exämple.lu" }, message: "Joyeux anniversaire !", deliverOn: "2026-12-24", locale: "de" },
    });
  });

  it("delivers today when no day is given, with no message when it is blank", () => {
    expect(parse({ ...forLea, deliverOn: "", message: "  " }).data?.purchase).toMatchObject({ deliverOn: TODAY, message: null });
  });

  it("takes a message of 500 characters, today and a year from today", () => {
    expect(parse({ ...forLea, message: "é".repeat(500) }).success).toBe(true);
    expect(parse({ ...forLea, deliverOn: TODAY }).success).toBe(true);
    expect(parse({ ...forLea, deliverOn: "2027-12-07" }).success).toBe(true);
  });

  it.each([
    [{ amount: "" }, { amount: "amountRequired" }],
    [{ amount: "9".repeat(40) }, { amount: "amountFormat" }],
    [{ quantity: "0" }, { quantity: "invalidQuantity" }],
    [{ quantity: "100" }, { quantity: "invalidQuantity" }],
    [{ recipient: "them" }, { recipient: "invalidChoice" }],
    [{ locale: "es" }, { locale: "invalidChoice" }],
    [{ productId: "x' OR 1=1" }, { productId: "unknownProduct" }],
    [{ recipientName: "  " }, { recipientName: "nameRequired" }],
    [{ recipientName: "x".repeat(121) }, { recipientName: "nameTooLong" }],
    [{ recipientEmail: "" }, { recipientEmail: "emailRequired" }],
    [{ recipientEmail: "lea@" }, { recipientEmail: "invalidEmail" }],
    [{ recipientEmail: "léa@example.lu" }, { recipientEmail: "emailAccentedName" }],
    [{ message: "x".repeat(501) }, { message: "messageTooLong" }],
    [{ deliverOn: "2026-12-06" }, { deliverOn: "deliveryInPast" }],
    [{ deliverOn: "2027-12-08" }, { deliverOn: "deliveryTooFar" }],
    [{ deliverOn: "2027-02-30" }, { deliverOn: "deliveryFormat" }],
    [{ deliverOn: "24.12.2026" }, { deliverOn: "deliveryFormat" }],
  ])("%j -> %j", (change, errors) => {
    const result = parse({ ...forLea, ...change });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual(errors);
  });

  it("reports every problem of the recipient at once", () => {
    const result = parse({ ...forLea, recipientName: "", recipientEmail: "nope", deliverOn: "2020-01-01" });
    expect(fieldErrors(result.error!)).toEqual({ recipientName: "nameRequired", recipientEmail: "invalidEmail", deliverOn: "deliveryInPast" });
  });
});
