import { Button, Heading, Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./define";
import { EmailLayout, textStyles } from "./layout";
import { EmailQrCode } from "./loyalty-qr";

export const loyaltyWelcomeDataSchema = z.object({
  storeName: z.string().trim().min(1).max(200),
  name: z.string().trim().max(200),
  cardNumber: z.string().regex(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/),
  unit: z.enum(["POINTS", "STAMPS"]),
  /** The balance right after joining (the welcome bonus, if any). */
  balance: z.number().int().min(0),
  /** The customer's loyalty page on the storefront. */
  accountUrl: z.url({ protocol: /^https?$/ }).max(2048),
});

export const loyaltyWelcomeEmail = defineEmailTemplate({
  schema: loyaltyWelcomeDataSchema,
  examples: [
    { storeName: "Fashion Hub", name: "Léa", cardNumber: "K7QM-4XRT-9HCP", unit: "POINTS", balance: 50, accountUrl: "http://fashionhub.localhost:3000/account/loyalty" },
    { storeName: "Bakery Schmit", name: "", cardNumber: "23AB-CDEF-GH4K", unit: "STAMPS", balance: 0, accountUrl: "http://bakeryschmit.localhost:3000/account/loyalty" },
  ],
  subject: (t, data) => t("loyaltyWelcome.subject", { store: data.storeName }),
  Component: function LoyaltyWelcomeEmail({ data, locale, t }) {
    return (
      <EmailLayout locale={locale} preview={t("loyaltyWelcome.preview", { number: data.cardNumber })} brand={data.storeName} footer={t("layout.footerStore", { store: data.storeName })}>
        <Heading as="h1" style={textStyles.heading}>
          {data.name ? t("loyaltyWelcome.headingNamed", { name: data.name }) : t("loyaltyWelcome.heading")}
        </Heading>
        <Text style={textStyles.paragraph}>{t("loyaltyWelcome.intro", { store: data.storeName })}</Text>
        <Text style={textStyles.paragraph}>{t("loyaltyWelcome.cardIntro")}</Text>
        <Text style={textStyles.code}>{data.cardNumber}</Text>
        <Section style={{ margin: "16px 0", textAlign: "center" }}>
          <EmailQrCode value={data.cardNumber} label={t("loyaltyWelcome.qrLabel", { number: data.cardNumber })} />
        </Section>
        <Text style={textStyles.paragraph}>{t("loyaltyWelcome.balance", { balance: data.balance, unit: data.unit })}</Text>
        <Section style={{ margin: "24px 0", textAlign: "center" }}>
          <Button href={data.accountUrl} style={textStyles.button}>
            {t("loyaltyWelcome.button")}
          </Button>
        </Section>
      </EmailLayout>
    );
  },
});
