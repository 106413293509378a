import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { productFormSchema } from "./schema";

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
});
