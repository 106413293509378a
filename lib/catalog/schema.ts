import { z } from "zod";
import { cleanMultilineString, cleanString } from "@/lib/input";
import type { Locale } from "@/lib/locales";
import { IMAGE_TYPES, sniffImageType, type ImageType } from "@/lib/storage/keys";
import { currencyDigits, MAX_MINOR_UNITS, parseMoney, PAYMENT_MINIMUM_CENTS } from "@/lib/money";
import { isValidSlug, normalizeSlug, SLUG_MAX_LENGTH } from "./rules";

/** Field problems of the product form: keys under `Catalog.errors`. */
export type CatalogFieldError =
  | "required"
  | "tooLong"
  | "slugFormat"
  | "slugTaken"
  | "priceFormat"
  | "priceTooManyDecimals"
  | "priceTooLarge"
  | "stockFormat"
  | "invalidChoice"
  | "imageType"
  | "imageTooLarge"
  | "tooManyImages"
  | "digitalFileRequired"
  | "digitalFileTooLarge"
  | "giftCardAmountsFormat"
  | "giftCardAmountsTooMany"
  | "giftCardAmountTooLow"
  | "giftCardMaxTooLow"
  | "giftCardAmountTooHigh";

export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 5000;
export const MAX_IMAGES = 8;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_DIGITAL_FILE_BYTES = 20 * 1024 * 1024;

/** The smallest gift-card amount: the payment provider's minimum charge (lib/money.ts). */
export const GIFT_CARD_MIN_AMOUNT_CENTS = PAYMENT_MINIMUM_CENTS;
/** The largest gift-card amount a product may offer: 10,000.00 in a two-decimal currency. */
export const GIFT_CARD_MAX_AMOUNT_CENTS = 1_000_000;
/** The most fixed amounts one gift-card product offers. */
export const GIFT_CARD_MAX_AMOUNTS = 10;

/** What the product form's schema needs to know about the store. */
export interface CatalogStore {
  currency: string;
  defaultLocale: Locale;
  locales: readonly Locale[];
}

const text = (v: unknown) => (typeof v === "string" ? v : "");
const PRICE_ERRORS = { required: "required", format: "priceFormat", tooManyDecimals: "priceTooManyDecimals", tooLarge: "priceTooLarge" } as const;
const files = (v: unknown) => (Array.isArray(v) ? v : [v]).filter((f): f is File => f instanceof File && f.size > 0);

/**
 * The product form of one store, as its fields are named ("slug", "title.fr", "images"): the
 * default locale's title is required, other locales are optional; price in the store's currency
 * as typed; empty stock means unlimited. Each issue's message is a key under `Catalog.errors`.
 */
export function productFormSchema(store: CatalogStore) {
  const digits = currencyDigits(store.currency);
  const perLocale: Record<string, z.ZodType<string>> = {};
  for (const l of store.locales) {
    const required = l === store.defaultLocale;
    perLocale[`title.${l}`] = z.preprocess(
      text,
      cleanString()
        .trim()
        .max(TITLE_MAX_LENGTH, "tooLong")
        .refine((v) => !required || v.length > 0, "required"),
    );
    perLocale[`description.${l}`] = z.preprocess(text, cleanMultilineString().trim().max(DESCRIPTION_MAX_LENGTH, "tooLong"));
  }
  return z
    .object({
      ...perLocale,
      slug: z.preprocess(
        text,
        z
          .string()
          .max(1000, "slugFormat")
          .transform(normalizeSlug)
          .superRefine((v, ctx) => {
            if (!v) ctx.addIssue({ code: "custom", message: "required" });
            else if (v.length > SLUG_MAX_LENGTH || !isValidSlug(v)) ctx.addIssue({ code: "custom", message: "slugFormat" });
          }),
      ),
      // Empty is checked with the kind (below): gift cards take their price from their amounts.
      price: z.preprocess(
        text,
        z
          .string()
          .max(1000, "priceTooLarge")
          .transform((v, ctx): number | null => {
            if (!v.trim()) return null;
            const parsed = parseMoney(v, digits);
            if (!parsed.ok) {
              ctx.addIssue({ code: "custom", message: PRICE_ERRORS[parsed.reason] });
              return z.NEVER;
            }
            return parsed.cents;
          }),
      ),
      giftCardMode: z.preprocess((v) => (v === "range" ? "range" : "fixed"), z.enum(["fixed", "range"])),
      giftCardAmounts: z.preprocess(
        text,
        z
          .string()
          .max(1000, "giftCardAmountsFormat")
          .transform((v, ctx): number[] => {
            const parts = v.split(/[;\s]+|,\s+/).filter((part) => part !== "");
            const out: number[] = [];
            for (const part of parts) {
              const parsed = parseMoney(part, digits);
              if (!parsed.ok) {
                ctx.addIssue({ code: "custom", message: "giftCardAmountsFormat" });
                return z.NEVER;
              }
              out.push(parsed.cents);
            }
            return [...new Set(out)].sort((a, b) => a - b);
          }),
      ),
      giftCardMin: optionalMoney(digits),
      giftCardMax: optionalMoney(digits),
      stock: z.preprocess(
        text,
        z.string().transform((v, ctx): number | null => {
          const value = v.trim();
          if (!value) return null;
          if (!/^\d{1,10}$/.test(value) || Number(value) > MAX_MINOR_UNITS) {
            ctx.addIssue({ code: "custom", message: "stockFormat" });
            return z.NEVER;
          }
          return Number(value);
        }),
      ),
      kind: z.enum(["PHYSICAL", "DIGITAL", "GIFT_CARD"], "invalidChoice"),
      visibility: z.enum(["DRAFT", "HIDDEN", "PUBLIC"], "invalidChoice"),
      images: z.preprocess(
        files,
        z
          .array(z.instanceof(File))
          .max(MAX_IMAGES, "tooManyImages")
          .refine((list) => list.every((f) => f.size <= MAX_IMAGE_BYTES), "imageTooLarge")
          .refine((list) => list.every((f) => f.type in IMAGE_TYPES), "imageType"),
      ),
      digitalFile: z.preprocess(
        (v) => files(v)[0],
        z
          .instanceof(File)
          .refine((f) => f.size <= MAX_DIGITAL_FILE_BYTES, "digitalFileTooLarge")
          .optional(),
      ),
      removeImageIds: z.preprocess(
        (v) => (Array.isArray(v) ? v : v ? [v] : []),
        z.array(z.string("invalidChoice").max(64, "invalidChoice")).max(100, "invalidChoice"),
      ),
    })
    .transform((v, ctx) => {
      const fields = v as unknown as Record<string, string>;
      const translations = Object.fromEntries(
        store.locales.map((l) => [l, { title: fields[`title.${l}`] ?? "", description: fields[`description.${l}`] ?? "" }]),
      ) as Record<Locale, { title: string; description: string }>;
      const { slug, stock, kind, visibility, images, digitalFile, removeImageIds } = v;
      let price: number;
      let giftCard: GiftCardOfferInput = NO_GIFT_CARD_OFFER;
      if (kind === "GIFT_CARD") {
        const offer = giftCardOfferOf(v);
        if ("field" in offer) {
          ctx.addIssue({ code: "custom", message: offer.error, path: [offer.field] });
          return z.NEVER;
        }
        giftCard = offer;
        price = offer.amounts[0] ?? offer.minCents!;
      } else {
        if (v.price === null) {
          ctx.addIssue({ code: "custom", message: "required", path: ["price"] });
          return z.NEVER;
        }
        price = v.price;
      }
      return { slug, price, stock, kind, visibility, translations, images, digitalFile, removeImageIds, giftCard };
    });
}

function optionalMoney(digits: number) {
  return z.preprocess(
    text,
    z
      .string()
      .max(1000, "priceTooLarge")
      .transform((v, ctx): number | null => {
        if (!v.trim()) return null;
        const parsed = parseMoney(v, digits);
        if (!parsed.ok) {
          ctx.addIssue({ code: "custom", message: PRICE_ERRORS[parsed.reason] });
          return z.NEVER;
        }
        return parsed.cents;
      }),
  );
}

/** What a gift-card product offers, as Product.giftCardAmounts / giftCardMinCents / giftCardMaxCents hold it. */
export interface GiftCardOfferInput {
  /** The fixed amounts, ascending; empty for an amount the buyer chooses. */
  amounts: number[];
  minCents: number | null;
  maxCents: number | null;
}

/** The columns of a product that is not a gift card. */
export const NO_GIFT_CARD_OFFER: GiftCardOfferInput = { amounts: [], minCents: null, maxCents: null };

/**
 * The offer of a gift-card product from its form fields: fixed amounts (each from the payment
 * minimum to GIFT_CARD_MAX_AMOUNT_CENTS), or a minimum (at least the payment minimum) and a
 * maximum (at least the minimum, at most GIFT_CARD_MAX_AMOUNT_CENTS). The first refusal names its field.
 */
function giftCardOfferOf(v: {
  giftCardMode: "fixed" | "range";
  giftCardAmounts: number[];
  giftCardMin: number | null;
  giftCardMax: number | null;
}): GiftCardOfferInput | { field: string; error: CatalogFieldError } {
  if (v.giftCardMode === "fixed") {
    const amounts = v.giftCardAmounts;
    if (amounts.length === 0) return { field: "giftCardAmounts", error: "required" };
    if (amounts.length > GIFT_CARD_MAX_AMOUNTS) return { field: "giftCardAmounts", error: "giftCardAmountsTooMany" };
    if (amounts[0]! < GIFT_CARD_MIN_AMOUNT_CENTS) return { field: "giftCardAmounts", error: "giftCardAmountTooLow" };
    if (amounts.at(-1)! > GIFT_CARD_MAX_AMOUNT_CENTS) return { field: "giftCardAmounts", error: "giftCardAmountTooHigh" };
    return { amounts, minCents: null, maxCents: null };
  }
  if (v.giftCardMin === null) return { field: "giftCardMin", error: "required" };
  if (v.giftCardMin < GIFT_CARD_MIN_AMOUNT_CENTS) return { field: "giftCardMin", error: "giftCardAmountTooLow" };
  if (v.giftCardMax === null) return { field: "giftCardMax", error: "required" };
  if (v.giftCardMax < v.giftCardMin) return { field: "giftCardMax", error: "giftCardMaxTooLow" };
  if (v.giftCardMax > GIFT_CARD_MAX_AMOUNT_CENTS) return { field: "giftCardMax", error: "giftCardAmountTooHigh" };
  return { amounts: [], minCents: v.giftCardMin, maxCents: v.giftCardMax };
}

export type ProductFormInput = z.infer<ReturnType<typeof productFormSchema>>;

export interface ImageUpload {
  bytes: Uint8Array;
  type: ImageType;
}

/** Reads uploaded images and checks what they really are; null when one is not an accepted image. */
export async function readImageUploads(list: readonly File[]): Promise<ImageUpload[] | null> {
  const out: ImageUpload[] = [];
  for (const file of list) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = sniffImageType(bytes);
    if (!type) return null;
    out.push({ bytes, type });
  }
  return out;
}

export const productIdSchema = cleanString().min(1).max(64);

/** The edit form's and the archive button's product (a hidden field): "" when it is not an id at all. */
export const productEditSchema = z.object({ productId: productIdSchema.catch("") });
