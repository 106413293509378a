import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/types";
import { PLATFORM_DEFAULT_LOCALE, type Locale } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";
import { SignOutButton } from "./sign-out-button";

/** The apex header's account links: who is signed in, their areas, and sign-out. */
export async function AccountMenu({ user, locale }: { user: SessionUser; locale: Locale }) {
  const t = await getTranslations();
  const href = (path: string) => localizedPath(path, locale, PLATFORM_DEFAULT_LOCALE);
  return (
    <nav aria-label={t("Auth.signedInAs", { email: user.email })} className="flex flex-wrap items-center gap-4 text-sm">
      <span className="text-slate-600">{t("Auth.signedInAs", { email: user.email })}</span>
      <a href={href("/account")} className="font-medium text-slate-700 hover:text-slate-900">
        {t("Account.title")}
      </a>
      {user.isPlatformAdmin && (
        <a href={href("/admin")} className="font-medium text-slate-700 hover:text-slate-900">
          {t("Account.adminLink")}
        </a>
      )}
      <SignOutButton />
    </nav>
  );
}
