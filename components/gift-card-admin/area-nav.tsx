import { getTranslations } from "next-intl/server";
import { hasRole, type MemberRole } from "@/lib/auth/types";
import { PLATFORM_DEFAULT_LOCALE, type Locale } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

/** The links between the gift-card pages, each shown to the roles its page admits. */
export async function GiftCardAreaNav({ merchantId, role, locale, current }: { merchantId: string; role: MemberRole; locale: Locale; current: "list" | "issue" | "reports" | "settings" | null }) {
  const t = await getTranslations("GiftCardAdmin.nav");
  const base = `/account/m/${encodeURIComponent(merchantId)}/gift-cards`;
  const links = [
    { key: "list" as const, path: "", role: "STAFF" as const },
    { key: "issue" as const, path: "/new", role: "MANAGER" as const },
    { key: "reports" as const, path: "/reports", role: "MANAGER" as const },
    { key: "settings" as const, path: "/settings", role: "OWNER" as const },
  ].filter((l) => hasRole(role, l.role));
  return (
    <nav aria-label={t("list")} className="flex flex-wrap gap-4 text-sm">
      {links.map((l) => (
        <a
          key={l.key}
          href={localizedPath(`${base}${l.path}`, locale, PLATFORM_DEFAULT_LOCALE)}
          aria-current={current === l.key ? "page" : undefined}
          className={current === l.key ? "font-semibold text-slate-900" : "font-medium text-brand-700 underline"}
        >
          {t(l.key)}
        </a>
      ))}
    </nav>
  );
}
