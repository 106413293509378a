import { getTranslations } from "next-intl/server";
import { SectionNav } from "@/components/account/section-nav";
import { hasRole, type MemberRole } from "@/lib/auth/types";
import type { Locale } from "@/lib/locales";

/** The links between the gift-card pages, each shown to the roles its page admits. */
export async function GiftCardAreaNav({ merchantId, role, locale, current }: { merchantId: string; role: MemberRole; locale: Locale; current: "list" | "issue" | "reports" | "settings" | null }) {
  const t = await getTranslations("GiftCardAdmin.nav");
  const base = `/account/m/${encodeURIComponent(merchantId)}/gift-cards`;
  const links = [
    { key: "list" as const, path: "", role: "STAFF" as const },
    { key: "issue" as const, path: "/new", role: "MANAGER" as const },
    { key: "reports" as const, path: "/reports", role: "MANAGER" as const },
    { key: "settings" as const, path: "/settings", role: "OWNER" as const },
  ]
    .filter((l) => hasRole(role, l.role))
    .map((l) => ({ key: l.key, href: `${base}${l.path}`, text: t(l.key) }));
  return <SectionNav label={t("list")} links={links} current={current} locale={locale} />;
}
