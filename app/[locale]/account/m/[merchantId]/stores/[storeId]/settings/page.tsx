import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { StoreSettingsForm } from "@/components/stores/settings-form";
import { requireStoreAccess } from "@/lib/auth/loaders";
import { isLocale, LOCALE_NAMES, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { PAYMENT_MINIMUM_CENTS } from "@/lib/payments/minimum";
import { updateStoreSettingsAction } from "@/lib/stores/actions";
import { findStoreSettings } from "@/lib/stores/data";
import { timeZoneOptions } from "@/lib/time";

type Props = { params: Promise<{ locale: string; merchantId: string; storeId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId, storeId } = await params;
  const access = await requireStoreAccess(merchantId, storeId, "OWNER");
  const t = await getTranslations("StoreSettings");
  return { title: `${t("title")} · ${access.store.name}` };
}

/** A store's settings (owners only). */
export default async function StoreSettingsPage({ params }: Props) {
  const { locale: raw, merchantId, storeId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const access = await requireStoreAccess(merchantId, storeId, "OWNER");
  const [t, settings] = await Promise.all([getTranslations("StoreSettings"), findStoreSettings(access.merchantId, access.store.id)]);
  if (!settings) notFound();
  const initial: Record<string, string> = {
    status: settings.status,
    smallOrderPolicy: settings.smallOrderPolicy,
    timeZone: settings.timeZone,
    contactEmail: settings.contactEmail ?? "",
    contactPhone: settings.contactPhone ?? "",
    contactAddress: settings.contactAddress ?? "",
    shippingCountries: settings.shippingCountries.join(", "),
    [`name.${access.store.defaultLocale}`]: settings.name,
  };
  for (const row of settings.translations) {
    initial[`name.${row.locale}`] = row.name;
    initial[`tagline.${row.locale}`] = row.tagline;
    initial[`description.${row.locale}`] = row.description;
    initial[`closedMessage.${row.locale}`] = row.closedMessage;
  }
  return (
    <section aria-labelledby="settings-title" className="flex flex-col gap-4">
      <h1 id="settings-title" className="text-2xl font-bold tracking-tight">
        {t("title")}
      </h1>
      <StoreSettingsForm
        action={updateStoreSettingsAction.bind(null, access.merchantId, access.store.id)}
        initial={initial}
        locales={access.store.locales}
        defaultLocale={access.store.defaultLocale}
        localeNames={LOCALE_NAMES}
        logoUrl={settings.logoKey ? `/api/files/${settings.logoKey}` : null}
        locale={locale}
        paymentMinimum={formatMoney(PAYMENT_MINIMUM_CENTS, access.store.currency, locale)}
        timeZones={timeZoneOptions(settings.timeZone)}
      />
    </section>
  );
}
