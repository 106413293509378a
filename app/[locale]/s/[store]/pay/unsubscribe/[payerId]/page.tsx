import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StopRemindersForm } from "@/components/payment-requests/stop-reminders-form";
import { Alert } from "@/components/ui/alert";
import { formatterFor } from "@/lib/i18n/format";
import { stopRemindersAction } from "@/lib/payment-requests/actions";
import { loadUnsubscribePage } from "@/lib/payment-requests/loaders";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";

type Props = {
  params: Promise<{ locale: string; store: string; payerId: string }>;
  searchParams: Promise<{ token?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "PaymentRequests.unsubscribe" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/**
 * The unsubscribe link of the payment reminders, for the holder of the link only (anything else:
 * 404). Opening it stops nothing: the button does, so a mail scanner that follows links cannot.
 */
export default async function StopRemindersPage({ params, searchParams }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const { payerId } = await params;
  const { token } = await searchParams;
  const payer = await loadUnsubscribePage(store, payerId, token);
  const t = await getTranslations({ locale, namespace: "PaymentRequests.unsubscribe" });
  const name = payer.email ?? payer.name;
  const values = { merchant: store.merchantName, name };
  return (
    <section aria-labelledby="stop-reminders-title" className="mx-auto flex max-w-xl flex-col gap-6" data-testid="stop-reminders">
      <header>
        <h1 id="stop-reminders-title" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
      </header>
      {payer.remindersStoppedAt ? (
        <>
          <Alert tone="info" data-testid="stop-reminders-already">
            {t("already", { ...values, date: formatterFor(locale, store.timeZone).dateTime(payer.remindersStoppedAt, { dateStyle: "long" }) })}
          </Alert>
          <p className="text-slate-600">{t("stillOpen")}</p>
        </>
      ) : (
        <>
          <p className="text-slate-700">{t("lead", values)}</p>
          <p className="text-slate-600">{t("stillOpen")}</p>
          <StopRemindersForm
            action={stopRemindersAction}
            payerId={payer.id}
            token={typeof token === "string" ? token : ""}
            labels={{ submit: t("submit"), submitting: t("submitting"), done: t("done", values) }}
          />
        </>
      )}
    </section>
  );
}
