import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RequestAreaNav } from "@/components/payment-requests/area-nav";
import { ReminderSettingsForm } from "@/components/payment-requests/request-actions";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { updateReminderSettingsAction } from "@/lib/payment-requests/actions";
import { loadReminderSettings, requireRequestsAccess } from "@/lib/payment-requests/loaders";
import { MAX_REMINDERS_LIMIT, REMINDER_INTERVALS } from "@/lib/payment-requests/schema";

type Props = { params: Promise<{ locale: string; merchantId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId } = await params;
  await requireRequestsAccess(merchantId, "/settings");
  const t = await getTranslations("PaymentRequests.merchant.settings");
  return { title: t("title") };
}

/** When the grouped reminders go out, and how often one request may appear in them. */
export default async function ReminderSettingsPage({ params }: Props) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const { access, settings } = await loadReminderSettings(merchantId);
  const t = await getTranslations("PaymentRequests.merchant.settings");
  return (
    <section aria-labelledby="reminder-settings-title" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <RequestAreaNav merchantId={access.merchantId} locale={locale} current="settings" />
        <h1 id="reminder-settings-title" className="text-xl font-semibold">
          {t("title")}
        </h1>
        <p className="max-w-2xl text-sm text-slate-600">{t("lead")}</p>
      </header>
      <ReminderSettingsForm
        action={updateReminderSettingsAction.bind(null, access.merchantId)}
        initial={{ interval: settings.days === null ? "off" : String(settings.days), maxReminders: String(settings.max) }}
        options={{
          intervals: [{ value: "off", label: t("off") }, ...REMINDER_INTERVALS.map((days) => ({ value: String(days), label: t("every", { days }) }))],
          maxReminders: MAX_REMINDERS_LIMIT,
        }}
        labels={{ interval: t("interval"), maxReminders: t("maxReminders"), maxRemindersHint: t("maxRemindersHint"), save: t("save"), saving: t("saving"), saved: t("saved") }}
      />
    </section>
  );
}
