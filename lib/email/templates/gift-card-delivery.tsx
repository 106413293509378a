import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { z } from "zod";
import { formatterFor } from "@/lib/i18n/format";
import type { Locale } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { dayKeyToUtcDate } from "@/lib/time";
import { defineEmailTemplate } from "./define";
import { EmailLayout, textStyles } from "./layout";
import { EmailQrCode } from "./loyalty-qr";

const url = z.url({ protocol: /^https?$/ }).max(2048);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const giftCardDeliveryDataSchema = z.object({
  /**
   * recipient: the card for the person it was bought for (or the buyer buying for themselves);
   * buyerCopy: the buyer's copy of a card sent to someone else; bonus: a promotion's bonus card.
   */
  kind: z.enum(["recipient", "buyerCopy", "bonus"]),
  storeName: z.string().trim().min(1).max(200),
  /** The person the card is for (null: the buyer themselves). */
  recipientName: z.string().trim().min(1).max(120).nullable(),
  /** The code as people type it, grouped by four ("7KQM-4XRT-9HCP-WV2D"). */
  code: z.string().regex(/^[2-9A-Z]{4}(-[2-9A-Z]{1,4})+$/),
  amountCents: z.number().int().positive(),
  currency: z.string().length(3),
  /** The last day the card can be used (in the store's time zone); null: it does not expire. */
  expiresOn: day.nullable(),
  message: z.string().max(500).nullable(),
  /** buyerCopy: the day the recipient gets the card (null: at once). */
  deliverOn: day.nullable().default(null),
  storefrontUrl: url,
  balanceUrl: url,
  certificateUrl: url,
});

function formatDay(value: string, locale: Locale): string {
  return formatterFor(locale, "UTC").dateTime(dayKeyToUtcDate(value), { dateStyle: "long" });
}

const example = {
  storeName: "Fashion Hub",
  code: "7KQM-4XRT-9HCP-WV2D",
  amountCents: 5000,
  currency: "EUR",
  storefrontUrl: "http://fashionhub.localhost:3000/",
  balanceUrl: "http://fashionhub.localhost:3000/gift-cards/balance",
  certificateUrl: "http://fashionhub.localhost:3000/gift-cards/certificate?t=example",
};

export const giftCardDeliveryEmail = defineEmailTemplate({
  schema: giftCardDeliveryDataSchema,
  examples: [
    { ...example, kind: "recipient", recipientName: "Léa", expiresOn: "2027-12-07", message: "Happy birthday!\nSee you soon." },
    { ...example, kind: "recipient", recipientName: null, expiresOn: null, message: null },
    { ...example, kind: "buyerCopy", recipientName: "Léa", expiresOn: "2027-12-07", message: "Happy birthday!", deliverOn: "2026-12-24" },
    { ...example, kind: "buyerCopy", recipientName: "Jos", expiresOn: null, message: null, deliverOn: null },
    { ...example, kind: "bonus", recipientName: null, amountCents: 1000, expiresOn: "2027-01-31", message: null },
  ],
  subject: (t, data) => {
    if (data.kind === "buyerCopy") return t("giftCardDelivery.subjectCopy", { store: data.storeName, name: data.recipientName ?? "" });
    if (data.kind === "bonus") return t("giftCardDelivery.subjectBonus", { store: data.storeName });
    return t("giftCardDelivery.subject", { store: data.storeName });
  },
  Component: function GiftCardDeliveryEmail({ data, locale, t }) {
    const amount = formatMoney(data.amountCents, data.currency, locale);
    const name = data.recipientName ?? "";
    let heading: string;
    let intro: string;
    if (data.kind === "buyerCopy") {
      heading = t("giftCardDelivery.headingCopy", { name });
      intro = data.deliverOn
        ? t("giftCardDelivery.introCopyScheduled", { name, date: formatDay(data.deliverOn, locale), store: data.storeName })
        : t("giftCardDelivery.introCopy", { name, store: data.storeName });
    } else if (data.kind === "bonus") {
      heading = t("giftCardDelivery.headingBonus", { amount });
      intro = t("giftCardDelivery.introBonus", { amount, store: data.storeName });
    } else {
      heading = data.recipientName ? t("giftCardDelivery.headingNamed", { name, amount }) : t("giftCardDelivery.heading", { amount });
      intro = t("giftCardDelivery.intro", { amount, store: data.storeName });
    }
    return (
      <EmailLayout locale={locale} preview={t("giftCardDelivery.preview", { amount, store: data.storeName })} brand={data.storeName} footer={t("layout.footerStore", { store: data.storeName })}>
        <Heading as="h1" style={textStyles.heading}>
          {heading}
        </Heading>
        <Text style={textStyles.paragraph}>{intro}</Text>
        {data.message ? (
          <Section style={{ borderLeft: "4px solid #cbd5e1", margin: "0 0 16px", padding: "4px 0 4px 12px" }}>
            <Text style={{ ...textStyles.small, margin: 0 }}>{t("giftCardDelivery.messageLabel")}</Text>
            <Text style={{ ...textStyles.paragraph, margin: 0, whiteSpace: "pre-line" }}>{data.message}</Text>
          </Section>
        ) : null}
        <Text style={textStyles.paragraph}>{t("giftCardDelivery.codeIntro")}</Text>
        <Text style={textStyles.code}>{data.code}</Text>
        <Section style={{ margin: "16px 0", textAlign: "center" }}>
          <EmailQrCode value={data.code.replaceAll("-", "")} label={t("giftCardDelivery.qrLabel", { code: data.code })} />
        </Section>
        <Text style={textStyles.paragraph}>{t("giftCardDelivery.balance", { amount })}</Text>
        <Text style={textStyles.paragraph}>
          {data.expiresOn ? t("giftCardDelivery.expires", { date: formatDay(data.expiresOn, locale) }) : t("giftCardDelivery.noExpiry")}
        </Text>
        <Text style={textStyles.paragraph}>{t("giftCardDelivery.howToUse", { store: data.storeName })}</Text>
        <Section style={{ margin: "24px 0", textAlign: "center" }}>
          <Button href={data.storefrontUrl} style={textStyles.button}>
            {t("giftCardDelivery.shop")}
          </Button>
        </Section>
        <Text style={textStyles.small}>
          <Link href={data.certificateUrl} style={textStyles.link}>
            {t("giftCardDelivery.certificate")}
          </Link>
        </Text>
        <Text style={textStyles.small}>
          <Link href={data.balanceUrl} style={textStyles.link}>
            {t("giftCardDelivery.checkBalance")}
          </Link>
        </Text>
      </EmailLayout>
    );
  },
});
