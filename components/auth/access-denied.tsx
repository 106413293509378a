import { getTranslations } from "next-intl/server";
import type { MemberRefusal } from "@/lib/auth/refusal";
import { PLATFORM_DEFAULT_LOCALE, type Locale } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

/** The translated 403 page of the apex areas, for a signed-in user who lacks the right (sign-out is in the header). */
export async function AccessDenied({ locale, email, reason }: { locale: Locale; email: string; reason: "admin" | "account" | "suspended" | MemberRefusal }) {
  const t = await getTranslations("Errors.forbidden");
  const a = await getTranslations("Auth");
  return (
    <section aria-labelledby="access-denied-title" className="mx-auto flex max-w-xl flex-col items-center gap-3 py-16 text-center">
      <p className="text-sm font-semibold text-brand-600">{t("status")}</p>
      <h1 id="access-denied-title" className="text-3xl font-bold">
        {t("title")}
      </h1>
      <p className="text-slate-700">{t(reason)}</p>
      <p className="text-sm text-slate-600">{a("signedInAs", { email })}</p>
      <a href={localizedPath("/", locale, PLATFORM_DEFAULT_LOCALE)} className="mt-2 text-sm font-medium text-brand-700 underline">
        {t("home")}
      </a>
    </section>
  );
}
