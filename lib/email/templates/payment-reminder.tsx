import { Button, Column, Heading, Hr, Link, Row, Section, Text } from "@react-email/components";
import { z } from "zod";
import { formatterFor } from "@/lib/i18n/format";
import type { Locale } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { dayKeyToUtcDate } from "@/lib/time";
import { defineEmailTemplate } from "./define";
import { EmailLayout, textStyles } from "./layout";

const url = z.url({ protocol: /^https?$/ }).max(2048);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const currency = z.string().regex(/^[A-Z]{3}$/);

export const paymentReminderDataSchema = z.object({
  merchantName: z.string().trim().min(1).max(200),
  payerName: z.string().trim().min(1).max(120),
  /** Every item the payer still owes the merchant, soonest due first (lib/payment-requests/statement.ts). */
  items: z
    .array(
      z.object({
        storeName: z.string().trim().min(1).max(200),
        reference: z.string().trim().min(1).max(60),
        /** The first line's title; `lineCount` says how many lines there are. */
        title: z.string().trim().min(1).max(200),
        lineCount: z.number().int().min(0),
        currency,
        amountCents: z.number().int().positive(),
        dueOn: day.nullable(),
        overdue: z.boolean(),
        payUrl: url,
      }),
    )
    .min(1)
    // Every open item: a payer owing more than this is a case for a phone call.
    .max(500),
  totals: z.array(z.object({ currency, totalCents: z.number().int().positive() })).min(1),
  unsubscribeUrl: url,
});

function formatDay(value: string, locale: Locale): string {
  return formatterFor(locale, "UTC").dateTime(dayKeyToUtcDate(value), { dateStyle: "long" });
}

const cell = { ...textStyles.paragraph, margin: "0 0 4px" };
const amountCell = { ...cell, textAlign: "right" as const, whiteSpace: "nowrap" as const, fontWeight: 600 };
const muted = { ...cell, color: "#475569", fontSize: "14px" };

const item = {
  storeName: "Fashion Hub",
  reference: "INV-2026-014",
  title: "Alterations: trousers",
  lineCount: 1,
  currency: "EUR",
  amountCents: 3500,
  dueOn: "2026-12-20",
  overdue: false,
  payUrl: "http://fashionhub.localhost:3000/pay/r/example?token=abc",
};

/**
 * To a payer: one email with everything they still owe one merchant, a pay button per item and
 * the total per currency (the grouped reminder, lib/payment-requests/reminders.ts).
 */
export const paymentReminderEmail = defineEmailTemplate({
  schema: paymentReminderDataSchema,
  examples: [
    {
      merchantName: "Fashion Group",
      payerName: "Léa Muller",
      items: [
        { ...item, overdue: true, dueOn: "2026-11-30", reference: "INV-2026-009", title: "Tailoring", lineCount: 3, amountCents: 12000 },
        item,
        { ...item, storeName: "Fashion Outlet", reference: "R-7KQM4XRT", dueOn: null, amountCents: 990 },
      ],
      totals: [{ currency: "EUR", totalCents: 16490 }],
      unsubscribeUrl: "http://fashionhub.localhost:3000/pay/unsubscribe/example?token=abc",
    },
    {
      merchantName: "Bakery Schmit",
      payerName: "ACME Sàrl",
      items: [
        { ...item, storeName: "Bakery Schmit", currency: "CHF", amountCents: 4200 },
        { ...item, storeName: "Bakery Schmit", reference: "B-2" },
      ],
      totals: [
        { currency: "CHF", totalCents: 4200 },
        { currency: "EUR", totalCents: 3500 },
      ],
      unsubscribeUrl: "http://bakeryschmit.localhost:3000/pay/unsubscribe/example?token=abc",
    },
  ],
  subject: (t, data) => t("paymentReminder.subject", { merchant: data.merchantName, count: data.items.length }),
  Component: function PaymentReminderEmail({ data, locale, t }) {
    const totals = data.totals.map((total) => formatMoney(total.totalCents, total.currency, locale)).join(" + ");
    return (
      <EmailLayout
        locale={locale}
        preview={t("paymentReminder.preview", { total: totals, count: data.items.length })}
        brand={data.merchantName}
        footer={t("layout.footerStore", { store: data.merchantName })}
      >
        <Heading as="h1" style={textStyles.heading}>
          {t("paymentReminder.heading", { merchant: data.merchantName })}
        </Heading>
        <Text style={textStyles.paragraph}>
          {t("paymentReminder.intro", { name: data.payerName, merchant: data.merchantName, count: data.items.length })}
        </Text>
        {data.items.map((entry, index) => (
          <Section key={index} style={{ margin: "16px 0" }}>
            <Row>
              <Column>
                <Text style={{ ...cell, fontWeight: 600 }}>
                  {entry.lineCount > 1 ? t("paymentReminder.titleMore", { title: entry.title, more: entry.lineCount - 1 }) : entry.title}
                </Text>
                <Text style={muted}>{t("paymentReminder.reference", { reference: entry.reference, store: entry.storeName })}</Text>
                <Text style={muted}>
                  {entry.dueOn
                    ? t(entry.overdue ? "paymentReminder.overdueSince" : "paymentReminder.due", { date: formatDay(entry.dueOn, locale) })
                    : t("paymentReminder.noDueDate")}
                </Text>
              </Column>
              <Column style={{ width: "140px", verticalAlign: "top" }}>
                <Text style={amountCell}>{formatMoney(entry.amountCents, entry.currency, locale)}</Text>
                <Button href={entry.payUrl} style={{ ...textStyles.button, padding: "8px 16px" }}>
                  {t("paymentReminder.pay")}
                </Button>
              </Column>
            </Row>
          </Section>
        ))}
        <Hr />
        {data.totals.map((total) => (
          <Row key={total.currency}>
            <Column style={{ ...cell, fontWeight: 600 }}>{t("paymentReminder.total", { currency: total.currency })}</Column>
            <Column style={amountCell}>{formatMoney(total.totalCents, total.currency, locale)}</Column>
          </Row>
        ))}
        <Text style={{ ...textStyles.paragraph, fontSize: "13px", color: "#64748b", marginTop: "24px" }}>
          {t("paymentReminder.why", { merchant: data.merchantName })} <Link href={data.unsubscribeUrl}>{t("paymentReminder.unsubscribe")}</Link>
        </Text>
      </EmailLayout>
    );
  },
});
