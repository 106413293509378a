import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TextField } from "@/components/auth/text-field";
import { StaffActionForm } from "@/components/staff/staff-action-form";
import { apexSignInPath, loadSession } from "@/lib/auth/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { joinWithCodeAction } from "@/lib/staff/actions";

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
      <StaffActionForm action={joinWithCodeAction} submitLabel={t("submit")} pendingLabel={t("submitting")} className="flex flex-col gap-4">
        <input type="hidden" name="locale" value={locale} />
        <TextField id="join-code" name="code" label={t("code")} autoComplete="off" autoCapitalize="none" spellCheck={false} required className="font-mono text-lg" />
        {!user && (
          <fieldset className="flex flex-col gap-4">
            <legend className="mb-2 text-lg font-semibold">{t("accountLegend")}</legend>
            <TextField id="join-name" name="name" label={tf("name")} autoComplete="name" required />
            <TextField id="join-email" name="email" type="email" label={tf("email")} autoComplete="email" required />
            <TextField id="join-password" name="password" type="password" label={tf("password")} hint={tf("passwordHint")} autoComplete="new-password" required />
          </fieldset>
        )}
      </StaffActionForm>
    </section>
  );
}
