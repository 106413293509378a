import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { StorefrontHeader } from "@/components/storefront/header";
import { StoreHomeProvider } from "@/components/storefront/store-home";
import { isLocale } from "@/lib/locales";
import { hasPublishedProgram } from "@/lib/loyalty/data";
import { storefrontProfile } from "@/lib/stores/loaders";
import { loadPublicStorefront, loadPublicStorefrontPage } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";

export async function generateMetadata({ params }: LayoutProps<"/[locale]/s/[store]">): Promise<Metadata> {
  const { store: slug, locale } = await params;
  const store = await loadPublicStorefront(slug);
  const name = isLocale(locale) && store.locales.includes(locale) ? storefrontProfile(store, locale).name : store.name;
  return { title: { default: name, template: `%s · ${name}` } };
}

export default async function StorefrontLayout({ children, params }: LayoutProps<"/[locale]/s/[store]">) {
  const { store, locale } = await loadPublicStorefrontPage(params);
  const [t, tg, loyalty] = await Promise.all([getTranslations("Storefront"), getTranslations("GiftCards.balance"), hasPublishedProgram(store.slug, store.merchantId)]);
  const profile = storefrontProfile(store, locale);
  const contact = profile.contact;
  return (
    <div className="flex min-h-screen flex-col">
      <StorefrontHeader store={store} locale={locale} name={profile.name} logoUrl={profile.logoUrl} loyalty={loyalty && store.isOpen} />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        {store.isOpen ? (
          <StoreHomeProvider href={localizedPath("/", locale, store.defaultLocale)}>{children}</StoreHomeProvider>
        ) : (
          <section className="py-16 text-center">
            <h1 className="text-2xl font-bold">{t("closedTitle")}</h1>
            <p className="mt-2 text-slate-600" data-testid="closed-message">
              {profile.closedMessage || t("closedBody", { store: profile.name })}
            </p>
          </section>
        )}
      </main>
      <footer className="border-t border-slate-200">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-4 text-sm text-slate-500">
          {(contact.email || contact.phone || contact.address) && (
            <address className="flex flex-wrap gap-x-4 not-italic" aria-label={t("contact")}>
              {contact.address && <span>{contact.address}</span>}
              {contact.phone && <a href={`tel:${contact.phone.replace(/[^+\d]/g, "")}`}>{contact.phone}</a>}
              {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
            </address>
          )}
          {store.isOpen && (
            <a href={localizedPath("/gift-cards/balance", locale, store.defaultLocale)} className="hover:text-slate-700 hover:underline">
              {tg("footerLink")}
            </a>
          )}
          <p>{t("poweredBy")}</p>
          <LanguageSwitcher locale={locale} locales={store.locales} defaultLocale={store.defaultLocale} storeSlug={store.slug} />
        </div>
      </footer>
    </div>
  );
}
