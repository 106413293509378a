import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { findActiveProgram } from "@/lib/loyalty/data";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";
import { Alert } from "@/components/ui/alert";

type Props = { params: Promise<{ locale: string; store: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "Loyalty.terms" });
  return { title: t("metaTitle") };
}

/**
 * The published program's terms (the text in the page's language, else another one with a note
 * saying so; and the merchant's own link when there is one).
 */
export default async function LoyaltyTermsPage({ params }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const program = await findActiveProgram(
    store.merchantId,
    locale,
    store.defaultLocale,
  );
  if (!program) notFound();
  const t = await getTranslations("Loyalty.terms");
  return (
    <article
      aria-labelledby="terms-title"
      className="mx-auto flex max-w-2xl flex-col gap-4"
    >
      <h1 id="terms-title" className="text-3xl font-bold tracking-tight">
        {t("title")}
      </h1>
      {program.termsText &&
        program.termsLocale &&
        program.termsLocale !== locale && (
          <Alert tone="warning" role="note">
            {t("fallbackNote", {
              language:
                new Intl.DisplayNames([locale], { type: "language" }).of(
                  program.termsLocale,
                ) ?? program.termsLocale,
            })}
          </Alert>
        )}
      {program.termsText && (
        <div
          lang={program.termsLocale ?? undefined}
          className="whitespace-pre-line text-slate-800"
        >
          {program.termsText}
        </div>
      )}
      {program.termsUrl && (
        <p>
          <a
            href={program.termsUrl}
            className="font-medium text-brand-700 underline"
            rel="noopener"
          >
            {t("external", { url: program.termsUrl })}
          </a>
        </p>
      )}
    </article>
  );
}
