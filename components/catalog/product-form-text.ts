import { getTranslations } from "next-intl/server";

const FORM_KEYS = [
  "texts",
  "defaultLanguage",
  "optionalLanguage",
  "title",
  "description",
  "details",
  "slug",
  "slugHint",
  "priceHint",
  "stock",
  "stockHint",
  "kind",
  "digitalFile",
  "digitalFileHint",
  "digitalFileReplace",
  "visibility",
  "visibilityHint",
  "images",
  "removeImage",
  "addImages",
  "imagesHint",
  "create",
  "save",
  "saving",
  "cancel",
] as const;

export interface ProductFormText {
  form: Record<(typeof FORM_KEYS)[number] | "price", string>;
  /** Shown above the form when fields are refused (their own refusals come with the action's state). */
  invalid: string;
  kind: Record<"PHYSICAL" | "DIGITAL", string>;
  visibility: Record<"DRAFT" | "HIDDEN" | "PUBLIC", string>;
}

/**
 * The product form's texts, translated on the server: client components receive strings, so the
 * catalog's messages never travel to the browser as a whole.
 */
export async function productFormText(currency: string): Promise<ProductFormText> {
  const t = await getTranslations("Catalog");
  const pick = <K extends string>(prefix: string, keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, t(`${prefix}.${k}` as Parameters<typeof t>[0])])) as Record<K, string>;
  return {
    form: { ...pick("form", FORM_KEYS), price: t("form.price", { currency }) },
    invalid: t("formErrors.invalid"),
    kind: pick("kind", ["PHYSICAL", "DIGITAL"] as const),
    visibility: pick("visibility", ["DRAFT", "HIDDEN", "PUBLIC"] as const),
  };
}
