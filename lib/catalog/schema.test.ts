import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { PAYMENT_MINIMUM_CENTS } from "@/lib/payments/minimum";
import { GIFT_CARD_MIN_AMOUNT_CENTS, productFormSchema } from "./schema";

const store = { currency: "EUR", defaultLocale: "fr", locales: ["fr", "en"] } as const;

/** The first issue message of each form field, as the action pipeline reports them. */
function catalogFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".")] ??= issue.message;
  return out;
}

const valid = { slug: "Robe-Ete", price: "12,50", stock: "", kind: "PHYSICAL", visibility: "PUBLIC", "title.fr": "Robe d'été", "description.fr": "Légère" };

function parse(fields: Record<string, string | File>) {
  // The form's entries as the action pipeline reads them: one value per field name.
  return productFormSchema(store).safeParse(fields);
}

describe("productFormSchema", () => {
  it("parses a valid form: slug lower-cased, price in cents, empty stock unlimited, empty optional locale", () => {
    const result = parse(valid);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      slug: "robe-ete",
      price: 1250,
      stock: null,
      kind: "PHYSICAL",
      visibility: "PUBLIC",
      translations: { fr: { title: "Robe d'été", description: "Légère" }, en: { title: "", description: "" } },
      images: [],
      removeImageIds: [],
    });
  });

  it("requires the default locale's title only", () => {
    const result = parse({ ...valid, "title.fr": "  ", "title.en": "Dress" });
    expect(result.success).toBe(false);
    expect(catalogFieldErrors(result.error!)).toEqual({ "title.fr": "required" });
  });

  it.each([
    [{ slug: "robe ete" }, { slug: "slugFormat" }],
    [{ slug: "" }, { slug: "required" }],
    [{ price: "12.345" }, { price: "priceTooManyDecimals" }],
    [{ price: "-1" }, { price: "priceFormat" }],
    [{ price: "1e3" }, { price: "priceFormat" }],
    [{ price: "99999999999" }, { price: "priceTooLarge" }],
    [{ stock: "-1" }, { stock: "stockFormat" }],
    [{ stock: "1.5" }, { stock: "stockFormat" }],
    [{ stock: "99999999999" }, { stock: "stockFormat" }],
    [{ kind: "SERVICE" }, { kind: "invalidChoice" }],
    [{ visibility: "SECRET" }, { visibility: "invalidChoice" }],
    [{ "title.fr": "x".repeat(201) }, { "title.fr": "tooLong" }],
  ])("%j -> %j", (change, errors) => {
    const result = parse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(catalogFieldErrors(result.error!)).toEqual(errors);
  });

  it("takes 0 as a stock", () => {
    expect(parse({ ...valid, stock: "0" }).data?.stock).toBe(0);
  });

  it("refuses images of another declared type or too large", () => {
    const svg = new File(["<svg/>"], "x.svg", { type: "image/svg+xml" });
    expect(catalogFieldErrors(parse({ ...valid, images: svg }).error!)).toEqual({ images: "imageType" });
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], "x.png", { type: "image/png" });
    expect(catalogFieldErrors(parse({ ...valid, images: big }).error!)).toEqual({ images: "imageTooLarge" });
  });

  describe("gift cards", () => {
    const card = { ...valid, price: "", kind: "GIFT_CARD" };

    it("takes fixed amounts in any order, once each; the smallest is the price", () => {
      const result = parse({ ...card, giftCardMode: "fixed", giftCardAmounts: "100, 25 50; 25,50" });
      expect(result.data).toMatchObject({ kind: "GIFT_CARD", price: 2500, giftCard: { amounts: [2500, 2550, 5000, 10000], minCents: null, maxCents: null } });
    });

    it("takes a range chosen by the buyer; the minimum is the price", () => {
      const result = parse({ ...card, giftCardMode: "range", giftCardMin: "10", giftCardMax: "500,00", giftCardAmounts: "25" });
      expect(result.data).toMatchObject({ price: 1000, giftCard: { amounts: [], minCents: 1000, maxCents: 50000 } });
    });

    it("keeps other kinds free of gift-card amounts and still needs their price", () => {
      expect(parse({ ...valid, giftCardAmounts: "25" }).data?.giftCard).toEqual({ amounts: [], minCents: null, maxCents: null });
      expect(catalogFieldErrors(parse({ ...valid, price: " " }).error!)).toEqual({ price: "required" });
    });

    it.each([
      [{ giftCardMode: "fixed", giftCardAmounts: "" }, { giftCardAmounts: "required" }],
      [{ giftCardMode: "fixed", giftCardAmounts: "25,50,100" }, { giftCardAmounts: "giftCardAmountsFormat" }],
      [{ giftCardMode: "fixed", giftCardAmounts: "25, abc" }, { giftCardAmounts: "giftCardAmountsFormat" }],
      [{ giftCardMode: "fixed", giftCardAmounts: "0.49, 25" }, { giftCardAmounts: "giftCardAmountTooLow" }],
      [{ giftCardMode: "fixed", giftCardAmounts: "25, 10000.01" }, { giftCardAmounts: "giftCardAmountTooHigh" }],
      [{ giftCardMode: "fixed", giftCardAmounts: "1 2 3 4 5 6 7 8 9 10 11" }, { giftCardAmounts: "giftCardAmountsTooMany" }],
      [{ giftCardMode: "range", giftCardMin: "", giftCardMax: "100" }, { giftCardMin: "required" }],
      [{ giftCardMode: "range", giftCardMin: "0.49", giftCardMax: "100" }, { giftCardMin: "giftCardAmountTooLow" }],
      [{ giftCardMode: "range", giftCardMin: "20", giftCardMax: "" }, { giftCardMax: "required" }],
      [{ giftCardMode: "range", giftCardMin: "20", giftCardMax: "19.99" }, { giftCardMax: "giftCardMaxTooLow" }],
      [{ giftCardMode: "range", giftCardMin: "20", giftCardMax: "10000.01" }, { giftCardMax: "giftCardAmountTooHigh" }],
      [{ giftCardMode: "range", giftCardMin: "1,234", giftCardMax: "100" }, { giftCardMin: "priceTooManyDecimals" }],
    ])("%j -> %j", (change, errors) => {
      const result = parse({ ...card, ...change });
      expect(result.success).toBe(false);
      expect(catalogFieldErrors(result.error!)).toEqual(errors);
    });

    it("starts at the payment provider's minimum charge", () => {
      expect(GIFT_CARD_MIN_AMOUNT_CENTS).toBe(PAYMENT_MINIMUM_CENTS);
      expect(parse({ ...card, giftCardMode: "range", giftCardMin: "0.50", giftCardMax: "0.50" }).success).toBe(true);
    });
  });
});
