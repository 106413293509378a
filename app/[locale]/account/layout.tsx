import { setRequestLocale } from "next-intl/server";
import { AccountMenu } from "@/components/auth/account-menu";
import { ClientIntlProvider } from "@/components/i18n/client-intl-provider";
import { PlatformHeader } from "@/components/layout/platform-header";
import { loadSession } from "@/lib/auth/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";

/** The merchant account area's frame. Every page under it gates itself (requireUser / requireMembership). */
export default async function AccountLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const user = await loadSession();
  return (
    <ClientIntlProvider>
      <PlatformHeader locale={locale}>{user && <AccountMenu user={user} locale={locale} />}</PlatformHeader>
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </ClientIntlProvider>
  );
}
