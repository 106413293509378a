import { getTranslations } from "next-intl/server";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { ordersCsvStream } from "@/lib/reports/export";
import { reportExportAccess } from "@/lib/reports/loaders";

/** The orders of the chosen period and store as CSV, streamed (see lib/reports/export.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; merchantId: string }> }) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  const searchParams = Object.fromEntries(new URL(request.url).searchParams);
  const access = await reportExportAccess(merchantId, searchParams);
  if (!access.ok) {
    const t = await getTranslations({ locale, namespace: "Reports" });
    const refused = { 400: "badRequest", 401: "signIn", 403: "forbidden", 404: "notFound" } as const;
    const message = access.error ? t(`errors.${access.error}`) : t(`exportRefused.${refused[access.status]}`);
    return new Response(message, { status: access.status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
  const t = await getTranslations({ locale, namespace: "Reports.csv" });
  const { period } = access.selection;
  return new Response(
    ordersCsvStream(access.selection, (column) => t(column)),
    {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="orders-${period.from}-${period.to}.csv"`,
        "cache-control": "no-store",
      },
    },
  );
}
