import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AdminActionForm } from "@/components/admin/admin-action-form";
import { AdminNav } from "@/components/admin/admin-nav";
import { Badge } from "@/components/admin/status-badge";
import { setMerchantStatusAction } from "@/lib/admin/actions";
import { loadAdminMerchant } from "@/lib/admin/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { urlConfig } from "@/lib/tenancy/request";
import { absoluteUrl, localizedPath, storeAddress } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; merchantId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId } = await params;
  const merchant = await loadAdminMerchant(merchantId);
  return { title: merchant?.name };
}

export default async function AdminMerchantPage({ params }: Props) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const merchant = await loadAdminMerchant(merchantId);
  if (!merchant) notFound();
  const t = await getTranslations("AdminArea");
  const ta = await getTranslations("Account");
  const format = await getFormatter();
  const config = urlConfig();
  const href = (path: string) => localizedPath(path, locale, PLATFORM_DEFAULT_LOCALE);
  const suspended = merchant.status === "SUSPENDED";
  const done = { suspended: t("results.suspended"), reactivated: t("results.reactivated") };

  return (
    <div className="flex flex-col gap-6">
      <AdminNav locale={locale} current="merchants" />
      <header className="flex flex-col gap-2">
        <a href={href("/admin/merchants")} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          ← {t("merchants.back")}
        </a>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight">{merchant.name}</h1>
          <Badge tone={suspended ? "red" : "green"}>{t(`merchantStatus.${merchant.status}`)}</Badge>
        </div>
        <p className="text-sm text-slate-600">
          {t("merchants.since", { date: format.dateTime(merchant.createdAt, { dateStyle: "long" }) })} ·{" "}
          <code className="font-mono text-xs">{merchant.id}</code>
        </p>
      </header>

      <section aria-labelledby="status-title" className="rounded-lg border border-slate-200 p-4">
        <h2 id="status-title" className="text-lg font-semibold">
          {t("merchants.statusTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{suspended ? t("merchants.suspendedHelp") : t("merchants.activeHelp")}</p>
        <div className="mt-3">
          <AdminActionForm
            action={setMerchantStatusAction}
            fields={{ merchantId: merchant.id, status: suspended ? "ACTIVE" : "SUSPENDED" }}
            label={suspended ? t("merchants.reactivate") : t("merchants.suspend")}
            pendingLabel={t("pending")}
            done={done}
            tone={suspended ? "primary" : "danger"}
          />
        </div>
      </section>

      <section aria-labelledby="stores-title">
        <h2 id="stores-title" className="text-lg font-semibold">
          {t("merchants.stores")}
        </h2>
        {merchant.stores.length === 0 ? (
          <p className="mt-2 text-slate-600">{t("merchants.noStores")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200">
            {merchant.stores.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <div>
                  <p className="font-medium">{s.name}</p>
                  <p className="text-sm text-slate-600">
                    {s.slug} · {s.currency} · {s.defaultLocale}
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  <Badge tone={s.status === "OPEN" && !suspended ? "green" : "slate"}>
                    {s.status === "OPEN" && !suspended ? ta("merchant.open") : ta("merchant.closed")}
                  </Badge>
                  <a
                    href={absoluteUrl(storeAddress({ slug: s.slug, defaultLocale: isLocale(s.defaultLocale) ? s.defaultLocale : "en" }, config), "/", isLocale(s.defaultLocale) ? s.defaultLocale : "en", config)}
                    className="text-sm font-medium text-brand-700 underline"
                  >
                    {ta("merchant.visit")}
                    <span className="sr-only"> – {s.name}</span>
                  </a>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="members-title">
        <h2 id="members-title" className="text-lg font-semibold">
          {t("merchants.members")}
        </h2>
        {merchant.members.length === 0 ? (
          <p className="mt-2 text-slate-600">{t("merchants.noMembers")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200">
            {merchant.members.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <a href={href(`/admin/users/${encodeURIComponent(m.userId)}`)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {m.email}
                </a>
                <span className="text-sm text-slate-600">{ta(`roles.${m.role}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <p className="flex flex-wrap gap-4">
        <a href={`${href("/admin/audit")}?${new URLSearchParams({ merchant: merchant.id })}`} className="text-sm font-medium text-brand-700 underline">
          {t("merchants.auditLink")}
        </a>
        <a href={`${href("/admin/emails")}?${new URLSearchParams({ merchant: merchant.id })}`} className="text-sm font-medium text-brand-700 underline">
          {t("merchants.emailsLink")}
        </a>
      </p>
    </div>
  );
}
