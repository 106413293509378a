import { describe, expect, it } from "vitest";
import { REFUND_REASON_MAX, refundFormSchema } from "./schema";

const base = { orderId: "cord1", idempotencyKey: "0123456789abcdef-key", mode: "all", destination: "card", reason: "" };

/** The field errors of a form (field -> key), or the input it became. */
function parse(currency: string, fields: Record<string, unknown>) {
  const result = refundFormSchema(currency).safeParse({ ...base, ...fields });
  if (result.success) return result.data;
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("refundFormSchema", () => {
  it.each([
    ["everything left, to the card", "EUR", {}, { mode: "all", lines: [], amountCents: null, toStoreCredit: false, restock: false, reason: null }],
    ["an amount with a comma, to store credit", "EUR", { mode: "amount", amount: " 12,5 ", destination: "credit" }, { amountCents: 1250, toStoreCredit: true }],
    ["an amount in a currency without decimals", "JPY", { mode: "amount", amount: "500" }, { amountCents: 500 }],
    ["an amount in a three-decimal currency", "BHD", { mode: "amount", amount: "1.234" }, { amountCents: 1234 }],
    ["restock is only for items", "EUR", { mode: "amount", amount: "1", restock: "on" }, { restock: false }],
    ["items: units above 0 only, restock kept", "EUR", { mode: "lines", "qty.l1": "2", "qty.l2": "0", "qty.l3": "", restock: "on" }, { lines: [{ lineId: "l1", quantity: 2 }], restock: true }],
    ["items: an amount typed too is ignored", "EUR", { mode: "lines", "qty.l1": "1", amount: "abc" }, { lines: [{ lineId: "l1", quantity: 1 }], amountCents: null }],
    ["a reason is trimmed, line breaks kept", "EUR", { reason: "  Broken\nin transit  " }, { reason: "Broken\nin transit" }],
  ])("%s", (_name, currency, fields, expected) => {
    expect(parse(currency, fields)).toMatchObject(expected);
  });

  it.each([
    ["more decimals than the currency has", "EUR", { mode: "amount", amount: "1.234" }, { amount: "amountTooManyDecimals" }],
    ["decimals in a currency without any", "JPY", { mode: "amount", amount: "1.5" }, { amount: "amountTooManyDecimals" }],
    ["zero", "EUR", { mode: "amount", amount: "0,00" }, { amount: "amountNotPositive" }],
    ["a negative amount", "EUR", { mode: "amount", amount: "-1" }, { amount: "amountFormat" }],
    ["an exponent", "EUR", { mode: "amount", amount: "1e3" }, { amount: "amountFormat" }],
    ["no amount", "EUR", { mode: "amount" }, { amount: "amountRequired" }],
    ["an amount beyond any order", "EUR", { mode: "amount", amount: "1".repeat(30) }, { amount: "moreThanRefundable" }],
    ["negative units", "EUR", { mode: "lines", "qty.l1": "-1" }, { "qty.l1": "quantityFormat" }],
    ["fractional units", "EUR", { mode: "lines", "qty.l1": "0.5" }, { "qty.l1": "quantityFormat" }],
    ["no units at all", "EUR", { mode: "lines", "qty.l1": "0" }, { lines: "noItemsChosen" }],
    ["a line id that is no id", "EUR", { mode: "lines", "qty.'; DROP": "1" }, { lines: "unknownLine" }],
    ["an unknown mode", "EUR", { mode: "half" }, { mode: "invalidChoice" }],
    ["an unknown destination", "EUR", { destination: "cash" }, { destination: "invalidChoice" }],
    ["no key", "EUR", { idempotencyKey: undefined }, { idempotencyKey: "invalidForm" }],
    ["a key with odd characters", "EUR", { idempotencyKey: "0123456789abcdef/../" }, { idempotencyKey: "invalidForm" }],
    ["a malformed order id", "EUR", { orderId: "x".repeat(65) }, { orderId: "notFound" }],
    ["a reason too long", "EUR", { reason: "x".repeat(REFUND_REASON_MAX + 1) }, { reason: "reasonTooLong" }],
  ])("refuses %s", (_name, currency, fields, expected) => {
    expect(parse(currency, fields)).toEqual(expected);
  });

  it("takes a reason of exactly the longest length", () => {
    expect(parse("EUR", { reason: "é".repeat(REFUND_REASON_MAX) })).toMatchObject({ reason: "é".repeat(REFUND_REASON_MAX) });
  });
});
