import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { loadAccountHome } from "@/lib/auth/loaders";
import { loadPendingRequests } from "@/lib/staff/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE, namespace: "Account" });
  return { title: t("metaTitle") };
}

export default async function AccountHome({ params }: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const { user, merchants } = await loadAccountHome();
  const [t, to, pending] = await Promise.all([getTranslations("Account"), getTranslations("Onboarding.noBusiness"), loadPendingRequests(user.userId)]);
  const actions = (
    <div className="flex flex-wrap gap-3">
      <a href={localizedPath("/account/new", locale, PLATFORM_DEFAULT_LOCALE)} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {to("create")}
      </a>
      <a href={localizedPath("/account/join", locale, PLATFORM_DEFAULT_LOCALE)} className="rounded-md border border-slate-300 px-4 py-2 font-medium text-slate-900 hover:bg-slate-50">
        {to("join")}
      </a>
    </div>
  );
  const waiting =
    pending.length > 0 ? (
      <section aria-labelledby="pending-title" className="flex flex-col gap-2">
        <h2 id="pending-title" className="text-lg font-semibold">
          {to("pending")}
        </h2>
        <ul className="flex flex-col gap-1">
          {pending.map((r) => (
            <li key={r.id} data-testid="pending-request">
              {to("pendingItem", { merchant: r.merchant.name, role: t(`roles.${r.role}`) })}
            </li>
          ))}
        </ul>
      </section>
    ) : null;
  if (merchants.length === 0) {
    return (
      <section aria-labelledby="account-title" className="flex flex-col gap-6">
        <header>
          <h1 id="account-title" className="text-3xl font-bold tracking-tight">
            {to("title")}
          </h1>
          <p className="mt-1 text-slate-600">{to("lead")}</p>
        </header>
        {waiting}
        {actions}
      </section>
    );
  }
  return (
    <section aria-labelledby="account-title" className="flex flex-col gap-6">
      <header>
        <h1 id="account-title" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </header>
      <ul className="grid gap-4 sm:grid-cols-2">
        {merchants.map((m) => (
          <li key={m.merchantId}>
            {m.suspended ? (
              <div className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-slate-50 p-4">
                <span className="text-lg font-semibold">{m.name}</span>
                <span className="text-sm text-slate-600">{t("yourRole", { role: t(`roles.${m.role}`) })}</span>
                <span className="text-sm font-medium text-red-800">{t("suspended")}</span>
              </div>
            ) : (
              <a
                href={localizedPath(`/account/m/${m.merchantId}`, locale, PLATFORM_DEFAULT_LOCALE)}
                className="flex flex-col gap-1 rounded-lg border border-slate-200 p-4 shadow-sm hover:border-brand-600 hover:bg-brand-50"
              >
                <span className="text-lg font-semibold">{m.name}</span>
                <span className="text-sm text-slate-600">{t("yourRole", { role: t(`roles.${m.role}`) })}</span>
              </a>
            )}
          </li>
        ))}
      </ul>
      {waiting}
      {actions}
    </section>
  );
}
