import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import { formatMoney } from "@/lib/money";
import { defineEmailTemplate } from "./define";
import { EmailLayout, textStyles } from "./layout";

export const paymentRefundedDataSchema = z.object({
  /** The store the payment was meant for; null when it named no order of ours. */
  storeName: z.string().trim().min(1).max(200).nullable(),
  orderNumber: z.string().trim().min(1).max(40).nullable(),
  amountCents: z.number().int().min(0),
  currency: z.string().length(3),
  reason: z.enum(["ORDER_CANCELLED", "ORDER_UNKNOWN", "ALREADY_PAID"]),
});

const REASON_KEY = { ORDER_CANCELLED: "cancelled", ORDER_UNKNOWN: "unknown", ALREADY_PAID: "alreadyPaid" } as const;

/** To the buyer: a payment we could not use was refunded automatically (see lib/payments/issues.ts). */
export const paymentRefundedEmail = defineEmailTemplate({
  schema: paymentRefundedDataSchema,
  examples: [
    { storeName: "Fashion Hub", orderNumber: "000042", amountCents: 5500, currency: "EUR", reason: "ORDER_CANCELLED" },
    { storeName: "Fashion Hub", orderNumber: "000043", amountCents: 1200, currency: "EUR", reason: "ALREADY_PAID" },
    { storeName: null, orderNumber: null, amountCents: 990, currency: "EUR", reason: "ORDER_UNKNOWN" },
  ],
  subject: (t, data) => (data.storeName ? t("paymentRefunded.subjectStore", { store: data.storeName }) : t("paymentRefunded.subject")),
  Component: function PaymentRefundedEmail({ data, locale, t }) {
    const amount = formatMoney(data.amountCents, data.currency, locale);
    const store = data.storeName ?? "Patron";
    return (
      <EmailLayout
        locale={locale}
        preview={t("paymentRefunded.preview", { amount })}
        brand={store}
        footer={data.storeName ? t("layout.footerStore", { store: data.storeName }) : t("layout.footerPlatform")}
      >
        <Heading as="h1" style={textStyles.heading}>
          {t("paymentRefunded.heading", { amount })}
        </Heading>
        <Text style={textStyles.paragraph}>
          {t(`paymentRefunded.reasons.${REASON_KEY[data.reason]}`, { store, number: data.orderNumber ?? "" })}
        </Text>
        <Text style={textStyles.paragraph}>{t("paymentRefunded.delay")}</Text>
      </EmailLayout>
    );
  },
});
