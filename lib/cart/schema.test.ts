import { describe, expect, it } from "vitest";
import { parseTypedQuantity } from "./quantity";
import { addCartItemSchema, applyCouponSchema, quantitySchema } from "./schema";

describe("quantitySchema", () => {
  it.each([
    [1, true],
    ["3", true],
    [99, true],
    [100, false],
    [0, false],
    [-1, false],
    [1.5, false],
    ["2.5", false],
    ["1e9", false],
    [Number.MAX_SAFE_INTEGER + 2, false],
    ["abc", false],
    [Number.NaN, false],
  ])("%j valid: %s", (value, valid) => {
    expect(quantitySchema.safeParse(value).success).toBe(valid);
  });
});

describe("addCartItemSchema", () => {
  it("defaults the quantity to one", () => {
    expect(addCartItemSchema.parse({ productId: "abc123" })).toEqual({ productId: "abc123", quantity: 1 });
  });
  it("refuses odd product ids", () => {
    expect(addCartItemSchema.safeParse({ productId: "x' OR 1=1" }).success).toBe(false);
  });
});

describe("parseTypedQuantity", () => {
  it.each([
    ["1", 1],
    [" 3 ", 3],
    ["99", 99],
    ["007", 7],
    ["0", null],
    ["-1", null],
    ["2.5", null],
    ["2,5", null],
    ["1e1", null],
    ["abc", null],
    ["", null],
    ["100", null],
    ["99999", null],
  ])("%j -> %j", (typed, quantity) => {
    expect(parseTypedQuantity(typed)).toBe(quantity);
  });
});

describe("applyCouponSchema", () => {
  it("tells an empty code from one longer than any code", () => {
    expect(applyCouponSchema.safeParse({ couponCode: "  " }).error?.issues[0]?.message).toBe("required");
    expect(applyCouponSchema.safeParse({ couponCode: "A".repeat(65) }).error?.issues[0]?.message).toBe("unknownCoupon");
  });
});
