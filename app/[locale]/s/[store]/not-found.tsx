import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "@/components/layout/not-found-message";
import { StoreHomeLink } from "@/components/storefront/store-home";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";

// Next hands a not-found file's metadata the segment's params (not the component): "Page not
// found · <store>" through the storefront layout's title template.
export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE, namespace: "NotFound" });
  return { title: t("title") };
}

/** A storefront's 404, inside the store's frame, with the way back to the store's home page. */
export default function StoreNotFound() {
  const t = useTranslations("NotFound");
  return <NotFoundMessage action={<StoreHomeLink>{t("storeHome")}</StoreHomeLink>} />;
}
