import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DemoAccounts } from "@/components/landing/demo-accounts";
import { PlatformHeader } from "@/components/layout/platform-header";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { loadDemoDirectory } from "@/lib/tenancy/demo";
import { localizedPath } from "@/lib/tenancy/urls";

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "Landing" });
  return { title: t("metaTitle") };
}

export default async function Landing({ params }: PageProps<"/[locale]">) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const [t, to] = await Promise.all([getTranslations("Landing"), getTranslations("Onboarding")]);
  const demo = loadDemoDirectory();
  return (
    <>
      <PlatformHeader locale={locale} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-12">
        <section className="max-w-2xl">
          <h1 className="text-4xl font-bold tracking-tight">{t("headline")}</h1>
          <p className="mt-4 text-lg text-slate-700">{t("lead")}</p>
          <div className="mt-6 flex flex-wrap gap-3">
            <a
              href={localizedPath("/sign-in", locale, PLATFORM_DEFAULT_LOCALE)}
              className="inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
            >
              {t("merchantCta")}
            </a>
            <a
              href={localizedPath("/account/new", locale, PLATFORM_DEFAULT_LOCALE)}
              className="inline-block rounded-md border border-slate-300 px-4 py-2 font-medium text-slate-900 hover:bg-slate-50"
            >
              {to("cta")}
            </a>
          </div>
        </section>
        {demo && <DemoAccounts directory={demo} locale={locale} />}
      </main>
    </>
  );
}
