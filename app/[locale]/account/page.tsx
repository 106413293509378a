import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { loadAccountMerchants } from "@/lib/auth/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE, namespace: "Account" });
  return { title: t("metaTitle") };
}

export default async function AccountHome({ params }: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const { merchants } = await loadAccountMerchants();
  const t = await getTranslations("Account");
  return (
    <section aria-labelledby="account-title" className="flex flex-col gap-6">
      <header>
        <h1 id="account-title" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </header>
      <ul className="grid gap-4 sm:grid-cols-2">
        {merchants.map((m) => (
          <li key={m.merchantId}>
            {m.suspended ? (
              <div className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-slate-50 p-4">
                <span className="text-lg font-semibold">{m.name}</span>
                <span className="text-sm text-slate-600">{t("yourRole", { role: t(`roles.${m.role}`) })}</span>
                <span className="text-sm font-medium text-red-800">{t("suspended")}</span>
              </div>
            ) : (
              <a
                href={localizedPath(`/account/m/${m.merchantId}`, locale, PLATFORM_DEFAULT_LOCALE)}
                className="flex flex-col gap-1 rounded-lg border border-slate-200 p-4 shadow-sm hover:border-brand-600 hover:bg-brand-50"
              >
                <span className="text-lg font-semibold">{m.name}</span>
                <span className="text-sm text-slate-600">{t("yourRole", { role: t(`roles.${m.role}`) })}</span>
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
