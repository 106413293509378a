import { Button, Heading, Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./define";
import { EmailLayout, textStyles } from "./layout";

/** What platform admins are alerted about (see lib/alerts). */
export const PLATFORM_ALERT_KINDS = ["email-failed", "worker-heartbeat-stale", "webhook-signature-failures", "payment-issue-opened"] as const;
export type PlatformAlertKind = (typeof PLATFORM_ALERT_KINDS)[number];

export const platformAlertDataSchema = z.object({
  kind: z.enum(PLATFORM_ALERT_KINDS),
  /** Technical detail (ids, error text) in the operator's own terms: shown as it is. */
  detail: z.string().max(2000).default(""),
  /** The admin page to look at. */
  url: z.url({ protocol: /^https?$/ }).max(2048),
});

/** Message keys are camelCase; the kinds are kebab-case ids stored on the throttle row. */
const KEY = {
  "email-failed": "emailFailed",
  "worker-heartbeat-stale": "workerHeartbeatStale",
  "webhook-signature-failures": "webhookSignatureFailures",
  "payment-issue-opened": "paymentIssueOpened",
} as const satisfies Record<PlatformAlertKind, string>;

export const platformAlertEmail = defineEmailTemplate({
  schema: platformAlertDataSchema,
  examples: [
    { kind: "email-failed", detail: "order-confirmation to buyer@example.test: 422 invalid recipient", url: "http://localhost:3000/admin/emails" },
    { kind: "worker-heartbeat-stale", detail: "last heartbeat 2026-12-07T10:00:00Z", url: "http://localhost:3000/admin" },
    { kind: "webhook-signature-failures", url: "http://localhost:3000/admin" },
    { kind: "payment-issue-opened", detail: "ORDER_CANCELLED, cs_test_123", url: "http://localhost:3000/admin/payments" },
  ],
  subject: (t, data) => t(`platformAlert.${KEY[data.kind]}.subject`),
  Component: function PlatformAlertEmail({ data, locale, t }) {
    const key = KEY[data.kind];
    return (
      <EmailLayout locale={locale} preview={t(`platformAlert.${key}.subject`)} brand="Patron" footer={t("platformAlert.footer")}>
        <Heading as="h1" style={textStyles.heading}>
          {t(`platformAlert.${key}.subject`)}
        </Heading>
        <Text style={textStyles.paragraph}>{t(`platformAlert.${key}.body`)}</Text>
        {data.detail ? <Text style={{ ...textStyles.paragraph, fontFamily: "monospace", fontSize: "13px" }}>{data.detail}</Text> : null}
        <Section style={{ margin: "24px 0", textAlign: "center" }}>
          <Button href={data.url} style={textStyles.button}>
            {t("platformAlert.button")}
          </Button>
        </Section>
      </EmailLayout>
    );
  },
});
