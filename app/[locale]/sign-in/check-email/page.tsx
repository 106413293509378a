import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { CodeSignInForm } from "@/components/auth/code-sign-in-form";
import { codeSignInLabels } from "@/components/auth/labels";
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
  const t = await getTranslations({ locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE, namespace: "Auth.checkEmail" });
  return { title: t("metaTitle") };
}

export default async function CheckEmailPage({ params, searchParams }: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const sp = await searchParams;
  const email = searchParam(sp, "email", 254);
  const callbackUrl = searchParam(sp, "callbackUrl");
  const [t, labels] = await Promise.all([getTranslations("Auth.checkEmail"), codeSignInLabels()]);
  return (
    <>
      <PlatformHeader locale={locale} />
      <main id="main" className="px-4 py-12">
        <AuthCard titleId="check-email-title">
          <header className="flex flex-col gap-2">
            <h1 id="check-email-title" className="text-2xl font-bold tracking-tight">
              {t("title")}
            </h1>
            <p className="text-slate-700">{email ? t("sentToIfAccount", { email }) : t("sentGeneric")}</p>
            <p className="text-sm text-slate-600">{t("validity")}</p>
          </header>
          <section aria-labelledby="code-title" className="flex flex-col gap-3">
            <h2 id="code-title" className="text-lg font-semibold">
              {t("codeTitle")}
            </h2>
            <CodeSignInForm email={email} callbackUrl={callbackUrl} labels={labels} />
          </section>
          <a
            href={`${localizedPath("/sign-in", locale, PLATFORM_DEFAULT_LOCALE)}${callbackUrl ? `?${new URLSearchParams({ callbackUrl })}` : ""}`}
            className="text-sm font-medium text-brand-700 underline"
          >
            {t("otherEmail")}
          </a>
        </AuthCard>
      </main>
    </>
  );
}
