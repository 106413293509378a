import { setRequestLocale } from "next-intl/server";
import { AccountMenu } from "@/components/auth/account-menu";
import { ClientIntlProvider } from "@/components/i18n/client-intl-provider";
import { PlatformHeader } from "@/components/layout/platform-header";
import { requireUser } from "@/lib/auth/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";

/**
 * The admin area's frame. Visitors are sent to sign in; every page gates itself with
 * requirePlatformAdmin(), whose 403 renders admin/forbidden.tsx inside this frame.
 */
export default async function AdminLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const user = await requireUser("/admin");
  return (
    <ClientIntlProvider>
      <PlatformHeader locale={locale}>
        <AccountMenu user={user} locale={locale} />
      </PlatformHeader>
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </ClientIntlProvider>
  );
}
