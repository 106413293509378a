import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ApexSignInForm } from "@/components/auth/apex-sign-in-form";
import { AuthCard } from "@/components/auth/auth-card";
import { apexSignInLabels } from "@/components/auth/labels";
import { PlatformHeader } from "@/components/layout/platform-header";
import { redirectIfSignedIn } from "@/lib/auth/loaders";
import { searchParam } from "@/lib/auth/schema";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE, namespace: "Auth.signIn" });
  return { title: t("metaTitle") };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const callbackUrl = searchParam(await searchParams, "callbackUrl");
  await redirectIfSignedIn(callbackUrl, locale);
  const [t, labels] = await Promise.all([getTranslations("Auth.signIn"), apexSignInLabels()]);
  return (
    <>
      <PlatformHeader locale={locale} />
      <main id="main" className="px-4 py-12">
        <AuthCard titleId="sign-in-title">
          <header>
            <h1 id="sign-in-title" className="text-2xl font-bold tracking-tight">
              {t("title")}
            </h1>
            <p className="mt-1 text-slate-600">{t("lead")}</p>
          </header>
          <ApexSignInForm callbackUrl={callbackUrl} labels={labels} />
        </AuthCard>
        <p className="mx-auto mt-6 max-w-md text-center text-sm text-slate-600">{t("customerHint")}</p>
      </main>
    </>
  );
}
