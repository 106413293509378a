import { Button, Column, Heading, Row, Section, Text } from "@react-email/components";
import { z } from "zod";
import { formatMoney } from "@/lib/money";
import { defineEmailTemplate } from "./define";
import { EmailLayout, textStyles } from "./layout";

const cents = z.number().int().min(0);

export const orderRefundDataSchema = z.object({
  storeName: z.string().trim().min(1).max(200),
  orderNumber: z.string().trim().min(1).max(40),
  currency: z.string().length(3),
  amountCents: cents,
  /** With this refund, everything the order was paid is back. */
  full: z.boolean(),
  /** Where the money went, in the order it was given back (lib/orders/refund-plan.ts). */
  shares: z
    .array(
      z.object({
        kind: z.enum(["PAYMENT", "STORE_CREDIT", "GIFT_CARD", "LOYALTY_POINTS"]),
        /** GIFT_CARD: the card's last four characters. */
        label: z.string().max(16).default(""),
        amountCents: cents,
        points: z.number().int().min(0).nullable().default(null),
      }),
    )
    .min(1)
    .max(20),
  orderUrl: z.url({ protocol: /^https?$/ }).max(2048),
});

const amountCell = { ...textStyles.paragraph, margin: "0 0 8px", textAlign: "right" as const, whiteSpace: "nowrap" as const };
const labelCell = { ...textStyles.paragraph, margin: "0 0 8px" };

/** To the buyer: a merchant refunded all or part of an order, and where each part of the money went. */
export const orderRefundEmail = defineEmailTemplate({
  schema: orderRefundDataSchema,
  examples: [
    {
      storeName: "Fashion Hub",
      orderNumber: "000042",
      currency: "EUR",
      amountCents: 4500,
      full: false,
      shares: [
        { kind: "STORE_CREDIT", label: "", amountCents: 3000, points: null },
        { kind: "LOYALTY_POINTS", label: "", amountCents: 500, points: 500 },
        { kind: "GIFT_CARD", label: "WV2D", amountCents: 1000, points: null },
      ],
      orderUrl: "http://fashionhub.localhost:3000/orders/example?token=abc",
    },
    {
      storeName: "Bakery Schmit",
      orderNumber: "000007",
      currency: "EUR",
      amountCents: 1250,
      full: true,
      shares: [{ kind: "PAYMENT", label: "", amountCents: 1250, points: null }],
      orderUrl: "http://bakeryschmit.localhost:3000/orders/example?token=abc",
    },
  ],
  subject: (t, data) => t("orderRefund.subject", { store: data.storeName, number: data.orderNumber }),
  Component: function OrderRefundEmail({ data, locale, t }) {
    const money = (value: number) => formatMoney(value, data.currency, locale);
    const amount = money(data.amountCents);
    return (
      <EmailLayout
        locale={locale}
        preview={t("orderRefund.preview", { amount, number: data.orderNumber })}
        brand={data.storeName}
        footer={t("layout.footerStore", { store: data.storeName })}
      >
        <Heading as="h1" style={textStyles.heading}>
          {t("orderRefund.heading", { amount })}
        </Heading>
        <Text style={textStyles.paragraph}>
          {t(data.full ? "orderRefund.introFull" : "orderRefund.introPartial", { store: data.storeName, number: data.orderNumber })}
        </Text>
        <Section>
          {data.shares.map((share, index) => (
            <Row key={index}>
              <Column style={labelCell}>
                {share.kind === "GIFT_CARD"
                  ? t("orderRefund.to.GIFT_CARD", { last4: share.label })
                  : share.kind === "LOYALTY_POINTS"
                    ? t("orderRefund.to.LOYALTY_POINTS", { points: share.points ?? 0 })
                    : t(`orderRefund.to.${share.kind}`)}
              </Column>
              <Column style={amountCell}>{money(share.amountCents)}</Column>
            </Row>
          ))}
        </Section>
        {data.shares.some((share) => share.kind === "PAYMENT") ? <Text style={textStyles.paragraph}>{t("orderRefund.cardDelay")}</Text> : null}
        <Section style={{ margin: "24px 0", textAlign: "center" }}>
          <Button href={data.orderUrl} style={textStyles.button}>
            {t("orderRefund.button")}
          </Button>
        </Section>
      </EmailLayout>
    );
  },
});
