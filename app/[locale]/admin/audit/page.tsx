import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { AuditLog } from "@/components/audit/audit-log";
import { loadAdminAuditLog } from "@/lib/audit-log/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({
    locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE,
    namespace: "Audit",
  });
  return { title: t("title") };
}

export default async function AdminAuditPage({ params, searchParams }: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const view = await loadAdminAuditLog(await searchParams);
  const t = await getTranslations("Audit");
  return (
    <div className="flex flex-col gap-6">
      <AdminNav locale={locale} current="audit" />
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("adminLead")}</p>
      </header>
      <AuditLog
        view={view}
        action={localizedPath("/admin/audit", locale, PLATFORM_DEFAULT_LOCALE)}
        showMerchant
      />
    </div>
  );
}
