import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { loadCustomerSession } from "@/lib/auth/loaders";
import { canOpenTerminal } from "@/lib/loyalty/loaders";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; store: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "Account.customer" });
  return { title: t("metaTitle") };
}

/** The signed-in customer's account on this store; visitors are sent to this store's sign-in. */
export default async function CustomerAccountPage({ params }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const href = (path: string) => localizedPath(path, locale, store.defaultLocale);
  const customer = await loadCustomerSession(store.id);
  if (!customer) redirect(`${href("/sign-in")}?${new URLSearchParams({ callbackUrl: href("/account") })}`);
  const [t, staff] = await Promise.all([getTranslations("Account.customer"), canOpenTerminal(store)]);
  return (
    <section aria-labelledby="customer-account-title" className="mx-auto flex max-w-xl flex-col gap-6">
      <header>
        <h1 id="customer-account-title" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="mt-1 text-slate-600">{t("lead", { store: store.name })}</p>
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 p-4 wrap-anywhere">
        <dt className="font-medium text-slate-700">{t("name")}</dt>
        <dd>{customer.name ?? <span className="text-slate-500">{t("noName")}</span>}</dd>
        <dt className="font-medium text-slate-700">{t("email")}</dt>
        <dd>{customer.email}</dd>
      </dl>
      <nav aria-label={t("title")}>
        <ul className="flex flex-col gap-2">
          <li>
            <a href={href("/account/orders")} className="font-medium text-brand-700 underline">
              {(await getTranslations("Orders.account"))("title")}
            </a>
          </li>
          <li>
            <a href={href("/account/owed")} className="font-medium text-brand-700 underline">
              {(await getTranslations("PaymentRequests.owed"))("link")}
            </a>
          </li>
          <li>
            <a href={href("/account/loyalty")} className="font-medium text-brand-700 underline">
              {(await getTranslations("Loyalty.account"))("link")}
            </a>
          </li>
          <li>
            <a href={href("/account/credit")} className="font-medium text-brand-700 underline">
              {(await getTranslations("StoreCredit"))("link")}
            </a>
          </li>
          <li>
            <a href={href("/account/gift-cards")} className="font-medium text-brand-700 underline">
              {(await getTranslations("GiftCards.account"))("link")}
            </a>
          </li>
        </ul>
      </nav>
      {/* Staff sign in here to work at the counter: their way to the terminal. */}
      {staff && (
        <a href={href("/terminal")} className="self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {(await getTranslations("Terminal"))("title")}
        </a>
      )}
      <div>
        <SignOutButton />
      </div>
    </section>
  );
}
