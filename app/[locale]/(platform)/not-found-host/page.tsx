import { setRequestLocale } from "next-intl/server";
import { NotFoundMessage } from "@/components/layout/not-found-message";
import { isLocale } from "@/lib/locales";

// Reached only through the proxy's rewrite (status 404) for unknown hosts and forbidden paths.
export default async function NotFoundHost({ params }: PageProps<"/[locale]/not-found-host">) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  return (
    <main id="main">
      <NotFoundMessage />
    </main>
  );
}
