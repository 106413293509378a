import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { GiftCardBalanceForm } from "@/components/gift-cards/balance-form";
import { checkGiftCardBalanceAction } from "@/lib/gift-cards/actions";
import { storefrontProfile } from "@/lib/stores/loaders";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";

type Props = { params: Promise<{ locale: string; store: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "GiftCards.balance" });
  return { title: t("metaTitle") };
}

/** The public balance check of the merchant's gift cards, on each of its storefronts. */
export default async function GiftCardBalancePage({ params }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const t = await getTranslations("GiftCards.balance");
  const name = storefrontProfile(store, locale).name;
  return (
    <section aria-labelledby="gift-card-balance-title" className="mx-auto flex max-w-md flex-col gap-6">
      <header>
        <h1 id="gift-card-balance-title" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="mt-1 text-slate-600">{t("lead", { store: name })}</p>
      </header>
      <GiftCardBalanceForm
        action={checkGiftCardBalanceAction}
        labels={{
          code: t("code"),
          hint: t("hint"),
          submit: t("submit"),
          pending: t("pending"),
          balance: t("balance"),
          status: t("status"),
          validUntil: t("validUntil"),
          noExpiry: t("noExpiry"),
        }}
      />
    </section>
  );
}
