import { describe, expect, it } from "vitest";
import { expirySettingsSchema, issueCardSchema, promotionSchema } from "./schema";

const issue = { storeId: "store1", amount: "25", expiry: "default", expiresOn: "", customerEmail: "", recipientName: "", recipientEmail: "", note: "Goodwill gesture" };
const messages = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("the issuing form", () => {
  it("reads a card by hand: emails normalized, optional fields null, the chosen day kept", () => {
    expect(issueCardSchema.parse({ ...issue, customerEmail: " Lea@Example.COM ", expiry: "date", expiresOn: "2027-03-31" })).toEqual({
      storeId: "store1",
      amount: "25",
      expiry: { kind: "day", day: "2027-03-31" },
      customerEmail: "lea@example.com",
      recipientName: null,
      recipientEmail: null,
      note: "Goodwill gesture",
    });
    expect(issueCardSchema.parse({ ...issue, expiry: "never" }).expiry).toEqual({ kind: "never" });
  });

  it.each([
    [{ amount: "" }, { amount: "required" }],
    [{ amount: "0", note: "" }, { amount: "invalidAmount", note: "required" }],
    [{ amount: "ten" }, { amount: "invalidAmount" }],
    [{ note: " " }, { note: "required" }],
    [{ note: "n".repeat(501) }, { note: "tooLong" }],
    [{ recipientName: "r".repeat(121) }, { recipientName: "tooLong" }],
    [{ recipientEmail: "lea@" }, { recipientEmail: "invalidEmail" }],
    [{ expiry: "date", expiresOn: "" }, { expiresOn: "required" }],
    [{ expiry: "date", expiresOn: "2027-02-29" }, { expiresOn: "invalidDate" }],
    [{ expiry: "sometime" }, { expiry: "required" }],
  ])("%j -> %j", (change, expected) => {
    expect(messages(issueCardSchema.safeParse({ ...issue, ...change }))).toEqual(expected);
  });
});

describe("the default expiry", () => {
  it.each([
    [{ unit: "none", count: "7" }, { months: null }],
    [{ unit: "months", count: "18" }, { months: 18 }],
    [{ unit: "years", count: "5" }, { months: 60 }],
    [{ unit: "years", count: "50" }, { months: 600 }],
  ])("%j -> %j", (input, expected) => {
    expect(expirySettingsSchema.parse(input)).toEqual(expected);
  });

  it.each([
    [{ unit: "years", count: "51" }, "invalidNumber"],
    [{ unit: "months", count: "0" }, "invalidNumber"],
    [{ unit: "months", count: "-3" }, "invalidNumber"],
    [{ unit: "months", count: "" }, "required"],
  ])("%j -> %s", (input, expected) => {
    expect(messages(expirySettingsSchema.safeParse(input))).toEqual({ count: expected });
  });
});

describe("the bonus promotion", () => {
  it("reads amounts in the currency's minor units, without floats", () => {
    expect(promotionSchema.parse({ currency: "EUR", minPurchase: "50", bonus: "10,05", validDays: "90", active: "on" })).toEqual({
      currency: "EUR",
      minPurchaseCents: 5000,
      bonusCents: 1005,
      bonusValidDays: 90,
      active: true,
    });
    expect(promotionSchema.parse({ currency: "JPY", minPurchase: "5000", bonus: "500", validDays: "30" })).toMatchObject({ minPurchaseCents: 5000, bonusCents: 500, active: false });
  });

  it("refuses what is not an amount or a number of days", () => {
    expect(messages(promotionSchema.safeParse({ currency: "JPY", minPurchase: "50.5", bonus: "0", validDays: "3661" }))).toEqual({
      minPurchase: "invalidAmount",
      bonus: "invalidAmount",
      validDays: "invalidNumber",
    });
    expect(messages(promotionSchema.safeParse({ currency: "euro", minPurchase: "1", bonus: "1", validDays: "1" }))).toEqual({ currency: "unknownCurrency" });
  });
});
