import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInErrorMessage } from "@/components/auth/sign-in-error";
import { PlatformHeader } from "@/components/layout/platform-header";
import { searchParam } from "@/lib/auth/schema";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE, namespace: "Auth.error" });
  return { title: t("metaTitle") };
}

/** Auth.js's error page (pages.error) on the apex. */
export default async function SignInErrorPage({ params, searchParams }: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const sp = await searchParams;
  const t = await getTranslations("Auth.error");
  return (
    <>
      <PlatformHeader locale={locale} />
      <main id="main" className="px-4 py-12">
        <AuthCard titleId="sign-in-error-title">
          <h1 id="sign-in-error-title" className="text-2xl font-bold tracking-tight">
            {t("title")}
          </h1>
          <SignInErrorMessage error={searchParam(sp, "error", 64)} minutes={searchParam(sp, "minutes", 8)} />
          <a href={localizedPath("/sign-in", locale, PLATFORM_DEFAULT_LOCALE)} className="font-medium text-brand-700 underline">
            {t("back")}
          </a>
        </AuthCard>
      </main>
    </>
  );
}
