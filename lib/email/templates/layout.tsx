import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/locales";

/** The product's name is a brand, the same in every language. */
const PRODUCT_NAME = "Patron";

const styles = {
  body: { backgroundColor: "#f1f5f9", fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif', margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: "8px", margin: "0 auto", maxWidth: "560px", padding: "32px" },
  brand: { color: "#1d4ed8", fontSize: "18px", fontWeight: 700, margin: "0 0 24px" },
  hr: { borderColor: "#e2e8f0", margin: "32px 0 16px" },
  footer: { color: "#64748b", fontSize: "12px", lineHeight: "18px", margin: 0 },
} as const;

/** The frame every email shares: brand line, content, footer. */
export function EmailLayout({
  locale,
  preview,
  brand,
  footer,
  children,
}: {
  locale: Locale;
  preview: string;
  /** The sender's name at the top: the store's name for store emails. */
  brand?: string | null;
  footer: string;
  children: ReactNode;
}) {
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{brand || PRODUCT_NAME}</Text>
          <Section>{children}</Section>
          <Hr style={styles.hr} />
          <Text style={styles.footer}>{footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const textStyles = {
  heading: { color: "#0f172a", fontSize: "22px", fontWeight: 700, lineHeight: "28px", margin: "0 0 16px" },
  paragraph: { color: "#334155", fontSize: "15px", lineHeight: "22px", margin: "0 0 16px" },
  small: { color: "#64748b", fontSize: "13px", lineHeight: "20px", margin: "0 0 12px" },
  button: {
    backgroundColor: "#1d4ed8",
    borderRadius: "6px",
    color: "#ffffff",
    display: "inline-block",
    fontSize: "15px",
    fontWeight: 600,
    padding: "12px 24px",
    textDecoration: "none",
  },
  code: {
    backgroundColor: "#f1f5f9",
    borderRadius: "6px",
    color: "#0f172a",
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
    fontSize: "24px",
    fontWeight: 700,
    letterSpacing: "4px",
    margin: "0 0 16px",
    padding: "12px 16px",
    textAlign: "center" as const,
  },
  link: { color: "#1d4ed8", fontSize: "13px", wordBreak: "break-all" as const },
} as const;
