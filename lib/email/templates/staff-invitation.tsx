import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./define";
import { EmailLayout, textStyles } from "./layout";

export const staffInvitationDataSchema = z.object({
  /** The one-time invitation link (its secret is stored hashed). */
  url: z.url({ protocol: /^https?$/ }).max(2048),
  merchantName: z.string().trim().min(1).max(200),
  role: z.enum(["OWNER", "MANAGER", "STAFF"]),
  days: z.number().int().min(1).max(90),
});

export const staffInvitationEmail = defineEmailTemplate({
  schema: staffInvitationDataSchema,
  examples: [
    { url: "http://localhost:3000/account/invitations/example-token", merchantName: "Fashion Group", role: "STAFF", days: 7 },
    { url: "http://localhost:3000/fr/account/invitations/example-token", merchantName: "Bakery Schmit", role: "MANAGER", days: 7 },
    { url: "http://localhost:3000/account/invitations/example-token", merchantName: "Fashion Group", role: "OWNER", days: 7 },
  ],
  subject: (t, data) => t("staffInvitation.subject", { merchant: data.merchantName }),
  Component: function StaffInvitationEmail({ data, locale, t }) {
    const role = t(`staffInvitation.roles.${data.role}`);
    return (
      <EmailLayout locale={locale} preview={t("staffInvitation.preview", { merchant: data.merchantName })} brand={null} footer={t("layout.footerPlatform")}>
        <Heading as="h1" style={textStyles.heading}>
          {t("staffInvitation.heading", { merchant: data.merchantName })}
        </Heading>
        <Text style={textStyles.paragraph}>{t("staffInvitation.intro", { merchant: data.merchantName, role })}</Text>
        <Section style={{ margin: "0 0 24px", textAlign: "center" }}>
          <Button href={data.url} style={textStyles.button}>
            {t("staffInvitation.button")}
          </Button>
        </Section>
        <Text style={textStyles.paragraph}>{t("staffInvitation.expiry", { days: data.days })}</Text>
        <Text style={textStyles.small}>{t("staffInvitation.linkFallback")}</Text>
        <Text style={textStyles.small}>
          <Link href={data.url} style={textStyles.link}>
            {data.url}
          </Link>
        </Text>
        <Text style={textStyles.small}>{t("staffInvitation.ignore")}</Text>
      </EmailLayout>
    );
  },
});
