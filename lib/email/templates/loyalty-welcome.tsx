import { Button, Heading, Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./define";
import { EmailLayout, textStyles } from "./layout";
import { EmailQrCode } from "./loyalty-qr";

export const loyaltyWelcomeDataSchema = z.object({
  /** The store where the customer joined: the email comes from it. */
  storeName: z.string().trim().min(1).max(200),
  /**
   * The merchant, who owns the program (valid in all its stores). Optional only so that messages
   * queued before it existed still render; they name the store instead.
   */
  merchantName: z.string().trim().min(1).max(200).optional(),
  name: z.string().trim().max(200),
  cardNumber: z.string().regex(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/),
  unit: z.enum(["POINTS", "STAMPS"]),
  /** The balance right after joining (the welcome bonus, if any). */
  balance: z.number().int().min(0),
  /** Points or stamps given on joining (0: none); stated in the same email, not in a second one. */
  welcomeBonus: z.number().int().min(0).default(0),
  /** The customer's loyalty page on the storefront. */
  accountUrl: z.url({ protocol: /^https?$/ }).max(2048),
});

export const loyaltyWelcomeEmail = defineEmailTemplate({
  schema: loyaltyWelcomeDataSchema,
  examples: [
    { storeName: "Fashion Hub", merchantName: "Fashion Group", name: "Léa", cardNumber: "K7QM-4XRT-9HCP", unit: "POINTS", balance: 50, welcomeBonus: 50, accountUrl: "http://fashionhub.localhost:3000/account/loyalty" },
    { storeName: "Bakery Schmit", merchantName: "Schmit & Fils", name: "", cardNumber: "23AB-CDEF-GH4K", unit: "STAMPS", balance: 0, welcomeBonus: 0, accountUrl: "http://bakeryschmit.localhost:3000/account/loyalty" },
    { storeName: "Bakery Schmit", name: "Jos", cardNumber: "23AB-CDEF-GH4K", unit: "STAMPS", balance: 1, accountUrl: "http://bakeryschmit.localhost:3000/account/loyalty" },
  ],
  subject: (t, data) => t("loyaltyWelcome.subject", { merchant: data.merchantName ?? data.storeName }),
  Component: function LoyaltyWelcomeEmail({ data, locale, t }) {
    const merchant = data.merchantName ?? data.storeName;
    return (
      <EmailLayout locale={locale} preview={t("loyaltyWelcome.preview", { number: data.cardNumber })} brand={data.storeName} footer={t("layout.footerStore", { store: data.storeName })}>
        <Heading as="h1" style={textStyles.heading}>
          {data.name ? t("loyaltyWelcome.headingNamed", { name: data.name }) : t("loyaltyWelcome.heading")}
        </Heading>
        <Text style={textStyles.paragraph}>{t("loyaltyWelcome.intro", { merchant, store: data.storeName })}</Text>
        {data.welcomeBonus > 0 ? (
          <Text style={textStyles.paragraph}>{t("loyaltyWelcome.bonus", { bonus: data.welcomeBonus, unit: data.unit })}</Text>
        ) : null}
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
