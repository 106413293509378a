import { getTranslations } from "next-intl/server";
import { PLATFORM_DEFAULT_LOCALE, type Locale } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

const SECTIONS = ["merchants", "users", "orders", "payments", "emails", "audit", "health"] as const;

/** The admin area's sections, the current one marked. */
export async function AdminNav({ locale, current }: { locale: Locale; current?: (typeof SECTIONS)[number] }) {
  const t = await getTranslations("AdminArea.nav");
  return (
    <nav aria-label={t("label")} className="mb-6 flex flex-wrap gap-2 text-sm">
      <a href={localizedPath("/admin", locale, PLATFORM_DEFAULT_LOCALE)} className="rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100">
        {t("home")}
      </a>
      {SECTIONS.map((section) => (
        <a
          key={section}
          href={localizedPath(`/admin/${section}`, locale, PLATFORM_DEFAULT_LOCALE)}
          aria-current={current === section ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 ${current === section ? "bg-brand-600 font-semibold text-white" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {t(section)}
        </a>
      ))}
    </nav>
  );
}
