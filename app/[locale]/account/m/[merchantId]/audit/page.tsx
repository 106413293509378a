import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuditLog } from "@/components/audit/audit-log";
import { loadMerchantAuditLog } from "@/lib/audit-log/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = {
  params: Promise<{ locale: string; merchantId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE, namespace: "Audit" });
  return { title: t("title") };
}

export default async function MerchantAuditPage({ params, searchParams }: Props) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const view = await loadMerchantAuditLog(merchantId, await searchParams);
  const t = await getTranslations("Audit");
  return (
    <section aria-labelledby="audit-title" className="flex flex-col gap-4">
      <header>
        <h1 id="audit-title" className="text-xl font-semibold">
          {t("title")}
        </h1>
        <p className="mt-1 text-sm text-slate-600">{t("merchantLead")}</p>
      </header>
      <AuditLog view={view} action={localizedPath(`/account/m/${encodeURIComponent(merchantId)}/audit`, locale, PLATFORM_DEFAULT_LOCALE)} showMerchant={false} />
    </section>
  );
}
