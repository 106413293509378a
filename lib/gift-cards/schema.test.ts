import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { addGiftCardSchema } from "./schema";

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
