import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "@/lib/locales";
import "../globals.css";

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Common" });
  return { title: { default: t("productName"), template: `%s · ${t("productName")}` } };
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  // No NextIntlClientProvider here: the account and admin layouts render one for their client
  // components (components/i18n/client-intl-provider.tsx); every other page ships no i18n runtime.
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
