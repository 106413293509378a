import { describe, expect, it } from "vitest";
import { signCartCookie, verifyCartCookie } from "./cookie";

const SECRET = "a-test-secret-that-is-long-enough-123";

describe("guest cart cookie", () => {
  const good = signCartCookie(SECRET, "store1", "cart123");

  it.each([
    ["the signed value", good, "cart123"],
    ["missing", undefined, null],
    ["empty", "", null],
    ["no signature", "cart123", null],
    ["another cart id, same signature", good.replace("cart123", "cart124"), null],
    ["signature changed", `${good.slice(0, -1)}${good.endsWith("A") ? "B" : "A"}`, null],
    ["signature truncated", good.slice(0, -3), null],
    ["odd characters", "cart'1.abc", null],
    ["huge", "x".repeat(5000), null],
  ])("%s", (_name, value, expected) => {
    expect(verifyCartCookie(SECRET, "store1", value)).toBe(expected);
  });

  it("is bound to the store", () => {
    expect(verifyCartCookie(SECRET, "store2", good)).toBeNull();
  });

  it("is bound to the secret", () => {
    expect(verifyCartCookie(`${SECRET}x`, "store1", good)).toBeNull();
  });
});
