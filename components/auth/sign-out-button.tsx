import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/auth/actions";
import type { Locale } from "@/lib/i18n/locales";
import { SubmitButton } from "./submit-button";

/** Signs out of the current host only. */
export async function SignOutButton({ locale }: { locale: Locale }) {
  const t = await getTranslations("Auth");
  return (
    <form action={signOutAction}>
      <input type="hidden" name="locale" value={locale} />
      <SubmitButton label={t("signOut")} pendingLabel={t("signingOut")} variant="link" />
    </form>
  );
}
