import { Button, Heading, Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./define";
import { EmailLayout, textStyles } from "./layout";

export const loyaltyWelcomeBonusDataSchema = z.object({
  storeName: z.string().trim().min(1).max(200),
  name: z.string().trim().max(200),
  bonus: z.number().int().positive(),
  unit: z.enum(["POINTS", "STAMPS"]),
  accountUrl: z.url({ protocol: /^https?$/ }).max(2048),
});

export const loyaltyWelcomeBonusEmail = defineEmailTemplate({
  schema: loyaltyWelcomeBonusDataSchema,
  examples: [{ storeName: "Fashion Hub", name: "Léa", bonus: 50, unit: "POINTS", accountUrl: "http://fashionhub.localhost:3000/account/loyalty" }],
  subject: (t, data) => t("loyaltyWelcomeBonus.subject", { bonus: data.bonus, unit: data.unit, store: data.storeName }),
  Component: function LoyaltyWelcomeBonusEmail({ data, locale, t }) {
    return (
      <EmailLayout locale={locale} preview={t("loyaltyWelcomeBonus.preview", { bonus: data.bonus, unit: data.unit })} brand={data.storeName} footer={t("layout.footerStore", { store: data.storeName })}>
        <Heading as="h1" style={textStyles.heading}>
          {t("loyaltyWelcomeBonus.heading", { bonus: data.bonus, unit: data.unit })}
        </Heading>
        <Text style={textStyles.paragraph}>{t("loyaltyWelcomeBonus.intro", { store: data.storeName, bonus: data.bonus, unit: data.unit })}</Text>
        <Section style={{ margin: "24px 0", textAlign: "center" }}>
          <Button href={data.accountUrl} style={textStyles.button}>
            {t("loyaltyWelcomeBonus.button")}
          </Button>
        </Section>
      </EmailLayout>
    );
  },
});
