import { describe, expect, it } from "vitest";
import { addCartItemSchema, quantitySchema } from "./schema";

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
