import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { StorefrontHeader } from "@/components/storefront/header";
import { loadStorefront, loadStorefrontPage } from "@/lib/tenancy/loaders";

export async function generateMetadata({ params }: LayoutProps<"/[locale]/s/[store]">): Promise<Metadata> {
  const { store: slug } = await params;
  const store = await loadStorefront(slug);
  return { title: { default: store.name, template: `%s · ${store.name}` } };
}

export default async function StorefrontLayout({ children, params }: LayoutProps<"/[locale]/s/[store]">) {
  const { store, locale } = await loadStorefrontPage(params);
  setRequestLocale(locale);
  const t = await getTranslations("Storefront");
  return (
    <div className="flex min-h-screen flex-col">
      <StorefrontHeader store={store} locale={locale} />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        {store.isOpen ? (
          children
        ) : (
          <section className="py-16 text-center">
            <h1 className="text-2xl font-bold">{t("closedTitle")}</h1>
            <p className="mt-2 text-slate-600">{t("closedBody", { store: store.name })}</p>
          </section>
        )}
      </main>
      <footer className="border-t border-slate-200">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-4 text-sm text-slate-500">
          <p>{t("poweredBy")}</p>
          <LanguageSwitcher locale={locale} locales={store.locales} defaultLocale={store.defaultLocale} />
        </div>
      </footer>
    </div>
  );
}
