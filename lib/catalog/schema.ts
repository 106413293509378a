import { z } from "zod";
import { cleanMultilineString, cleanString } from "@/lib/input";
import type { Locale } from "@/lib/i18n/locales";
import { IMAGE_TYPES, sniffImageType, type ImageType } from "@/lib/storage/keys";
import { currencyDigits, MAX_MINOR_UNITS, parseMoney } from "@/lib/money";
import { isValidSlug, normalizeSlug, SLUG_MAX_LENGTH } from "./rules";

/** Field error codes; the UI translates them under `Catalog.errors`. */
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
  | "digitalFileTooLarge";

export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 5000;
export const MAX_IMAGES = 8;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_DIGITAL_FILE_BYTES = 20 * 1024 * 1024;

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
 * The product form of one store: the default locale's title is required, other locales are
 * optional; price in the store's currency as typed; empty stock means unlimited.
 */
export function productFormSchema(store: CatalogStore) {
  const digits = currencyDigits(store.currency);
  const translation = (required: boolean) =>
    z.object({
      title: z.preprocess(
        text,
        cleanString()
          .trim()
          .max(TITLE_MAX_LENGTH, "tooLong")
          .refine((v) => !required || v.length > 0, "required"),
      ),
      description: z.preprocess(text, cleanMultilineString().trim().max(DESCRIPTION_MAX_LENGTH, "tooLong")),
    });
  const translations = Object.fromEntries(store.locales.map((l) => [l, translation(l === store.defaultLocale)])) as Record<
    Locale,
    ReturnType<typeof translation>
  >;
  return z.object({
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
    price: z.preprocess(
      text,
      z
        .string()
        .max(1000, "priceTooLarge")
        .transform((v, ctx) => {
          const parsed = parseMoney(v, digits);
          if (!parsed.ok) {
            ctx.addIssue({ code: "custom", message: PRICE_ERRORS[parsed.reason] });
            return z.NEVER;
          }
          return parsed.cents;
        }),
    ),
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
    kind: z.enum(["PHYSICAL", "DIGITAL"], "invalidChoice"),
    visibility: z.enum(["DRAFT", "HIDDEN", "PUBLIC"], "invalidChoice"),
    translations: z.object(translations),
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
    removeImageIds: z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(z.string().max(64)).max(100)),
  });
}

export type ProductFormInput = z.infer<ReturnType<typeof productFormSchema>>;

/** Reads the product form's FormData into the plain object the schema parses. */
export function productFormFields(formData: FormData, locales: readonly Locale[]): Record<string, unknown> {
  return {
    slug: formData.get("slug") ?? undefined,
    price: formData.get("price") ?? undefined,
    stock: formData.get("stock") ?? undefined,
    kind: formData.get("kind") ?? undefined,
    visibility: formData.get("visibility") ?? undefined,
    translations: Object.fromEntries(
      locales.map((l) => [l, { title: formData.get(`title.${l}`) ?? undefined, description: formData.get(`description.${l}`) ?? undefined }]),
    ),
    images: formData.getAll("images"),
    digitalFile: formData.getAll("digitalFile"),
    removeImageIds: formData.getAll("removeImageIds"),
  };
}

/** The first error code of each field, keyed by the form's field names ("slug", "title.fr"). */
export function catalogFieldErrors(error: z.ZodError): Record<string, CatalogFieldError> {
  const out: Record<string, CatalogFieldError> = {};
  for (const issue of error.issues) {
    const path = issue.path;
    const field = path[0] === "translations" ? `${String(path[2])}.${String(path[1])}` : String(path[0]);
    if (field in out) continue;
    out[field] = isCatalogFieldError(issue.message) ? issue.message : "required";
  }
  return out;
}

const CODES = new Set<string>([
  "required",
  "tooLong",
  "slugFormat",
  "slugTaken",
  "priceFormat",
  "priceTooManyDecimals",
  "priceTooLarge",
  "stockFormat",
  "invalidChoice",
  "imageType",
  "imageTooLarge",
  "tooManyImages",
  "digitalFileRequired",
  "digitalFileTooLarge",
]);
function isCatalogFieldError(value: string): value is CatalogFieldError {
  return CODES.has(value);
}

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
