import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { JoinForm } from "@/components/staff/join-form";
import { apexSignInPath, loadSession } from "@/lib/auth/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE, namespace: "Staff.join" });
  return { title: t("metaTitle") };
}

/** Joining a merchant's team with an access code: signed-in users, or new accounts made here. */
export default async function JoinPage({ params }: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const [user, t, tf] = await Promise.all([loadSession(), getTranslations("Staff.join"), getTranslations("Onboarding.form")]);
  const signInHref = await apexSignInPath("/account/join");
  return (
    <section aria-labelledby="join-title" className="flex max-w-xl flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 id="join-title" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="text-slate-600">{t("lead")}</p>
        {!user && (
          <p className="text-sm text-slate-600">
            {t("haveAccount")}{" "}
            <a href={signInHref} className="font-medium text-brand-700 underline">
              {t("signIn")}
            </a>
          </p>
        )}
      </header>
      <JoinForm
        needsAccount={!user}
        labels={{
          code: t("code"),
          accountLegend: t("accountLegend"),
          name: tf("name"),
          email: tf("email"),
          password: tf("password"),
          passwordHint: tf("passwordHint"),
          submit: t("submit"),
          submitting: t("submitting"),
        }}
      />
    </section>
  );
}
