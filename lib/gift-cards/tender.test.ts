import { describe, expect, it } from "vitest";
import { sortGiftCards, type CartGiftCard } from "./tender";

const now = new Date("2026-12-07T12:00:00Z");
const ctx = { currency: "EUR", customerId: null, now };
const card = (id: string, balanceCents: number, change: Partial<CartGiftCard> = {}): CartGiftCard => ({
  id,
  last4: id.toUpperCase().padEnd(4, "X").slice(0, 4),
  status: "ACTIVE",
  balanceCents,
  currency: "EUR",
  expiresAt: null,
  lockedCustomerId: null,
  ...change,
});

describe("sortGiftCards", () => {
  it("keeps usable cards in the order given and reports the others with why", () => {
    const result = sortGiftCards(
      [card("dis", 1000, { status: "DISABLED" }), card("old", 1000, { expiresAt: now }), card("chf", 1000, { currency: "CHF" }), card("ok", 1000)],
      ctx,
    );
    expect(result.refused.map((r) => [r.id, r.reason])).toEqual([["dis", "disabled"], ["old", "expired"], ["chf", "otherCurrency"]]);
    expect(result.usable.map((a) => a.id)).toEqual(["ok"]);
  });

  it("a card locked to a customer pays only for that customer", () => {
    const locked = card("lck", 1000, { lockedCustomerId: "c1" });
    expect(sortGiftCards([locked], ctx).refused.map((r) => r.reason)).toEqual(["lockedToOther"]);
    expect(sortGiftCards([locked], { ...ctx, customerId: "c1" }).usable.map((c) => c.id)).toEqual(["lck"]);
  });
});
