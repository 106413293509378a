import { describe, expect, it } from "vitest";
import { checkEmailAddress, wireEmailAddress } from "@/lib/email-address";

describe("checkEmailAddress", () => {
  it.each([
    ["lea@example.lu", "lea@example.lu"],
    ["  Lea.Muller+shop@Example.LU ", "lea.muller+shop@example.lu"],
    // Internationalized domain names, typed in Unicode or in their ASCII form: one address.
    ["lea@exämple.lu", "lea@exämple.lu"],
    ["LEA@EXÄMPLE.LU", "lea@exämple.lu"],
    ["lea@xn--exmple-cua.lu", "lea@exämple.lu"],
    ["info@пример.рф", "info@пример.рф"],
    ["o'brien@example.ie", "o'brien@example.ie"],
    // Full-width letters are folded by NFKC.
    ["ｌｅａ@example.lu", "lea@example.lu"],
  ])("accepts %s as %s", (raw, email) => {
    expect(checkEmailAddress(raw)).toEqual({ ok: true, email });
  });

  it.each([
    ["", "required"],
    ["   ", "required"],
    ["léa@exämple.lu", "emailAccentedName"],
    ["jürgen@example.de", "emailAccentedName"],
    ["lea", "invalidEmail"],
    ["lea@", "invalidEmail"],
    ["@example.lu", "invalidEmail"],
    ["lea@localhost", "invalidEmail"],
    ["lea@@example.lu", "invalidEmail"],
    ['"a@b"@example.lu', "invalidEmail"],
    ["lea..muller@example.lu", "invalidEmail"],
    [".lea@example.lu", "invalidEmail"],
    ["lea @example.lu", "invalidEmail"],
    ["lea@exa mple.lu", "invalidEmail"],
    ["lea@-example.lu", "invalidEmail"],
    ["lea@[127.0.0.1]", "invalidEmail"],
    ["☃@example.lu", "invalidEmail"],
    // A full-width "@" becomes a second real "@" under NFKC.
    ["a@b.lu＠example.lu", "invalidEmail"],
    [`${"a".repeat(65)}@example.lu`, "emailTooLong"],
    [`a@${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.${"e".repeat(60)}.${"f".repeat(10)}.lu`, "emailTooLong"],
  ])("refuses %s (%s)", (raw, problem) => {
    expect(checkEmailAddress(raw)).toEqual({ ok: false, problem });
  });
});

describe("wireEmailAddress", () => {
  it("sends an internationalized domain in its ASCII form and leaves other addresses alone", () => {
    expect(wireEmailAddress("lea@exämple.lu")).toBe("lea@xn--exmple-cua.lu");
    expect(wireEmailAddress("lea@example.lu")).toBe("lea@example.lu");
  });
});
