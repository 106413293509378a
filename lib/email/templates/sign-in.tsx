import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./define";
import { EmailLayout, textStyles } from "./layout";

/** Auth.js's default maxAge for verification tokens (email links): 24 hours. */
export const SIGN_IN_LINK_VALID_HOURS = 24;

export const signInEmailDataSchema = z.object({
  /** The one-time sign-in link. */
  url: z.url({ protocol: /^https?$/ }).max(2048),
  /** The same one-time credential as a code to type. */
  code: z.string().trim().min(1).max(64),
  /** Set when a customer signs in to a store; absent for merchants and admins signing in to Patron. */
  storeName: z.string().trim().min(1).max(200).nullish(),
});

export type SignInEmailData = z.infer<typeof signInEmailDataSchema>;

export const signInEmail = defineEmailTemplate({
  schema: signInEmailDataSchema,
  examples: [
    { url: "http://localhost:3000/api/auth/callback/email?token=example-token&email=admin%40patron.test", code: "482913" },
    { url: "http://fashionhub.localhost:3000/api/auth/callback/email?token=example-token", code: "482913", storeName: "Fashion Hub" },
  ],
  subject: (t, data) => (data.storeName ? t("signIn.subjectStore", { store: data.storeName }) : t("signIn.subjectPlatform")),
  Component: function SignInEmail({ data, locale, t }) {
    const store = data.storeName ?? null;
    return (
      <EmailLayout
        locale={locale}
        preview={t("signIn.preview", { code: data.code })}
        brand={store}
        footer={store ? t("layout.footerStore", { store }) : t("layout.footerPlatform")}
      >
        <Heading as="h1" style={textStyles.heading}>
          {store ? t("signIn.headingStore", { store }) : t("signIn.headingPlatform")}
        </Heading>
        <Text style={textStyles.paragraph}>{store ? t("signIn.introStore", { store }) : t("signIn.introPlatform")}</Text>
        <Section style={{ margin: "0 0 24px", textAlign: "center" }}>
          <Button href={data.url} style={textStyles.button}>
            {t("signIn.button")}
          </Button>
        </Section>
        <Text style={textStyles.paragraph}>{t("signIn.codeIntro")}</Text>
        <Text style={textStyles.code}>{data.code}</Text>
        <Text style={textStyles.paragraph}>{t("signIn.expiry", { hours: SIGN_IN_LINK_VALID_HOURS })}</Text>
        <Text style={textStyles.small}>{t("signIn.linkFallback")}</Text>
        <Text style={textStyles.small}>
          <Link href={data.url} style={textStyles.link}>
            {data.url}
          </Link>
        </Text>
        <Text style={textStyles.small}>{t("signIn.ignore")}</Text>
      </EmailLayout>
    );
  },
});
