import { describe, expect, it } from "vitest";
import type { CartLineView, CartProduct } from "./types";
import { giftCardLineRefusal, pricingLine } from "./lines";

const product = (extra: Partial<CartProduct>): CartProduct => ({
  id: "p1",
  slug: "card",
  title: "Gift card",
  priceCents: 2500,
  stock: null,
  kind: "GIFT_CARD",
  visibility: "PUBLIC",
  archived: false,
  giftCardAmounts: [2500, 5000],
  giftCardMinCents: null,
  giftCardMaxCents: null,
  ...extra,
});
const purchase = { recipient: null, message: null, deliverOn: null, locale: "en" as const };
const line = (amountCents: number | null, extra: Partial<CartProduct> = {}): CartLineView => ({
  lineId: "l1",
  productId: "p1",
  quantity: 2,
  lineKey: amountCents === null ? "" : "key",
  unitPriceCents: amountCents ?? 2500,
  giftCard: amountCents === null ? null : { amountCents, purchase },
  product: product(extra),
});

describe("giftCardLineRefusal", () => {
  it.each<[string, CartLineView, ReturnType<typeof giftCardLineRefusal>]>([
    ["an amount still offered", line(5000), null],
    ["an amount no longer offered: the price changed", line(4000), "priceChanged"],
    ["a range that still holds the amount", line(4200, { giftCardAmounts: [], giftCardMinCents: 1000, giftCardMaxCents: 5000 }), null],
    ["a range whose maximum went below the amount", line(6000, { giftCardAmounts: [], giftCardMinCents: 1000, giftCardMaxCents: 5000 }), "priceChanged"],
    ["a product that stopped being a gift card", line(5000, { kind: "PHYSICAL", giftCardAmounts: [] }), "unavailable"],
    ["a gift-card product on a plain line", line(null), "unavailable"],
    ["a plain product on a plain line", line(null, { kind: "PHYSICAL", giftCardAmounts: [] }), null],
  ])("%s", (_name, l, refusal) => {
    expect(giftCardLineRefusal(l)).toBe(refusal);
  });
});

describe("pricingLine", () => {
  it("prices a gift card at its amount and marks it, a plain line at the product's price", () => {
    expect(pricingLine(line(5000))).toEqual({ productId: "p1", title: "Gift card", unitPriceCents: 5000, quantity: 2, giftCard: true });
    expect(pricingLine(line(null, { kind: "PHYSICAL" }))).toMatchObject({ unitPriceCents: 2500, giftCard: false });
  });
});
