import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { loadMerchantArea } from "@/lib/auth/loaders";
import { hasRole } from "@/lib/auth/types";
import { loadChecklist } from "@/lib/onboarding/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { urlConfig } from "@/lib/tenancy/request";
import { absoluteUrl, localizedPath, storeAddress } from "@/lib/tenancy/urls";
import { Alert } from "@/components/ui/alert";

type Props = {
  params: Promise<{ locale: string; merchantId: string }>;
  searchParams: Promise<{ welcome?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId } = await params;
  const area = await loadMerchantArea(merchantId);
  return { title: area.merchantName };
}

export default async function MerchantHome({ params, searchParams }: Props) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const area = await loadMerchantArea(merchantId);
  const t = await getTranslations("Account.merchant");
  const tc = await getTranslations("Catalog.store");
  const tr = await getTranslations("Reports");
  const ta = await getTranslations("Audit");
  const config = urlConfig();
  const canManage = hasRole(area.access.role, "MANAGER");
  const checklist = canManage ? await loadChecklist(area.access) : [];
  const tl = await getTranslations("Onboarding.checklist");
  const welcome = (await searchParams).welcome === "1";
  const link = (path: string) =>
    localizedPath(path, locale, PLATFORM_DEFAULT_LOCALE);
  const base = `/account/m/${encodeURIComponent(area.access.merchantId)}`;
  const tly = await getTranslations("Loyalty.merchant");
  const tt = await getTranslations("Terminal");
  const tg = await getTranslations("GiftCardAdmin");
  const tp = await getTranslations("PaymentRequests.merchant");
  return (
    <>
      {welcome && (
        <Alert tone="success">
          {tl("welcome", { merchant: area.merchantName })}
        </Alert>
      )}
      <nav aria-label={t("sections")} className="flex flex-wrap gap-4 text-sm">
        {/* Every member sees the gift cards: staff look them up for customers. */}
        <a
          href={link(`${base}/gift-cards`)}
          className="font-medium text-brand-700 underline"
        >
          {tg("title")}
        </a>
        {canManage && (
          <>
            <a
              href={link(`${base}/store-credit`)}
              className="font-medium text-brand-700 underline"
            >
              {t("storeCredit")}
            </a>
            <a
              href={link(`${base}/payment-requests`)}
              className="font-medium text-brand-700 underline"
            >
              {tp("title")}
            </a>
            <a
              href={link(`${base}/loyalty`)}
              className="font-medium text-brand-700 underline"
            >
              {tly("title")}
            </a>
            <a
              href={link(`${base}/staff`)}
              className="font-medium text-brand-700 underline"
            >
              {t("staff")}
            </a>
            <a
              href={link(`${base}/reports`)}
              className="font-medium text-brand-700 underline"
            >
              {tr("title")}
            </a>
            {/* The audit log covers every store: store-limited managers do not read it. */}
            {!area.access.storeIds && (
              <a
                href={link(`${base}/audit`)}
                className="font-medium text-brand-700 underline"
              >
                {ta("title")}
              </a>
            )}
          </>
        )}
      </nav>
      {checklist.some((item) => !item.done) && (
        <section
          aria-labelledby="checklist-title"
          className="rounded-lg border border-slate-200 p-4"
        >
          <h2 id="checklist-title" className="text-lg font-semibold">
            {tl("title")}
          </h2>
          <ul className="mt-3 flex flex-col gap-2">
            {checklist.map((item) => (
              <li
                key={item.key}
                data-testid={`checklist-${item.key}`}
                data-done={item.done}
                className="flex items-center gap-3"
              >
                <span
                  aria-hidden="true"
                  className={`inline-flex size-5 items-center justify-center rounded-full border text-xs ${item.done ? "border-green-600 bg-green-600 text-white" : "border-slate-400"}`}
                >
                  {item.done ? "✓" : ""}
                </span>
                <a
                  href={link(item.href)}
                  className={
                    item.done
                      ? "text-slate-500 line-through"
                      : "font-medium text-brand-700 underline"
                  }
                >
                  {tl(item.key)}
                </a>
                <span className="sr-only">
                  {item.done ? tl("done") : tl("todo")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="stores-title" className="flex flex-col gap-4">
        <h1 id="stores-title" className="text-xl font-semibold">
          {t("stores")}
        </h1>
        {area.access.storeIds && (
          <p className="text-sm text-slate-600">{t("scoped")}</p>
        )}
        {area.stores.length === 0 ? (
          <p className="text-slate-600">{t("noStores")}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {area.stores.map((store) => (
              <li
                key={store.id}
                className="flex flex-col gap-2 rounded-lg border border-slate-200 p-4 shadow-sm"
              >
                <div className="flex items-center justify-between gap-2">
                  <h2 className="text-lg font-semibold">{store.name}</h2>
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-medium ${store.isOpen ? "bg-green-100 text-green-800" : "bg-slate-100 text-slate-700"}`}
                  >
                    {store.isOpen ? t("open") : t("closed")}
                  </span>
                </div>
                <a
                  href={localizedPath(
                    `/account/m/${encodeURIComponent(area.access.merchantId)}/stores/${encodeURIComponent(store.id)}/products`,
                    locale,
                    PLATFORM_DEFAULT_LOCALE,
                  )}
                  className="text-sm font-medium text-brand-700 underline"
                >
                  {tc("manage")}
                  <span className="sr-only"> – {store.name}</span>
                </a>
                <a
                  href={absoluteUrl(
                    storeAddress(store, config),
                    "/",
                    store.defaultLocale,
                    config,
                  )}
                  className="text-sm font-medium text-brand-700 underline"
                >
                  {t("visit")}
                  <span className="sr-only"> – {store.name}</span>
                </a>
                <a
                  href={absoluteUrl(
                    storeAddress(store, config),
                    "/terminal",
                    store.defaultLocale,
                    config,
                  )}
                  className="text-sm font-medium text-brand-700 underline"
                >
                  {tt("title")}
                  <span className="sr-only"> – {store.name}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
