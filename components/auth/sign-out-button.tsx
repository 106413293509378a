import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { signOutAction } from "@/lib/auth/actions";
import { SubmitButton } from "@/components/ui/button";

/** Signs out of the current host only (in the request's language). */
export async function SignOutButton() {
  const t = await getTranslations("Auth");
  return (
    <ActionForm action={signOutAction}>
      <SubmitButton pendingLabel={t("signingOut")} variant="link">
        {t("signOut")}
      </SubmitButton>
    </ActionForm>
  );
}
