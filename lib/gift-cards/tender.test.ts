import { describe, expect, it } from "vitest";
import { tenderGiftCards, type CartGiftCard } from "./tender";

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

describe("tenderGiftCards", () => {
  it("uses the smaller of the balance and the amount due; the rest stays due", () => {
    const result = tenderGiftCards(5000, 0, [card("a", 2000)], ctx);
    expect(result.applied).toEqual([{ id: "a", last4: "AXXX", amountCents: 2000, balanceCents: 2000 }]);
    expect(result.tendered.amountDueCents).toBe(3000);
  });

  it("lets a card cover everything, and several cards share the total", () => {
    expect(tenderGiftCards(5000, 0, [card("a", 9000)], ctx).tendered.amountDueCents).toBe(0);
    const two = tenderGiftCards(5000, 0, [card("b", 4000), card("a", 4000)], ctx);
    expect(two.applied.map((a) => [a.id, a.amountCents])).toEqual([["a", 4000], ["b", 1000]]);
    expect(two.tendered.amountDueCents).toBe(0);
  });

  it("never pays for gift cards in the cart", () => {
    // 30.00 of goods and a 50.00 gift card: a card pays at most the 30.00.
    const result = tenderGiftCards(8000, 5000, [card("a", 10000)], ctx);
    expect(result.applied[0]!.amountCents).toBe(3000);
    expect(result.tendered.amountDueCents).toBe(5000);
    // Only gift cards in the cart: nothing.
    expect(tenderGiftCards(5000, 5000, [card("a", 10000)], ctx).tendered.amountDueCents).toBe(5000);
  });

  it("leaves out and reports cards that cannot pay", () => {
    const result = tenderGiftCards(
      5000,
      0,
      [card("dis", 1000, { status: "DISABLED" }), card("old", 1000, { expiresAt: now }), card("chf", 1000, { currency: "CHF" }), card("ok", 1000)],
      ctx,
    );
    expect(result.refused.map((r) => [r.id, r.reason])).toEqual([["dis", "disabled"], ["old", "expired"], ["chf", "otherCurrency"]]);
    expect(result.applied.map((a) => a.id)).toEqual(["ok"]);
    expect(result.tendered.amountDueCents).toBe(4000);
  });
});
