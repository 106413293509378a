import { getTranslations } from "next-intl/server";
import type { GiftCardOffer } from "@/lib/gift-cards/rules";
import {
  DELIVERY_MAX_DAYS_AHEAD,
  GIFT_CARD_MESSAGE_MAX,
} from "@/lib/gift-cards/rules";
import type { Locale } from "@/lib/locales";
import { currencyDigits, formatMoney, minorToDecimal } from "@/lib/money";
import { GiftCardPurchaseForm } from "./gift-card-purchase-form";

const KEYS = [
  "amountLegend",
  "forLegend",
  "forMe",
  "forSomeoneElse",
  "forMeHint",
  "recipientName",
  "recipientEmail",
  "message",
  "deliverOn",
  "deliverOnHint",
  "language",
  "quantity",
  "quantityHint",
  "add",
  "adding",
  "added",
  "viewCart",
] as const;

/**
 * A gift-card product's buy form, its texts translated here: the amounts the product offers in
 * the store's currency (the form sends them as typed amounts, which the cart checks against the
 * offer again), the delivery limits, the store's time zone for the delivery day.
 */
export async function GiftCardPurchase({
  productId,
  offer,
  currency,
  locale,
  timeZone,
  disabled,
  cartHref,
}: {
  productId: string;
  offer: GiftCardOffer;
  currency: string;
  locale: Locale;
  timeZone: string;
  disabled?: boolean;
  cartHref: string;
}) {
  const t = await getTranslations("GiftCards.product");
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const digits = currencyDigits(currency);
  const text = {
    ...(Object.fromEntries(KEYS.map((k) => [k, t(k)])) as Record<
      (typeof KEYS)[number],
      string
    >),
    amountLabel: t("amountLabel", { currency }),
    amountHint:
      offer.kind === "range"
        ? t("amountHint", {
            min: money(offer.minCents),
            max: money(offer.maxCents),
          })
        : "",
    messageCounter: t.raw("messageCounter") as string,
  };
  return (
    <GiftCardPurchaseForm
      productId={productId}
      amounts={
        offer.kind === "fixed"
          ? offer.amounts.map((cents) => ({
              value: minorToDecimal(cents, digits),
              label: money(cents),
            }))
          : null
      }
      timeZone={timeZone}
      locale={locale}
      messageMax={GIFT_CARD_MESSAGE_MAX}
      maxDaysAhead={DELIVERY_MAX_DAYS_AHEAD}
      disabled={disabled}
      cartHref={cartHref}
      text={text}
    />
  );
}
