import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { placeOrderFormSchema, placeOrderFormValues, placeOrderSchema } from "./schema";

function form(entries: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
}

const KEY = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("placeOrderSchema", () => {
  it.each([
    ["a guest without address", { idempotencyKey: KEY, email: "  Lea@Example.TEST " }, { email: "lea@example.test", shipping: null }],
    ["a customer (no email field)", { idempotencyKey: KEY }, { email: null, shipping: null }],
    [
      "an address with an empty second line",
      { idempotencyKey: KEY, email: "a@b.lu", "shipping.name": "Léa", "shipping.line1": "1 rue X", "shipping.line2": "", "shipping.postalCode": "1611", "shipping.city": "Luxembourg", "shipping.country": "lu" },
      { shipping: { name: "Léa", line1: "1 rue X", line2: null, postalCode: "1611", city: "Luxembourg", country: "LU" } },
    ],
    ["no applied-coupons field (unknown)", { idempotencyKey: KEY }, { appliedCouponIds: null }],
    ["no coupon seen applied", { idempotencyKey: KEY, appliedCoupons: "" }, { appliedCouponIds: [] }],
    ["the coupons seen applied", { idempotencyKey: KEY, appliedCoupons: "cma1b2c3,cmz9_x-8" }, { appliedCouponIds: ["cma1b2c3", "cmz9_x-8"] }],
  ])("accepts %s", (_name, fields, expected) => {
    const parsed = placeOrderSchema.safeParse(placeOrderFormValues(form(fields)));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject(expected);
  });

  it.each([
    ["a missing idempotency key", { email: "a@b.lu" }, "idempotencyKey"],
    ["a tampered idempotency key", { idempotencyKey: "x'; DROP TABLE", email: "a@b.lu" }, "idempotencyKey"],
    ["a bad email", { idempotencyKey: KEY, email: "not-an-email" }, "email"],
    ["a negative expected total", { idempotencyKey: KEY, expectedTotalCents: "-1" }, "expectedTotalCents"],
    ["a fractional expected total", { idempotencyKey: KEY, expectedTotalCents: "10.5" }, "expectedTotalCents"],
    ["an address without city", { idempotencyKey: KEY, "shipping.name": "A", "shipping.line1": "B", "shipping.postalCode": "1", "shipping.country": "LU" }, "shipping.city"],
    ["a tampered applied-coupons list", { idempotencyKey: KEY, appliedCoupons: "a,'; DROP" }, "appliedCouponIds.1"],
    ["a bad country", { idempotencyKey: KEY, "shipping.name": "A", "shipping.line1": "B", "shipping.postalCode": "1", "shipping.city": "C", "shipping.country": "Luxembourg" }, "shipping.country"],
  ])("refuses %s", (_name, fields, path) => {
    const parsed = placeOrderSchema.safeParse(placeOrderFormValues(form(fields)));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toContain(path);
  });
});

describe("placeOrderFormSchema", () => {
  const entries = (fields: Record<string, unknown>) => placeOrderFormSchema(false).safeParse(fields);

  it("reads the posted fields as the form names them", () => {
    const parsed = placeOrderFormSchema(false).safeParse({ idempotencyKey: KEY, email: "a@b.lu", "shipping.name": "Léa", "shipping.line1": "1 rue X", "shipping.postalCode": "1611", "shipping.city": "Luxembourg", "shipping.country": "lu" });
    expect(parsed.data).toMatchObject({ email: "a@b.lu", shipping: { name: "Léa", country: "LU" } });
  });

  it("asks a guest for an email address, not a signed-in customer", () => {
    expect(entries({ idempotencyKey: KEY }).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["email", "required"]]);
    expect(placeOrderFormSchema(true).safeParse({ idempotencyKey: KEY }).success).toBe(true);
  });

  // The place-order action shows each issue's message as the text of Checkout.fieldErrors.<message>.
  it.each([
    ["no fields at all", {}],
    ["a tampered idempotency key", { idempotencyKey: "x'; DROP TABLE", email: "a@b.lu" }],
    ["a bad email", { idempotencyKey: KEY, email: "not-an-email" }],
    ["an accented name before the @", { idempotencyKey: KEY, email: "léa@b.lu" }],
    ["a tampered expected total", { idempotencyKey: KEY, email: "a@b.lu", expectedTotalCents: "lots" }],
    ["an empty address", { idempotencyKey: KEY, email: "a@b.lu", "shipping.line1": "" }],
    ["a far too long city", { idempotencyKey: KEY, email: "a@b.lu", "shipping.name": "A", "shipping.line1": "B", "shipping.postalCode": "1", "shipping.city": "C".repeat(500), "shipping.country": "LU" }],
    ["a bad country", { idempotencyKey: KEY, email: "a@b.lu", "shipping.line1": "B", "shipping.country": "Luxembourg" }],
    ["a tampered applied-coupons list", { idempotencyKey: KEY, email: "a@b.lu", appliedCoupons: "a,'; DROP" }],
    ["a list posted where one value is expected", { idempotencyKey: [KEY, KEY], email: ["a@b.lu"], appliedCoupons: ["a"] }],
  ])("refuses %s with messages the form can show", (_name, fields) => {
    const parsed = entries(fields);
    expect(parsed.success).toBe(false);
    for (const issue of parsed.error!.issues) expect(Object.keys(en.Checkout.fieldErrors), `${issue.path.join(".")}: ${issue.message}`).toContain(issue.message);
  });
});
