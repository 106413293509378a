import { getTranslations } from "next-intl/server";
import { giftCardCsvStream } from "@/lib/gift-card-admin/export";
import { giftCardExportAccess } from "@/lib/gift-card-admin/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";

/** Every gift card of the merchant (kind=cards), or the movements of a period (kind=ledger), as CSV. */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; merchantId: string }> }) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  const searchParams = Object.fromEntries(new URL(request.url).searchParams);
  const access = await giftCardExportAccess(merchantId, searchParams);
  if (!access.ok) {
    const t = await getTranslations({ locale, namespace: "Reports" });
    const refused = { 400: "badRequest", 401: "signIn", 403: "forbidden", 404: "notFound" } as const;
    const message = access.error ? t(`errors.${access.error}`) : t(`exportRefused.${refused[access.status]}`);
    return new Response(message, { status: access.status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
  const t = await getTranslations({ locale, namespace: "GiftCardAdmin.csv" });
  const name = access.kind === "cards" ? "gift-cards" : `gift-card-movements-${access.period.from}-${access.period.to}`;
  return new Response(
    giftCardCsvStream(access, (column) => t(column)),
    {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}.csv"`,
        "cache-control": "no-store",
      },
    },
  );
}
