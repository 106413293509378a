import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TextField } from "@/components/ui/text-field";
import { StaffActionForm } from "@/components/staff/staff-action-form";
import { apexSignInPath, loadSession } from "@/lib/auth/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { acceptInvitationAction } from "@/lib/staff/actions";
import { loadInvitation } from "@/lib/staff/loaders";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE, namespace: "Staff.invitation" });
  return { title: t("metaTitle") };
}

/**
 * An emailed invitation. The secret in the link is the only key: the page shows the inviting
 * merchant's name and the role, nothing else. Accepting needs the invited address: the
 * signed-in user with that email, a sign-in as that user, or a new account for it.
 */
export default async function InvitationPage({ params }: Props) {
  const { locale: raw, token } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const [user, invitation, t, tr, tf] = await Promise.all([
    loadSession(),
    loadInvitation(token),
    getTranslations("Staff.invitation"),
    getTranslations("Account.roles"),
    getTranslations("Onboarding.form"),
  ]);
  if (!invitation) {
    return (
      <section className="flex max-w-xl flex-col gap-4">
        <h1 className="text-3xl font-bold tracking-tight">{t("metaTitle")}</h1>
        <p role="alert" className="text-slate-700">
          {t("invalid")}
        </p>
      </section>
    );
  }
  const signInHref = await apexSignInPath(`/account/invitations/${token}`);
  const role = tr(invitation.role);
  return (
    <section aria-labelledby="invitation-title" className="flex max-w-xl flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 id="invitation-title" className="text-3xl font-bold tracking-tight">
          {t("title", { merchant: invitation.merchantName })}
        </h1>
        <p className="text-slate-600">{t("lead", { merchant: invitation.merchantName, role })}</p>
      </header>
      {user ? (
        user.email === invitation.email ? (
          <StaffActionForm action={acceptInvitationAction} submitLabel={t("accept")} pendingLabel={t("accepting")}>
            <input type="hidden" name="token" value={token} />
          </StaffActionForm>
        ) : (
          <p role="alert" className="text-slate-700">
            {t("wrongAccount", { email: invitation.email, current: user.email })}
          </p>
        )
      ) : invitation.hasAccount ? (
        <a href={signInHref} className="self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {t("signIn", { email: invitation.email })}
        </a>
      ) : (
        <StaffActionForm action={acceptInvitationAction} submitLabel={t("accept")} pendingLabel={t("accepting")} className="flex flex-col gap-4">
          <input type="hidden" name="token" value={token} />
          <p className="font-medium">{t("createAccount", { email: invitation.email })}</p>
          <TextField id="invite-name" name="name" label={tf("name")} autoComplete="name" required />
          <TextField id="invite-password" name="password" type="password" label={tf("password")} hint={tf("passwordHint")} autoComplete="new-password" required />
        </StaffActionForm>
      )}
    </section>
  );
}
