import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePlatformAdmin } from "@/lib/auth/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE, namespace: "Admin" });
  return { title: t("metaTitle") };
}

export default async function AdminHome({ params }: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  await requirePlatformAdmin();
  const [t, ta, td] = await Promise.all([getTranslations("Admin"), getTranslations("AdminArea"), getTranslations("Domains.admin")]);
  return (
    <section aria-labelledby="admin-title" className="flex flex-col gap-6">
      <header>
        <h1 id="admin-title" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </header>
      <ul className="grid gap-4 sm:grid-cols-2">
        {(["merchants", "users", "orders", "payments", "audit"] as const).map((section) => (
          <li key={section}>
            <a
              href={localizedPath(`/admin/${section}`, locale, PLATFORM_DEFAULT_LOCALE)}
              className="flex flex-col gap-1 rounded-lg border border-slate-200 p-4 shadow-sm hover:border-brand-600 hover:bg-brand-50"
            >
              <span className="text-lg font-semibold">{ta(`home.${section}Title`)}</span>
              <span className="text-sm text-slate-600">{ta(`home.${section}Lead`)}</span>
            </a>
          </li>
        ))}
        <li>
          <a
            href={localizedPath("/admin/emails", locale, PLATFORM_DEFAULT_LOCALE)}
            className="flex flex-col gap-1 rounded-lg border border-slate-200 p-4 shadow-sm hover:border-brand-600 hover:bg-brand-50"
          >
            <span className="text-lg font-semibold">{t("emailsTitle")}</span>
            <span className="text-sm text-slate-600">{t("emailsLead")}</span>
          </a>
        </li>
        <li>
          <a
            href={localizedPath("/admin/domains", locale, PLATFORM_DEFAULT_LOCALE)}
            className="flex flex-col gap-1 rounded-lg border border-slate-200 p-4 shadow-sm hover:border-brand-600 hover:bg-brand-50"
          >
            <span className="text-lg font-semibold">{td("title")}</span>
            <span className="text-sm text-slate-600">{td("lead")}</span>
          </a>
        </li>
        <li>
          <a
            href={localizedPath("/admin/health", locale, PLATFORM_DEFAULT_LOCALE)}
            className="flex flex-col gap-1 rounded-lg border border-slate-200 p-4 shadow-sm hover:border-brand-600 hover:bg-brand-50"
          >
            <span className="text-lg font-semibold">{t("healthTitle")}</span>
            <span className="text-sm text-slate-600">{t("healthLead")}</span>
          </a>
        </li>
      </ul>
    </section>
  );
}
