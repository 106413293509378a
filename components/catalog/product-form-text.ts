import { getLocale, getTranslations } from "next-intl/server";
import { GIFT_CARD_MAX_AMOUNT_CENTS, GIFT_CARD_MIN_AMOUNT_CENTS } from "@/lib/catalog/schema";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { formatMoney } from "@/lib/money";

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

const GIFT_CARD_KEYS = ["legend", "modeFixed", "modeRange", "amounts", "amountsHint", "min", "minHint", "max", "maxHint"] as const;

export interface ProductFormText {
  form: Record<(typeof FORM_KEYS)[number] | "price", string>;
  /** Shown above the form when fields are refused (their own refusals come with the action's state). */
  invalid: string;
  kind: Record<"PHYSICAL" | "DIGITAL" | "GIFT_CARD", string>;
  giftCard: Record<(typeof GIFT_CARD_KEYS)[number], string>;
  visibility: Record<"DRAFT" | "HIDDEN" | "PUBLIC", string>;
}

/**
 * The product form's texts, translated on the server: client components receive strings, so the
 * catalog's messages never travel to the browser as a whole.
 */
export async function productFormText(currency: string): Promise<ProductFormText> {
  const [t, locale] = await Promise.all([getTranslations("Catalog"), getLocale()]);
  const limits = {
    min: formatMoney(GIFT_CARD_MIN_AMOUNT_CENTS, currency, isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE),
    max: formatMoney(GIFT_CARD_MAX_AMOUNT_CENTS, currency, isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE),
  };
  const pick = <K extends string>(prefix: string, keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, t(`${prefix}.${k}` as Parameters<typeof t>[0])])) as Record<K, string>;
  return {
    form: { ...pick("form", FORM_KEYS), price: t("form.price", { currency }) },
    invalid: t("formErrors.invalid"),
    kind: pick("kind", ["PHYSICAL", "DIGITAL", "GIFT_CARD"] as const),
    giftCard: Object.fromEntries(
      GIFT_CARD_KEYS.map((k) => [k, t(`form.giftCard.${k}` as Parameters<typeof t>[0], { currency, ...limits })]),
    ) as ProductFormText["giftCard"],
    visibility: pick("visibility", ["DRAFT", "HIDDEN", "PUBLIC"] as const),
  };
}
