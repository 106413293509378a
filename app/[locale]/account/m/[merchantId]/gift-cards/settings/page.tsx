import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { GiftCardAreaNav } from "@/components/gift-card-admin/area-nav";
import { ExpirySettingsForm, GiftCardsToCreditForm, PromotionForm } from "@/components/gift-card-admin/settings-forms";
import { EmptyState } from "@/components/ui/empty-state";
import { saveGiftCardExpiryAction, saveGiftCardPromotionAction, saveGiftCardsToCreditAction } from "@/lib/gift-card-admin/actions";
import { GIFT_CARD_ROLES, loadGiftCardSettings, requireGiftCardAccess } from "@/lib/gift-card-admin/loaders";
import { expiryChoice } from "@/lib/gift-card-admin/rules";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { currencyDigits, minorToDecimal } from "@/lib/money";

type Props = { params: Promise<{ locale: string; merchantId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId } = await params;
  await requireGiftCardAccess(merchantId, GIFT_CARD_ROLES.configure, "/gift-cards/settings");
  const t = await getTranslations("GiftCardAdmin.settings");
  return { title: t("title") };
}

/** The owners' gift-card settings: the default expiry and the bonus promotion per currency. */
export default async function GiftCardSettingsPage({ params }: Props) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const { access, settings } = await loadGiftCardSettings(merchantId);
  const t = await getTranslations("GiftCardAdmin.settings");
  const saving = { save: t("save"), saving: t("saving"), saved: t("saved") };
  return (
    <section aria-labelledby="settings-title" className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <GiftCardAreaNav merchantId={access.merchantId} role={access.role} locale={locale} current="settings" />
        <h1 id="settings-title" className="text-xl font-semibold">
          {t("title")}
        </h1>
      </header>
      <section aria-labelledby="expiry-title" className="flex flex-col gap-3">
        <h2 id="expiry-title" className="text-lg font-semibold">
          {t("expiryTitle")}
        </h2>
        <p className="max-w-2xl text-sm text-slate-600">{t("expiryLead")}</p>
        <ExpirySettingsForm
          action={saveGiftCardExpiryAction.bind(null, access.merchantId)}
          initial={expiryChoice(settings.expiryMonths)}
          labels={{ unit: t("unit"), none: t("none"), months: t("months"), years: t("years"), count: t("count"), ...saving }}
        />
      </section>
      <section aria-labelledby="promotion-title" className="flex flex-col gap-3">
        <h2 id="promotion-title" className="text-lg font-semibold">
          {t("promotionTitle")}
        </h2>
        <p className="max-w-2xl text-sm text-slate-600">{t("promotionLead")}</p>
        {settings.currencies.length === 0 ? (
          <EmptyState>{t("noCurrencies")}</EmptyState>
        ) : (
          settings.currencies.map(({ currency, promotion }) => {
            const digits = currencyDigits(currency);
            return (
              <section key={currency} aria-labelledby={`promotion-${currency}`} className="flex flex-col gap-2 rounded-lg border border-slate-200 p-4">
                <h3 id={`promotion-${currency}`} className="font-semibold">
                  {t("promotionFor", { currency })}
                </h3>
                <PromotionForm
                  action={saveGiftCardPromotionAction.bind(null, access.merchantId)}
                  currency={currency}
                  initial={{
                    minPurchase: promotion ? minorToDecimal(promotion.minPurchaseCents, digits) : "",
                    bonus: promotion ? minorToDecimal(promotion.bonusCents, digits) : "",
                    validDays: promotion ? String(promotion.bonusValidDays) : "",
                    active: promotion?.active ?? true,
                  }}
                  labels={{ minPurchase: t("minPurchase"), bonus: t("bonus"), validDays: t("validDays"), active: t("active"), ...saving }}
                />
              </section>
            );
          })
        )}
      </section>
      <section aria-labelledby="to-credit-title" className="flex flex-col gap-3">
        <h2 id="to-credit-title" className="text-lg font-semibold">
          {t("toCreditTitle")}
        </h2>
        <p className="max-w-2xl text-sm text-slate-600">{t("toCreditLead")}</p>
        <GiftCardsToCreditForm action={saveGiftCardsToCreditAction.bind(null, access.merchantId)} initial={settings.giftCardsToCredit} labels={{ toCredit: t("toCredit"), ...saving }} />
      </section>
    </section>
  );
}
