import { getTranslations } from "next-intl/server";
import { PLATFORM_DEFAULT_LOCALE, type Locale } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

/** The links between the payment-request pages (all for managers and owners). */
export async function RequestAreaNav({ merchantId, locale, current }: { merchantId: string; locale: Locale; current: "list" | "new" | "settings" | null }) {
  const t = await getTranslations("PaymentRequests.merchant.nav");
  const base = `/account/m/${encodeURIComponent(merchantId)}/payment-requests`;
  const links = [
    { key: "list" as const, path: "" },
    { key: "new" as const, path: "/new" },
    { key: "settings" as const, path: "/settings" },
  ];
  return (
    <nav aria-label={t("label")} className="flex flex-wrap gap-4 text-sm">
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
