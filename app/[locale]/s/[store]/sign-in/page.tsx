import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { emailSignInLabels } from "@/components/auth/labels";
import { redirectIfSignedIn } from "@/lib/auth/loaders";
import { searchParam } from "@/lib/auth/schema";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";

type Props = {
  params: Promise<{ locale: string; store: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "Auth.store" });
  return { title: t("metaTitle") };
}

/** Customers sign in on the store's own host with an emailed link or code; no passwords here. */
export default async function StoreSignInPage({ params, searchParams }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const query = await searchParams;
  const callbackUrl = searchParam(query, "callbackUrl");
  // Pages that already know the visitor's address (a member joining again) pass it on.
  const email = searchParam(query, "email", 254);
  await redirectIfSignedIn(callbackUrl, locale);
  const t = await getTranslations("Auth.store");
  const labels = await emailSignInLabels({ submit: t("submit"), pending: t("pending") });
  return (
    <AuthCard titleId="store-sign-in-title">
      <header>
        <h1 id="store-sign-in-title" className="text-2xl font-bold tracking-tight">
          {t("title", { store: store.name })}
        </h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </header>
      <EmailSignInForm callbackUrl={callbackUrl} labels={labels} defaultEmail={email} />
    </AuthCard>
  );
}
