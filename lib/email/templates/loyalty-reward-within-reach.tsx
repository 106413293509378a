import { Button, Heading, Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./define";
import { EmailLayout, textStyles } from "./layout";

export const loyaltyRewardWithinReachDataSchema = z.object({
  storeName: z.string().trim().min(1).max(200),
  /** The program's owner: the card is the merchant's, valid at each of its stores (absent on messages queued before). */
  merchantName: z.string().trim().min(1).max(200).optional(),
  name: z.string().trim().max(200),
  balance: z.number().int().min(0),
  unit: z.enum(["POINTS", "STAMPS"]),
  /** The rewards this earning brought within reach; `missing` 0 means redeemable now. */
  rewards: z.array(z.object({ name: z.string().max(200), cost: z.number().int().positive(), missing: z.number().int().min(0) })).min(1).max(50),
  accountUrl: z.url({ protocol: /^https?$/ }).max(2048),
});

export const loyaltyRewardWithinReachEmail = defineEmailTemplate({
  schema: loyaltyRewardWithinReachDataSchema,
  examples: [
    {
      storeName: "Fashion Hub",
      merchantName: "Fashion Group",
      name: "Léa",
      balance: 90,
      unit: "POINTS",
      rewards: [
        { name: "Tote bag", cost: 80, missing: 0 },
        { name: "Scarf", cost: 100, missing: 10 },
      ],
      accountUrl: "http://fashionhub.localhost:3000/account/loyalty",
    },
    { storeName: "Bakery Schmit", merchantName: "Schmit & Fils", name: "", balance: 9, unit: "STAMPS", rewards: [{ name: "Free bread", cost: 10, missing: 1 }], accountUrl: "http://bakeryschmit.localhost:3000/account/loyalty" },
  ],
  subject: (t, data) => t("loyaltyRewardWithinReach.subject", { store: data.storeName }),
  Component: function LoyaltyRewardWithinReachEmail({ data, locale, t }) {
    return (
      <EmailLayout locale={locale} preview={t("loyaltyRewardWithinReach.preview", { balance: data.balance, unit: data.unit })} brand={data.storeName} footer={t("layout.footerStore", { store: data.storeName })}>
        <Heading as="h1" style={textStyles.heading}>
          {data.name ? t("loyaltyRewardWithinReach.headingNamed", { name: data.name }) : t("loyaltyRewardWithinReach.heading")}
        </Heading>
        <Text style={textStyles.paragraph}>{t("loyaltyRewardWithinReach.balance", { balance: data.balance, unit: data.unit, merchant: data.merchantName ?? data.storeName })}</Text>
        {data.rewards.map((reward, index) => (
          <Text key={index} style={textStyles.paragraph}>
            {reward.missing === 0
              ? t("loyaltyRewardWithinReach.ready", { reward: reward.name })
              : t("loyaltyRewardWithinReach.missing", { reward: reward.name, missing: reward.missing, unit: data.unit })}
          </Text>
        ))}
        <Section style={{ margin: "24px 0", textAlign: "center" }}>
          <Button href={data.accountUrl} style={textStyles.button}>
            {t("loyaltyRewardWithinReach.button")}
          </Button>
        </Section>
      </EmailLayout>
    );
  },
});
