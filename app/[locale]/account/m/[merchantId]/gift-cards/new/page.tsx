import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { GiftCardAreaNav } from "@/components/gift-card-admin/area-nav";
import { IssueCardForm } from "@/components/gift-card-admin/issue-form";
import { EmptyState } from "@/components/ui/empty-state";
import { issueGiftCardAction } from "@/lib/gift-card-admin/actions";
import { GIFT_CARD_ROLES, loadIssueForm, requireGiftCardAccess } from "@/lib/gift-card-admin/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; merchantId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId } = await params;
  await requireGiftCardAccess(merchantId, GIFT_CARD_ROLES.manage, "/gift-cards/new");
  const t = await getTranslations("GiftCardAdmin.issue");
  return { title: t("title") };
}

/** Issue a gift card by hand (managers and owners); its code is shown once. */
export default async function IssueGiftCardPage({ params }: Props) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const { access, stores, expiryMonths } = await loadIssueForm(merchantId);
  const t = await getTranslations("GiftCardAdmin.issue");
  const keys = [
    "store", "amount", "amountHint", "expiry", "expiryNever", "expiryDate", "expiresOn", "customerEmail", "customerHint",
    "recipientName", "recipientEmail", "note", "noteHint", "submit", "pending", "code", "warning", "copy", "copied", "open", "another",
  ] as const;
  const labels = {
    ...(Object.fromEntries(keys.map((k) => [k, t(k)])) as Record<(typeof keys)[number], string>),
    expiryDefault: t("expiryDefault", { default: expiryMonths === null ? t("defaultNone") : t("defaultMonths", { count: expiryMonths }) }),
  };
  return (
    <section aria-labelledby="issue-title" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <GiftCardAreaNav merchantId={access.merchantId} role={access.role} locale={locale} current="issue" />
        <h1 id="issue-title" className="text-xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-sm text-slate-600">{t("lead")}</p>
      </header>
      {stores.length === 0 ? (
        <EmptyState>{t("noStores")}</EmptyState>
      ) : (
        <IssueCardForm
          action={issueGiftCardAction.bind(null, access.merchantId)}
          stores={stores.map((s) => ({ id: s.id, label: `${s.name} (${s.currency})` }))}
          labels={labels}
          cardBase={localizedPath(`/account/m/${encodeURIComponent(access.merchantId)}/gift-cards`, locale, PLATFORM_DEFAULT_LOCALE)}
        />
      )}
    </section>
  );
}
