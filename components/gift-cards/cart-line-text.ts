import { getTranslations } from "next-intl/server";
import type { CartGiftCardLine } from "@/lib/cart/types";
import { formatterFor } from "@/lib/i18n/format";
import { LOCALE_NAMES, type Locale } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { dayKeyToUtcDate } from "@/lib/time";

/** A gift card of the cart in words: its amount, who it is for, when and in which language it is delivered. */
export interface GiftCardLineText {
  /** For the controls' labels: "Gift card of €50.00, for Léa (lea@example.com)". */
  labelTitle: string;
  details: string[];
}

/** The cart's texts of its gift-card lines, translated on the server for the cart's client component. */
export async function giftCardLineTexts(locale: Locale, currency: string) {
  const t = await getTranslations({ locale, namespace: "GiftCards.cart" });
  // A delivery day is a calendar day of the store: written as that day, whatever the zone.
  const day = formatterFor(locale, "UTC");
  return {
    line(title: string, card: CartGiftCardLine): GiftCardLineText {
      const { purchase } = card;
      const amount = t("amount", {
        amount: formatMoney(card.amountCents, currency, locale),
      });
      const recipient = purchase.recipient
        ? t("forRecipient", {
            name: purchase.recipient.name,
            email: purchase.recipient.email,
          })
        : t("forMe");
      const delivery = purchase.deliverOn
        ? t("deliverOn", {
            date: day.dateTime(dayKeyToUtcDate(purchase.deliverOn), {
              dateStyle: "long",
            }),
          })
        : t("deliverOnPayment");
      return {
        labelTitle: `${title}, ${amount}, ${recipient}`,
        details: [
          amount,
          recipient,
          delivery,
          t("language", { language: LOCALE_NAMES[purchase.locale] }),
        ],
      };
    },
    amountNotOffered: t("amountNotOffered"),
    couponNote: t("couponNote"),
  };
}
