import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignUpForm } from "@/components/onboarding/sign-up-form";
import { apexSignInPath, loadSession } from "@/lib/auth/loaders";
import { env } from "@/lib/env";
import { isLocale, LOCALE_NAMES, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { STORE_CURRENCIES } from "@/lib/onboarding/rules";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE, namespace: "Onboarding" });
  return { title: t("metaTitle") };
}

/** Sign-up as a merchant: open to everyone; signed-in users add a business to their account. */
export default async function NewMerchantPage({ params }: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const [user, t] = await Promise.all([loadSession(), getTranslations("Onboarding")]);
  const signInHref = await apexSignInPath("/account/new");
  return (
    <section aria-labelledby="signup-title" className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 id="signup-title" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="text-slate-600">{user ? t("leadSignedIn", { email: user.email }) : t("lead")}</p>
        {!user && (
          <p className="text-sm text-slate-600">
            {t("haveAccount")}{" "}
            <a href={signInHref} className="font-medium text-brand-700 underline">
              {t("signInFirst")}
            </a>
          </p>
        )}
      </header>
      <SignUpForm
        locale={locale}
        needsAccount={!user}
        currencies={STORE_CURRENCIES}
        localeNames={LOCALE_NAMES}
        rootDomain={env().PLATFORM_ROOT_DOMAIN}
      />
    </section>
  );
}
