import { Button, Column, Heading, Hr, Row, Section, Text } from "@react-email/components";
import { z } from "zod";
import { formatMoney } from "@/lib/money";
import { defineEmailTemplate } from "./define";
import { EmailLayout, textStyles } from "./layout";

const cents = z.number().int().min(0);

export const orderConfirmationDataSchema = z.object({
  storeName: z.string().trim().min(1).max(200),
  orderNumber: z.string().trim().min(1).max(40),
  currency: z.string().length(3),
  lines: z
    .array(z.object({ title: z.string().min(1).max(300), quantity: z.number().int().positive(), unitPriceCents: cents, totalCents: cents }))
    .min(1)
    .max(200),
  subtotalCents: cents,
  discounts: z.array(z.object({ code: z.string().min(1).max(64), amountCents: cents })).max(20),
  totalCents: cents,
  /**
   * What paid part of the total before the card payment, and what was left to pay: gift cards
   * (label: their last four characters), points (label: how many) and store credit.
   */
  tenders: z
    .array(z.object({ kind: z.enum(["GIFT_CARD", "LOYALTY_POINTS", "STORE_CREDIT"]).default("GIFT_CARD"), label: z.string().max(16), amountCents: cents }))
    .max(10)
    .default([]),
  amountDueCents: cents.optional(),
  /** True when the order cost nothing to pay (below the provider's minimum). */
  noPaymentNeeded: z.boolean().default(false),
  /** The checkout's transaction id, which the merchant sees on the order too (support requests quote it). */
  transactionId: z.string().trim().min(1).max(64).optional(),
  /** The confirmation page (with the buyer's access token for guests). */
  orderUrl: z.url({ protocol: /^https?$/ }).max(2048),
});

export type OrderConfirmationData = z.infer<typeof orderConfirmationDataSchema>;

const amountCell = { ...textStyles.paragraph, margin: "0 0 8px", textAlign: "right" as const, whiteSpace: "nowrap" as const };
const labelCell = { ...textStyles.paragraph, margin: "0 0 8px" };

export const orderConfirmationEmail = defineEmailTemplate({
  schema: orderConfirmationDataSchema,
  examples: [
    {
      storeName: "Fashion Hub",
      orderNumber: "000042",
      currency: "EUR",
      lines: [
        { title: "Linen shirt", quantity: 2, unitPriceCents: 5900, totalCents: 11800 },
        { title: "Gift card PDF", quantity: 1, unitPriceCents: 1000, totalCents: 1000 },
      ],
      subtotalCents: 12800,
      discounts: [{ code: "WELCOME10", amountCents: 1280 }],
      totalCents: 11520,
      tenders: [
        { kind: "GIFT_CARD", label: "WV2D", amountCents: 2500 },
        { kind: "LOYALTY_POINTS", label: "500", amountCents: 500 },
        { kind: "STORE_CREDIT", label: "", amountCents: 1000 },
      ],
      amountDueCents: 7520,
      transactionId: "2f1c9a4e-7b1d-4c55-9a51-0c7e3d2b8f10",
      orderUrl: "http://fashionhub.localhost:3000/orders/example?token=abc",
    },
    {
      storeName: "Bakery Schmit",
      orderNumber: "000001",
      currency: "EUR",
      lines: [{ title: "Bread", quantity: 1, unitPriceCents: 300, totalCents: 300 }],
      subtotalCents: 300,
      discounts: [{ code: "FREEBREAD", amountCents: 300 }],
      totalCents: 0,
      noPaymentNeeded: true,
      orderUrl: "http://bakeryschmit.localhost:3000/orders/example?token=abc",
    },
  ],
  subject: (t, data) => t("orderConfirmation.subject", { store: data.storeName, number: data.orderNumber }),
  Component: function OrderConfirmationEmail({ data, locale, t }) {
    const money = (value: number) => formatMoney(value, data.currency, locale);
    return (
      <EmailLayout
        locale={locale}
        preview={t("orderConfirmation.preview", { number: data.orderNumber, total: money(data.totalCents) })}
        brand={data.storeName}
        footer={t("layout.footerStore", { store: data.storeName })}
      >
        <Heading as="h1" style={textStyles.heading}>
          {t("orderConfirmation.heading", { number: data.orderNumber })}
        </Heading>
        <Text style={textStyles.paragraph}>{t("orderConfirmation.intro", { store: data.storeName })}</Text>
        {data.noPaymentNeeded ? <Text style={textStyles.paragraph}>{t("orderConfirmation.noPayment")}</Text> : null}
        {data.transactionId ? (
          <Text style={{ ...textStyles.paragraph, fontSize: "13px", color: "#475569" }}>{t("orderConfirmation.transaction", { id: data.transactionId })}</Text>
        ) : null}
        <Heading as="h2" style={{ ...textStyles.heading, fontSize: "17px" }}>
          {t("orderConfirmation.invoice")}
        </Heading>
        <Section>
          {data.lines.map((line, index) => (
            <Row key={index}>
              <Column style={labelCell}>{t("orderConfirmation.line", { quantity: line.quantity, title: line.title })}</Column>
              <Column style={amountCell}>{money(line.totalCents)}</Column>
            </Row>
          ))}
          <Hr />
          <Row>
            <Column style={labelCell}>{t("orderConfirmation.subtotal")}</Column>
            <Column style={amountCell}>{money(data.subtotalCents)}</Column>
          </Row>
          {data.discounts.map((discount, index) => (
            <Row key={index}>
              <Column style={labelCell}>{t("orderConfirmation.discount", { code: discount.code })}</Column>
              <Column style={amountCell}>−{money(discount.amountCents)}</Column>
            </Row>
          ))}
          <Row>
            <Column style={{ ...labelCell, fontWeight: 700 }}>{t("orderConfirmation.total")}</Column>
            <Column style={{ ...amountCell, fontWeight: 700 }}>{money(data.totalCents)}</Column>
          </Row>
          {data.tenders.map((tender, index) => (
            <Row key={`tender-${index}`}>
              <Column style={labelCell}>
                {tender.kind === "GIFT_CARD"
                  ? t("orderConfirmation.giftCard", { last4: tender.label })
                  : tender.kind === "LOYALTY_POINTS"
                    ? t("orderConfirmation.points", { points: Number(tender.label) })
                    : t("orderConfirmation.storeCredit")}
              </Column>
              <Column style={amountCell}>−{money(tender.amountCents)}</Column>
            </Row>
          ))}
          {data.tenders.length > 0 && data.amountDueCents !== undefined ? (
            <Row>
              <Column style={{ ...labelCell, fontWeight: 700 }}>{t("orderConfirmation.amountDue")}</Column>
              <Column style={{ ...amountCell, fontWeight: 700 }}>{money(data.amountDueCents)}</Column>
            </Row>
          ) : null}
        </Section>
        <Section style={{ margin: "24px 0", textAlign: "center" }}>
          <Button href={data.orderUrl} style={textStyles.button}>
            {t("orderConfirmation.button")}
          </Button>
        </Section>
      </EmailLayout>
    );
  },
});
