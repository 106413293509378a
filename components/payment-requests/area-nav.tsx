import { getTranslations } from "next-intl/server";
import { SectionNav } from "@/components/account/section-nav";
import type { Locale } from "@/lib/locales";

/** The links between the payment-request pages (all for managers and owners). */
export async function RequestAreaNav({ merchantId, locale, current }: { merchantId: string; locale: Locale; current: "list" | "new" | "settings" | null }) {
  const t = await getTranslations("PaymentRequests.merchant.nav");
  const base = `/account/m/${encodeURIComponent(merchantId)}/payment-requests`;
  const links = [
    { key: "list" as const, href: base, text: t("list") },
    { key: "new" as const, href: `${base}/new`, text: t("new") },
    { key: "settings" as const, href: `${base}/settings`, text: t("settings") },
  ];
  return <SectionNav label={t("label")} links={links} current={current} locale={locale} />;
}
