import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInErrorMessage } from "@/components/auth/sign-in-error";
import { searchParam } from "@/lib/auth/schema";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = {
  params: Promise<{ locale: string; store: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "Auth.error" });
  return { title: t("metaTitle") };
}

/** Auth.js's error page (pages.error) on a storefront: a used or expired link, too many attempts. */
export default async function StoreSignInErrorPage({ params, searchParams }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const sp = await searchParams;
  const t = await getTranslations("Auth.error");
  return (
    <AuthCard titleId="sign-in-error-title">
      <h1 id="sign-in-error-title" className="text-2xl font-bold tracking-tight">
        {t("title")}
      </h1>
      <SignInErrorMessage error={searchParam(sp, "error", 64)} minutes={searchParam(sp, "minutes", 8)} />
      <a href={localizedPath("/sign-in", locale, store.defaultLocale)} className="font-medium text-brand-700 underline">
        {t("back")}
      </a>
    </AuthCard>
  );
}
